import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { setAwsContext } from '../src/aws-context';
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

describe('CrossStackReferences.allow', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cross-stack-')) });
  const { vendor, bank } = vendorAndBank(app, '333333333333');

  it('refuses anything but two stacks, naming the call to make', () => {
    const fix = 'pass the two TerraformStack objects: allow(consumingStack, originStack, reason)';
    expect(() => CrossStackReferences.allow(bank, { node: vendor.node } as never, 'same team')).toThrow(
      `EnvironmentStack 'bank-prod': 'crossStackReferences' names something that is not a stack; ${fix}`,
    );
    const notAStack = new Construct(bank, 'Service');
    expect(() => CrossStackReferences.allow(notAStack as never, vendor, 'same team')).toThrow(`Construct 'bank-prod/Service': 'crossStackReferences' names something that is not a stack; ${fix}`);
  });

  it('says why a reason is needed, also for one that is not a string', () => {
    expect(() => CrossStackReferences.allow(bank, vendor, undefined as never)).toThrow(
      "'crossStackReferences' allows 'vendor-prod' without a reason; say in one line why this stack reads the other stack's state",
    );
    expect(() => CrossStackReferences.allow(bank, bank, 'why not')).toThrow("'crossStackReferences' allows the stack to read itself; name the other stack whose values this stack reads");
  });

  it('records each origin once, with its first reason trimmed', () => {
    const other = new TerraformStack(app, 'other');
    expect(CrossStackReferences.allowedFor(bank)).toEqual([]);
    CrossStackReferences.allow(bank, vendor, '  one team owns both stacks ');
    CrossStackReferences.allow(bank, vendor, 'said again');
    CrossStackReferences.allow(bank, other, 'shared settings');
    expect(CrossStackReferences.allowedFor(bank)).toEqual([
      { from: 'vendor-prod', reason: 'one team owns both stacks' },
      { from: 'other', reason: 'shared settings' },
    ]);
    expect(CrossStackReferences.allowedFor(vendor)).toEqual([]);
  });
});

describe('stacks whose account is recorded on a plain stack', () => {
  function plainStacks(app: App, accounts: [string | undefined, string | undefined], useData = false): { a: TerraformStack; b: TerraformStack } {
    CrossStackReferences.guard(app);
    const [a, b] = ['a', 'b'].map((id, index) => {
      const stack = new TerraformStack(app, id);
      new AwsProvider(stack, 'aws', { region: 'ap-northeast-1' });
      const accountId = accounts[index];
      if (accountId) setAwsContext(stack, { region: 'ap-northeast-1', accountId });
      return stack;
    });
    const value = useData ? new DataAwsCallerIdentity(a, 'Me').accountId : new SnsTopic(a, 'Topic', { name: 'a', kmsMasterKeyId: 'alias/aws/sns' }).arn;
    new SsmParameter(b, 'P', { name: '/b', type: 'String', value });
    return { a, b };
  }

  it('fails across the recorded accounts, with the full fix', () => {
    expect(() => synthApp((app) => plainStacks(app, ['333333333333', '444444444444']))).toThrow(
      "TerraformStack 'b': 'a/Topic.arn (aws_sns_topic.Topic)' is a value of stack 'a' (account 333333333333), used in this stack (account 444444444444); " +
        "cdktf would read it from that stack's Terraform state with terraform_remote_state, across accounts; " +
        'pass it as a literal instead: a publishes it as an output, which is handed over as data (for a provider stack: npm run handoff -- a)',
    );
  });

  it('cannot allow across the recorded accounts', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cross-stack-')) });
    const { a, b } = plainStacks(app, ['333333333333', '444444444444']);
    expect(() => CrossStackReferences.allow(b, a, 'same team')).toThrow(
      "'crossStackReferences' allows 'a' (account 333333333333) from account 444444444444; a stack cannot read the state of another account: pass the values as data (the origin's outputs, a handoff document)",
    );
  });

  it('asks for an allowance when only one account is known, naming data sources by their path', () => {
    expect(() => synthApp((app) => plainStacks(app, ['333333333333', undefined], true))).toThrow(
      "TerraformStack 'b': 'a/Me.account_id (data.aws_caller_identity.Me)' is a value of stack 'a' (account 333333333333), which this stack would read from that stack's Terraform state; " +
        'pass it as a literal instead: a publishes it as an output, which is handed over as data (for a provider stack: npm run handoff -- a); ' +
        "or, within one account, allow it by name: CrossStackReferences.allow('b' stack, 'a' stack, reason)",
    );
    expect(() =>
      synthApp((app) => {
        const { a, b } = plainStacks(app, [undefined, '444444444444']);
        CrossStackReferences.allow(b, a, 'the account of a is not known here');
      }),
    ).not.toThrow();
    expect(() =>
      synthApp((app) => {
        const { a, b } = plainStacks(app, ['333333333333', undefined]);
        CrossStackReferences.allow(b, a, 'the account of b is not known here');
      }),
    ).not.toThrow();
  });
});

it('leaves an app it cannot guard alone', () => {
  expect(() => CrossStackReferences.guard(new Construct(undefined as never, 'root'))).not.toThrow();
});

describe('what a cross-stack value is and whom a stack allows', () => {
  class AccountStack extends TerraformStack {
    constructor(scope: App, id: string, public readonly accountId: string) {
      super(scope, id);
      new AwsProvider(this, 'aws', { region: 'ap-northeast-1' });
    }
  }

  it("reads the account of any stack that has an accountId", () => {
    expect(() =>
      synthApp((app) => {
        CrossStackReferences.guard(app);
        const a = new AccountStack(app, 'a', '333333333333');
        const b = new AccountStack(app, 'b', '444444444444');
        new SsmParameter(b, 'P', { name: '/b', type: 'String', value: new SnsTopic(a, 'Topic', { name: 'a', kmsMasterKeyId: 'alias/aws/sns' }).arn });
      }),
    ).toThrow("AccountStack 'b': 'a/Topic.arn (aws_sns_topic.Topic)' is a value of stack 'a' (account 333333333333), used in this stack (account 444444444444);");
  });

  it('allows only the stacks named, and shows a nested attribute and a variable by their path', () => {
    const build = (value: (a: TerraformStack) => string) => (app: App) => {
      CrossStackReferences.guard(app);
      const [a, b, c] = ['a', 'b', 'c'].map((id) => new AccountStack(app, id, '333333333333'));
      CrossStackReferences.allow(b, c, 'reads c only');
      new SsmParameter(b, 'P', { name: '/b', type: 'String', value: value(a) });
    };
    expect(() => synthApp(build((a) => new SnsTopic(a, 'Topic', { name: 'a', kmsMasterKeyId: 'alias/aws/sns' }).arn))).toThrow(
      "AccountStack 'b': 'a/Topic.arn (aws_sns_topic.Topic)' is a value of stack 'a' (account 333333333333), which this stack would read",
    );
    expect(() => synthApp(build((a) => new VpcEndpoint(a, 'Endpoint', { vpcId: 'vpc-1', serviceName: 'com.amazonaws.vpce.x' }).dnsEntry.get(0).dnsName))).toThrow(
      "AccountStack 'b': 'a/Endpoint.dns_entry[0].dns_name (aws_vpc_endpoint.Endpoint)' is a value of stack 'a'",
    );
    expect(() => synthApp(build((a) => new TerraformVariable(a, 'bucket', { type: 'string' }).stringValue))).toThrow(/AccountStack 'b': 'var\.bucket' is a value of stack 'a'/);
  });
});
