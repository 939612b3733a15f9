import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Construct } from 'constructs';
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
