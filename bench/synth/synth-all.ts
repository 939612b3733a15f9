// Prototype: synthesize every app in ONE Node process, each into its own output dir, so cdktf,
// the provider modules and the libraries load once instead of once per app.
// Usage: node --import tsx bench/synth/synth-all.ts [<outroot>]   (default: each app's cdktf.out)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findApps } from './apps';

const root = path.resolve(__dirname, '..', '..');
const outroot = process.argv[2];

for (const app of findApps(root)) {
  // cdktf's App reads CDKTF_OUTDIR when it is constructed, and main.ts constructs and synthesizes on load.
  process.env.CDKTF_OUTDIR = outroot ? path.join(outroot, app.name) : path.join(app.dir, 'cdktf.out');
  fs.mkdirSync(process.env.CDKTF_OUTDIR, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded in turn, each with its own CDKTF_OUTDIR
  require(path.join(app.dir, 'main')); // main.ts through tsx, main.js once compiled
}
