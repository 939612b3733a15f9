import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Where the harness keeps its CLI config and the shared plugin cache. */
export const HARNESS_TMP_ROOT = path.join(os.tmpdir(), 'privatelink-cdktf-terraform');

const DEFAULT_MIRROR = '/opt/tf-plugins';

export interface TerraformCliConfig {
  /** Path to the written CLI config file: pass it as TF_CLI_CONFIG_FILE. */
  path: string;
  /** The filesystem mirror providers are installed from, or undefined for the public registry. */
  mirrorDir?: string;
  /** hashicorp/aws version found in the mirror; the pinned constraint is relaxed to it. */
  awsVersion?: string;
  pluginCacheDir: string;
}

/**
 * TF_PROVIDER_MIRROR wins (an empty value forces the registry); otherwise /opt/tf-plugins when present.
 * Without a mirror Terraform uses the registry, so someone with internet plans against the pinned provider.
 */
export function resolveMirrorDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.TF_PROVIDER_MIRROR;
  if (configured !== undefined) {
    if (configured === '') return undefined;
    if (!fs.existsSync(configured)) {
      throw new Error(`TF_PROVIDER_MIRROR=${configured} does not exist`);
    }
    return path.resolve(configured);
  }
  return fs.existsSync(DEFAULT_MIRROR) ? DEFAULT_MIRROR : undefined;
}

/** Highest hashicorp/aws version in a mirror (unpacked `<version>/` dirs or packed `..._<version>_<os>_<arch>.zip`). */
export function detectMirrorAwsVersion(mirrorDir: string): string | undefined {
  const dir = path.join(mirrorDir, 'registry.terraform.io', 'hashicorp', 'aws');
  if (!fs.existsSync(dir)) return undefined;
  const versions = fs
    .readdirSync(dir)
    .map((entry) => /^(?:terraform-provider-aws_)?(\d+\.\d+\.\d+)(?:_.*\.zip)?$/.exec(entry)?.[1])
    .filter((v): v is string => v !== undefined);
  return versions.sort(compareVersions).at(-1);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (pa[i] !== pb[i]) return pa[i] - pb[i];
  }
  return 0;
}

export function renderCliConfig(mirrorDir: string | undefined, pluginCacheDir: string): string {
  if (!mirrorDir) return `plugin_cache_dir = ${JSON.stringify(pluginCacheDir)}\n`;
  // An unpacked mirror is itself the shared, read-only plugin store: init links each stack's
  // .terraform/providers straight into it. A plugin cache on top adds a writable copy that a
  // concurrent init can swap out from under another stack's validate ("no package ... cached").
  // Only hashicorp/* comes from the mirror; anything else would still go to the registry.
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(mirrorDir)}`,
    '    include = ["registry.terraform.io/hashicorp/*"]',
    '  }',
    '  direct {',
    '    exclude = ["registry.terraform.io/hashicorp/*"]',
    '  }',
    '}',
    '',
  ].join('\n');
}

let cached: { key: string; config: TerraformCliConfig } | undefined;

/**
 * Writes the CLI config (once per process and mirror setting). The file name carries a hash of its
 * content, and it is written via rename, so parallel processes with other settings never clash.
 */
export function ensureCliConfig(env: NodeJS.ProcessEnv = process.env): TerraformCliConfig {
  const mirrorDir = resolveMirrorDir(env);
  const key = mirrorDir ?? '';
  if (cached?.key === key && fs.existsSync(cached.config.path)) return cached.config;

  // One cache for every stack and process: with the registry the ~600 MB provider downloads once.
  const pluginCacheDir = path.join(HARNESS_TMP_ROOT, 'plugin-cache');
  fs.mkdirSync(pluginCacheDir, { recursive: true });

  const content = renderCliConfig(mirrorDir, pluginCacheDir);
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
  const configPath = path.join(HARNESS_TMP_ROOT, `terraform-${hash}.tfrc`);
  if (!fs.existsSync(configPath)) {
    const tmp = `${configPath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, configPath);
  }

  const config: TerraformCliConfig = {
    path: configPath,
    mirrorDir,
    awsVersion: mirrorDir ? detectMirrorAwsVersion(mirrorDir) : undefined,
    pluginCacheDir,
  };
  cached = { key, config };
  return config;
}
