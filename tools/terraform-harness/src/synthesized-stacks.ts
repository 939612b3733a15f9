import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SynthesizedStack {
  name: string;
  /** Absolute path of `cdktf.out/stacks/<name>`. */
  dir: string;
}

/** Stacks that `cdktf synth` wrote for an app: `<appDir>/cdktf.out/stacks/<name>/cdk.tf.json`, sorted by name. */
export function findSynthesizedStacks(appDir: string): SynthesizedStack[] {
  const stacksDir = path.resolve(appDir, 'cdktf.out', 'stacks');
  if (!fs.existsSync(stacksDir)) return [];
  return fs
    .readdirSync(stacksDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(stacksDir, entry.name, 'cdk.tf.json')))
    .map((entry) => ({ name: entry.name, dir: path.join(stacksDir, entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
