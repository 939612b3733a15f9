import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectMirrorAwsVersion, ensureCliConfig, renderCliConfig, resolveMirrorDir } from '../src/cli-config';

describe('Terraform CLI config', () => {
  let mirror: string;

  beforeAll(() => {
    mirror = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-harness-mirror-'));
    const aws = path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws');
    for (const version of ['5.9.0', '5.100.0', '5.40.1']) fs.mkdirSync(path.join(aws, version, 'linux_amd64'), { recursive: true });
  });

  afterAll(() => fs.rmSync(mirror, { recursive: true, force: true }));

  test('detects the highest aws version in a mirror', () => {
    expect(detectMirrorAwsVersion(mirror)).toBe('5.100.0');
    expect(detectMirrorAwsVersion(os.tmpdir())).toBeUndefined();
  });

  test('TF_PROVIDER_MIRROR picks the mirror, empty means the registry, a missing path is an error', () => {
    expect(resolveMirrorDir({ TF_PROVIDER_MIRROR: mirror })).toBe(mirror);
    expect(resolveMirrorDir({ TF_PROVIDER_MIRROR: '' })).toBeUndefined();
    expect(() => resolveMirrorDir({ TF_PROVIDER_MIRROR: '/nonexistent/mirror' })).toThrow('does not exist');
  });

  test('renders the mirror only for hashicorp providers, and the shared plugin cache only without a mirror', () => {
    const text = renderCliConfig('/opt/tf-plugins', '/tmp/cache');
    expect(text).not.toContain('plugin_cache_dir');
    expect(text).toMatch(/filesystem_mirror \{\n\s+path\s+= "\/opt\/tf-plugins"\n\s+include = \["registry.terraform.io\/hashicorp\/\*"\]/);
    expect(text).toMatch(/direct \{\n\s+exclude = \["registry.terraform.io\/hashicorp\/\*"\]/);
    expect(renderCliConfig(undefined, '/tmp/cache')).toBe('plugin_cache_dir = "/tmp/cache"\n');
  });

  test('writes the config file and creates the plugin cache', () => {
    const config = ensureCliConfig({ TF_PROVIDER_MIRROR: mirror });
    expect(config).toMatchObject({ mirrorDir: mirror, awsVersion: '5.100.0' });
    expect(fs.readFileSync(config.path, 'utf8')).toBe(renderCliConfig(mirror, config.pluginCacheDir));
    expect(fs.statSync(config.pluginCacheDir).isDirectory()).toBe(true);
  });
});
