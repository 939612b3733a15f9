// npm run handoff -- <provider-stack> [--out <file>] [--state <file> | --outputs <file>] [--stack-dir <dir>] [--no-synth]
//
// Writes the handoff document a customer needs to create its interface endpoint (service name, AZ
// IDs, private DNS name, supported regions and IP address types) from the provider stack's outputs,
// so no stack ever reads another account's Terraform state. By default it synthesizes the app and
// runs `terraform init` and `terraform output -json` in the stack dir with your credentials (the
// stack's real backend); --state reads the outputs of a state file and --outputs a saved
// `terraform output -json` instead, without AWS. The document is checked by the consumer's reader
// before it is written (default: handoff/<stack>.json).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { HANDOFF_OUTPUTS, handoffFromOutputs } from '@privatelink-cdktf/consumer';
import { REPO_ROOT, capture, displayPath, main, run, synthesizeApp } from './run';
import { findStack } from './stacks';

const USAGE = 'usage: npm run handoff -- <provider-stack> [--out <file>] [--state <file> | --outputs <file>] [--stack-dir <dir>] [--no-synth]';

type Outputs = Record<string, { value?: unknown } | undefined>;

main(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      state: { type: 'string' },
      outputs: { type: 'string' },
      'stack-dir': { type: 'string' },
      'no-synth': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (positionals.length !== 1) throw new Error(`expected one provider stack name\n${USAGE}`);
  if (values.state && values.outputs) throw new Error(`give --state or --outputs, not both\n${USAGE}`);
  const [name] = positionals;

  let stackDir = values['stack-dir'] && path.resolve(values['stack-dir']);
  if (!stackDir) {
    const stack = findStack(REPO_ROOT, name);
    if (!values['no-synth']) synthesizeApp(stack.appDir);
    stackDir = stack.stackDir;
  }
  requireHandoffOutputs(name, stackDir);

  let outputs: Outputs;
  let source: string;
  if (values.state) {
    source = values.state;
    outputs = (readJson(values.state) as { outputs?: Outputs }).outputs ?? {};
  } else if (values.outputs) {
    source = values.outputs;
    outputs = readJson(values.outputs) as Outputs;
  } else {
    source = `terraform output -json of ${name}`;
    outputs = terraformOutputs(stackDir);
  }

  const document = handoffFromOutputs(name, outputs, source);
  const out = path.resolve(values.out ?? path.join(REPO_ROOT, 'handoff', `${name}.json`));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${displayPath(out)}: ${document.serviceName} in ${document.availabilityZoneIds.join(', ')}${document.privateDnsName ? `, private DNS name ${document.privateDnsName}` : ''}`);
  console.log("give it to the customer: its consumer config reads it with readHandoffDocument from @privatelink-cdktf/consumer");
});

/** Fails early, naming the missing outputs, when the stack does not hand its service over. */
function requireHandoffOutputs(name: string, stackDir: string): void {
  const file = path.join(stackDir, 'cdk.tf.json');
  if (!fs.existsSync(file)) throw new Error(`${displayPath(file)} does not exist: synthesize the app first (or leave out --no-synth)`);
  const defined = Object.keys((readJson(file) as { output?: Record<string, unknown> }).output ?? {});
  const missing = Object.values(HANDOFF_OUTPUTS).filter((output) => !defined.includes(output));
  if (missing.length > 0) {
    throw new Error(`${name} defines no output ${missing.join(', ')}: it is not a provider stack that hands its service over (the outputs are ${Object.values(HANDOFF_OUTPUTS).join(', ')})`);
  }
}

/** The applied stack's outputs, read through its real backend with the caller's credentials. */
function terraformOutputs(stackDir: string): Outputs {
  const terraform = process.env.TERRAFORM_BIN || 'terraform';
  const options = { cwd: stackDir, env: { ...process.env, TF_IN_AUTOMATION: '1' } };
  run(terraform, ['init', '-input=false'], { ...options, stdio: ['ignore', 'ignore', 'inherit'] });
  return JSON.parse(capture(terraform, ['output', '-json'], options)) as Outputs;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} cannot be read as JSON: ${(error as Error).message}`);
  }
}
