// One scaling measurement in a fresh process: builds and synthesizes one stack of size N and
// prints its timings and peak RSS as JSON. Usage: node --import tsx bench/scaling/child.ts <case> <n> <outdir>
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CASES, ZONES, type NetworkLike } from './cases';

export interface ScalingSample {
  readonly resources: number;
  /** Node start to the libraries loaded. */
  readonly loadMs: number;
  /** Constructing the stack. */
  readonly constructMs: number;
  /** app.synth(): validation, token resolution, JSON written. */
  readonly synthMs: number;
  readonly maxRssKiB: number;
}

async function main(): Promise<void> {
  const [caseName, size, outdir] = process.argv.slice(2);
  const scalingCase = CASES[caseName];
  const n = Number(size);
  if (!scalingCase || !Number.isInteger(n) || !outdir) throw new Error(`usage: child.ts <${Object.keys(CASES).join('|')}> <n> <outdir>`);

  const { App } = await import('cdktf');
  const core = await import('@privatelink-cdktf/core');
  const build = await scalingCase.load();
  const loadedAt = performance.now();

  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir });
  const stack = new core.EnvironmentStack(app, {
    application: `bench-${caseName}`,
    environment: { name: 'dev', accountId: '111111111111', region: 'ap-northeast-1', backend: { type: 'local' } },
  });
  const network: NetworkLike = new core.PrivateNetwork(stack, 'Network', { name: `bench-${caseName}`, cidrBlock: '10.0.0.0/16', zones: ZONES });
  build(stack, network, n);
  const builtAt = performance.now();
  app.synth();
  const synthesizedAt = performance.now();

  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8'));
  const resources = Object.values(json.resource as Record<string, object>).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
  const sample: ScalingSample = {
    resources,
    loadMs: loadedAt, // performance.now() counts from the start of the process
    constructMs: builtAt - loadedAt,
    synthMs: synthesizedAt - builtAt,
    maxRssKiB: process.resourceUsage().maxRSS,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
