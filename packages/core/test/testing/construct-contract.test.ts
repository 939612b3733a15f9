import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic, type SnsTopicConfig } from '@cdktf/provider-aws/lib/sns-topic';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { configError } from '../../src/config-error';
import { applyConstructContract } from '../../src/meta-arguments';
import { DedicatedSecurityGroup, EncryptedLogGroup, EncryptionKey, FlowLogQueries, PrivateNetwork, ReachabilityAnalysis, VpcFlowLogs, type MetaArguments } from '../../src';
import { assertConstructContract } from '../../src/testing';

describe('the construct contract of core', () => {
  it.each([
    ['PrivateNetwork', () => assertConstructContract({ construct: PrivateNetwork, props: () => ({ name: 'contract', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1'] }), mainResourceTypes: ['aws_vpc'] })],
    [
      'DedicatedSecurityGroup',
      () => assertConstructContract({ construct: DedicatedSecurityGroup, props: () => ({ vpcId: 'vpc-1', name: 'contract', description: 'contract', ingress: [{ ports: [443], cidrs: ['10.0.0.0/16'] }] }), mainResourceTypes: ['aws_security_group'] }),
    ],
    ['EncryptionKey', () => assertConstructContract({ construct: EncryptionKey, props: () => ({ alias: 'contract', description: 'contract' }), mainResourceTypes: ['aws_kms_key'] })],
    ['EncryptedLogGroup', () => assertConstructContract({ construct: EncryptedLogGroup, props: () => ({ logGroupName: '/contract' }), mainResourceTypes: ['aws_cloudwatch_log_group'] })],
    ['VpcFlowLogs', () => assertConstructContract({ construct: VpcFlowLogs, props: () => ({ vpcId: 'vpc-1', name: 'contract' }), mainResourceTypes: ['aws_flow_log'] })],
    ['FlowLogQueries', () => assertConstructContract({ construct: FlowLogQueries, props: () => ({ name: 'contract/flow-logs', logGroupNames: ['/contract'] }), mainResourceTypes: ['aws_cloudwatch_query_definition'] })],
    [
      'ReachabilityAnalysis',
      () => assertConstructContract({ construct: ReachabilityAnalysis, props: () => ({ name: 'contract', source: 'i-0123456789abcdef0', destination: 'vpce-0123456789abcdef0' }), mainResourceTypes: ['aws_ec2_network_insights_path'] }),
    ],
  ])('%s follows it', (_name, check) => {
    expect(check).not.toThrow();
  });
});

describe('assertConstructContract', () => {
  interface TopicProps extends MetaArguments {
    readonly name: string;
  }

  /** Breaks the contract: reads props before checking them, and ignores the meta-arguments. */
  class CarelessTopic extends Construct {
    constructor(scope: Construct, id: string, props: TopicProps) {
      super(scope, id);
      new SnsTopic(this, 'Topic', { name: props.name, kmsMasterKeyId: 'alias/k' });
    }
  }

  it('says what a construct that skips it breaks', () => {
    expect(() => assertConstructContract({ construct: CarelessTopic, props: () => ({ name: 'careless' }), mainResourceTypes: ['aws_sns_topic'] })).toThrow(
      /CarelessTopic breaks the construct contract: props undefined gave TypeError: .*, not a ConfigError naming 'props'/,
    );
  });

  it('notices a construct that checks props but forgets dependsOn on its main resource', () => {
    class ForgetfulTopic extends Construct {
      constructor(scope: Construct, id: string, props: TopicProps) {
        super(scope, id);
        const { applyConstructContract } = jest.requireActual('../../src') as typeof import('../../src');
        applyConstructContract(this, props);
        new SnsTopic(this, 'Topic', { name: props.name, kmsMasterKeyId: 'alias/k' });
      }
    }
    expect(() => assertConstructContract({ construct: ForgetfulTopic, props: () => ({ name: 'forgetful' }), mainResourceTypes: ['aws_sns_topic'] })).toThrow(
      /ForgetfulTopic breaks the construct contract: with dependsOn, aws_sns_topic\.Subject_Topic_[0-9A-F]+ does not depend on it/,
    );
  });
});

describe('assertConstructContract on broken constructs', () => {
  interface Props extends MetaArguments {
    readonly name: string;
  }
  const props = (): Props => ({ name: 'broken' });
  const topic = (scope: Construct, id = 'Topic', config: Partial<SnsTopicConfig> = {}) => new SnsTopic(scope, id, { name: id.toLowerCase(), kmsMasterKeyId: 'alias/k', ...config });

  /** Follows the contract. */
  class Sound extends Construct {
    constructor(scope: Construct, id: string, p: Props) {
      super(scope, id);
      const { dependsOn } = applyConstructContract(this, p);
      topic(this, 'Topic', { dependsOn });
    }
  }

  it('passes a construct that follows it, built in the stack given', () => {
    const stacks: string[] = [];
    const contract = { construct: Sound, mainResourceTypes: ['aws_sns_topic'], stack: () => new TerraformStack(Testing.app(), 'custom') };
    expect(() =>
      assertConstructContract({
        ...contract,
        props: (stack) => {
          stacks.push(stack.node.id);
          return props();
        },
      }),
    ).not.toThrow();
    expect(stacks).toEqual(['custom', 'custom', 'custom', 'custom']);
  });

  it('says when a missing props object gives no error', () => {
    class Lenient extends Construct {
      constructor(scope: Construct, id: string, p?: Props) {
        super(scope, id);
        topic(this, 'Topic', { name: p?.name ?? 'lenient' });
      }
    }
    expect(() => assertConstructContract({ construct: Lenient, props, mainResourceTypes: ['aws_sns_topic'] })).toThrow(
      "Lenient breaks the construct contract: props undefined gave no error, not a ConfigError naming 'props'",
    );
  });

  describe('with propsOptional', () => {
    class OptionalTopic extends Construct {
      constructor(scope: Construct, id: string, p?: Props) {
        super(scope, id);
        const { dependsOn } = applyConstructContract(this, p, { propsOptional: true });
        topic(this, 'Topic', { dependsOn });
      }
    }

    it('passes a construct that accepts no props but refuses null', () => {
      expect(() => assertConstructContract({ construct: OptionalTopic, props, mainResourceTypes: ['aws_sns_topic'], propsOptional: true })).not.toThrow();
    });

    it('says when null props give no error', () => {
      class NullTolerant extends Construct {
        constructor(scope: Construct, id: string, p?: Props | null) {
          super(scope, id);
          const { dependsOn } = applyConstructContract(this, p ?? undefined, { propsOptional: true });
          topic(this, 'Topic', { dependsOn });
        }
      }
      expect(() => assertConstructContract({ construct: NullTolerant, props, mainResourceTypes: ['aws_sns_topic'], propsOptional: true })).toThrow(
        "NullTolerant breaks the construct contract: props null gave no error, not a ConfigError naming 'props'",
      );
    });
  });

  it('says when a missing props object gives an error about another field', () => {
    class Misreported extends Construct {
      constructor(scope: Construct, id: string, p: Props) {
        super(scope, id);
        if (p === undefined || p === null) configError(this, 'name', 'is missing', 'pass a name');
        applyConstructContract(this, p);
        topic(this);
      }
    }
    expect(() => assertConstructContract({ construct: Misreported, props, mainResourceTypes: ['aws_sns_topic'] })).toThrow(
      "Misreported breaks the construct contract: props undefined gave ConfigError: Misreported 'contract-dev/Subject': 'name' is missing; pass a name, not a ConfigError naming 'props'",
    );
  });

  it('says when a bad provider gives no error', () => {
    class Unchecked extends Construct {
      constructor(scope: Construct, id: string, p: Props) {
        super(scope, id);
        if (p === undefined || p === null) configError(this, 'props', 'is missing', 'pass the props');
        topic(this);
      }
    }
    expect(() => assertConstructContract({ construct: Unchecked, props, mainResourceTypes: ['aws_sns_topic'] })).toThrow(
      "Unchecked breaks the construct contract: provider: 'not a provider' gave no error, not a ConfigError naming 'provider'",
    );
  });

  it('says when a bad dependsOn gives an error about another field', () => {
    class Misnamed extends Construct {
      constructor(scope: Construct, id: string, p: Props) {
        super(scope, id);
        if (typeof p?.dependsOn === 'string') configError(this, 'waitFor', 'is not a list', 'pass a list');
        applyConstructContract(this, p);
        topic(this);
      }
    }
    expect(() => assertConstructContract({ construct: Misnamed, props, mainResourceTypes: ['aws_sns_topic'] })).toThrow(
      "Misnamed breaks the construct contract: dependsOn: 'x' gave ConfigError: Misnamed 'contract-dev/Subject': 'waitFor' is not a list; pass a list, not a ConfigError naming 'dependsOn'",
    );
  });

  it('says when the construct creates no resources', () => {
    class Empty extends Construct {
      constructor(scope: Construct, id: string, p: Props) {
        super(scope, id);
        applyConstructContract(this, p);
      }
    }
    expect(() => assertConstructContract({ construct: Empty, props, mainResourceTypes: ['aws_sns_topic'] })).toThrow('Empty breaks the construct contract: it creates no resources');
  });

  it('names every resource that is not on the provider given, and the provider it uses', () => {
    class Scattered extends Construct {
      constructor(scope: Construct, id: string, p: Props) {
        super(scope, id);
        // Checks the props on a construct of its own, so the provider never reaches its resources.
        applyConstructContract(new Construct(this, 'Checks'), p);
        topic(this, 'First');
        topic(this, 'Second', { provider: new AwsProvider(this, 'Other', { region: 'us-east-1', alias: 'other' }) });
      }
    }
    expect(() => assertConstructContract({ construct: Scattered, props, mainResourceTypes: ['aws_sns_topic'] })).toThrow(
      /^Scattered breaks the construct contract: with provider aws\.contract, aws_sns_topic\.Subject_First_[0-9A-F]+ uses the default provider; aws_sns_topic\.Subject_Second_[0-9A-F]+ uses aws\.other$/,
    );
  });

  it('says when none of the main resources was synthesized', () => {
    expect(() => assertConstructContract({ construct: Sound, props, mainResourceTypes: ['aws_vpc', 'aws_lb'] })).toThrow(
      'Sound breaks the construct contract: it synthesized none of its main resources (aws_vpc, aws_lb)',
    );
  });

  it('names every main resource that does not wait for dependsOn', () => {
    class HalfWaiting extends Construct {
      constructor(scope: Construct, id: string, p: Props) {
        super(scope, id);
        const { dependsOn } = applyConstructContract(this, p);
        topic(this, 'First');
        topic(this, 'Second');
        topic(this, 'Third', { dependsOn });
      }
    }
    expect(() => assertConstructContract({ construct: HalfWaiting, props, mainResourceTypes: ['aws_sns_topic'] })).toThrow(
      /^HalfWaiting breaks the construct contract: with dependsOn, aws_sns_topic\.Subject_First_[0-9A-F]+, aws_sns_topic\.Subject_Second_[0-9A-F]+ does not depend on it$/,
    );
  });
});
