import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { App, TerraformStack } from 'cdktf';
import { CrossStackReferences } from '../src/cross-stack-references';
import { EnvironmentStack } from '../src/environment-stack';

// Cross-stack references appear only on app.synth() (cdktf creates them while preparing stacks).
function synthApp(build: (app: App) => void): Record<string, { data?: Record<string, unknown>; '//'?: Record<string, unknown>; resource?: Record<string, Record<string, Record<string, unknown>>> }> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cross-stack-'));
  try {
    const app = new App({ outdir });
    build(app);
    app.synth();
    const stacks = path.join(outdir, 'stacks');
    return Object.fromEntries(fs.readdirSync(stacks).map((name) => [name, JSON.parse(fs.readFileSync(path.join(stacks, name, 'cdk.tf.json'), 'utf8'))]));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const STATE = { type: 's3', bucket: 'acme-terraform-state' } as const;

function vendorAndBank(app: App, bankAccount: string): { vendor: EnvironmentStack; bank: EnvironmentStack } {
  const vendor = new EnvironmentStack(app, { application: 'vendor', environment: { name: 'prod', accountId: '333333333333', backend: STATE } });
  const bank = new EnvironmentStack(app, { application: 'bank', environment: { name: 'prod', accountId: bankAccount, backend: STATE } });
  const topic = new SnsTopic(vendor, 'Topic', { name: 'vendor-events', kmsMasterKeyId: 'alias/aws/sns' });
  new SsmParameter(bank, 'ServiceName', { name: '/bank/vendor-topic', type: 'String', value: topic.arn });
  return { vendor, bank };
}

describe('a value of one stack used in another', () => {
  it('fails the synth across accounts, naming both stacks, the value and the fix', () => {
    expect(() => synthApp((app) => vendorAndBank(app, '555500001111'))).toThrow(
      /EnvironmentStack 'bank-prod': 'vendor-prod\/Topic\.arn \(aws_sns_topic\.Topic\)' is a value of stack 'vendor-prod' \(account 333333333333\), used in this stack \(account 555500001111\); cdktf would read it from that stack's Terraform state with terraform_remote_state, across accounts; pass it as a literal instead: vendor-prod publishes it as an output/,
    );
  });

  it('cannot be allowed across accounts', () => {
    expect(() =>
      synthApp((app) => {
        const { vendor, bank } = vendorAndBank(app, '555500001111');
        CrossStackReferences.allow(bank, vendor, 'the bank reads the vendor topic');
      }),
    ).toThrow(/'crossStackReferences' allows 'vendor-prod' \(account 333333333333\) from account 555500001111; a stack cannot read the state of another account/);
  });

  it('fails within one account unless the stack allows the origin by name', () => {
    expect(() => synthApp((app) => vendorAndBank(app, '333333333333'))).toThrow(
      /'vendor-prod\/Topic\.arn \(aws_sns_topic\.Topic\)' is a value of stack 'vendor-prod' \(account 333333333333\), which this stack would read.*CrossStackReferences\.allow\('bank-prod' stack, 'vendor-prod' stack, reason\)/,
    );
  });

  it('reads it from the origin state once allowed in the same account, and records why', () => {
    const stacks = synthApp((app) => {
      const { vendor, bank } = vendorAndBank(app, '333333333333');
      CrossStackReferences.allow(bank, vendor, 'one team owns both stacks');
      expect(CrossStackReferences.allowedFor(bank)).toEqual([{ from: 'vendor-prod', reason: 'one team owns both stacks' }]);
    });
    expect(Object.keys(stacks['bank-prod'].data?.terraform_remote_state ?? {})).toHaveLength(1);
    expect(stacks['bank-prod']['//']?.crossStackReferences).toEqual([{ from: 'vendor-prod', reason: 'one team owns both stacks' }]);
    expect(stacks['vendor-prod']['//']?.crossStackReferences).toBeUndefined();
  });

  it('guards an app of plain stacks once asked, where accounts are unknown', () => {
    const build = (allow: boolean) => (app: App) => {
      CrossStackReferences.guard(app);
      CrossStackReferences.guard(app);
      const a = new TerraformStack(app, 'a');
      const b = new TerraformStack(app, 'b');
      [a, b].forEach((stack) => new AwsProvider(stack, 'aws', { region: 'ap-northeast-1' }));
      const topic = new SnsTopic(a, 'Topic', { name: 'a', kmsMasterKeyId: 'alias/aws/sns' });
      new SsmParameter(b, 'P', { name: '/b', type: 'String', value: topic.arn });
      if (allow) CrossStackReferences.allow(b, a, 'same team');
    };
    expect(() => synthApp(build(false))).toThrow(/TerraformStack 'b': 'a\/Topic\.arn \(aws_sns_topic\.Topic\)' is a value of stack 'a', which this stack would read/);
    expect(() => synthApp(build(true))).not.toThrow();
  });

  it('rejects an allowance without a reason or for the stack itself', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cross-stack-')) });
    const { vendor, bank } = vendorAndBank(app, '333333333333');
    expect(() => CrossStackReferences.allow(bank, vendor, ' ')).toThrow(/'crossStackReferences' allows 'vendor-prod' without a reason/);
    expect(() => CrossStackReferences.allow(bank, bank, 'why not')).toThrow(/allows the stack to read itself/);
  });
});

it('leaves stacks without cross-stack values alone', () => {
  const stacks = synthApp((app) => {
    new EnvironmentStack(app, { application: 'one', environment: { name: 'dev', accountId: '111111111111' } });
    new EnvironmentStack(app, { application: 'two', environment: { name: 'dev', accountId: '222222222222' } });
  });
  expect(Object.keys(stacks).sort()).toEqual(['one-dev', 'two-dev']);
});
