import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Testing } from 'cdktf';
import { EnvironmentStack, Guardrails, resourceRule, type EnvironmentStackProps } from '../../src';
import { synthesizeToFile } from './helpers';

function stack(guardrails?: EnvironmentStackProps['guardrails']): EnvironmentStack {
  return new EnvironmentStack(Testing.app(), { application: 'unit', environment: { name: 'stg', accountId: '222222222222' }, guardrails });
}

describe('EnvironmentStack guardrails', () => {
  it('applies the pack to every stack without being asked', () => {
    const s = stack();
    new SnsTopic(s, 'Topic', { name: 'events' });
    expect(() => synthesizeToFile(s)).toThrow(/\[PL-SNS-1\] unit-stg\/Topic/);
  });

  it('takes suppressions and rules of your own through its props', () => {
    const s = stack({
      rules: [resourceRule('ACME-1', 'Topics are named with a team prefix.', ['aws_sns_topic'], (t) => (String(t.attributes.name).startsWith('team-') ? undefined : { problem: "'name' has no team prefix", fix: 'prefix it with team-' }))],
      suppressions: [{ ruleId: 'PL-SNS-1', path: 'Topic', reason: 'Public status feed, no customer data' }],
    });
    new SnsTopic(s, 'Topic', { name: 'events' });
    expect(() => synthesizeToFile(s)).toThrow(/\[ACME-1\] unit-stg\/Topic/);
    expect(() => synthesizeToFile(s)).not.toThrow(/PL-SNS-1/);
    expect(Guardrails.of(s).rules.map((r) => r.id)).toContain('ACME-1');
  });

  it('writes the suppressions given in props to cdk.tf.json', () => {
    const s = stack({ suppressions: [{ ruleId: 'PL-VPC-1', path: 'Vpc', reason: 'Flow logs are collected centrally by the network team' }] });
    new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    expect(synthesizeToFile(s)['//'].guardrails.suppressions).toEqual([
      { ruleId: 'PL-VPC-1', path: 'unit-stg/Vpc', reason: 'Flow logs are collected centrally by the network team', source: 'stack', suppressed: ['aws_vpc.Vpc'] },
    ]);
  });

  it('refuses a suppression without a reason when the stack is built', () => {
    expect(() => stack({ suppressions: [{ ruleId: 'PL-VPC-1', path: 'Vpc', reason: '' }] })).toThrow(/EnvironmentStack 'unit-stg': 'guardrails\.suppressions\[0\]\.reason'/);
  });
});
