import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformStack, Testing } from 'cdktf';
import { StackModel } from '../../src/guardrails/stack-model';

describe('StackModel', () => {
  const stack = new TerraformStack(Testing.app(), 'model');
  const first = new Vpc(stack, 'First', { cidrBlock: '10.0.0.0/16' });
  const topic = new SnsTopic(stack, 'Topic', { name: 'events' });
  const second = new Vpc(stack, 'Second', { cidrBlock: '10.1.0.0/16' });
  const log = new FlowLog(stack, 'Log', { vpcId: first.id, trafficType: 'ALL', logDestination: `${topic.arn}`, tags: { peer: second.id, again: first.id } });
  // Not in the model: references to it are not followed.
  const outside = new Vpc(stack, 'Outside', { cidrBlock: '10.2.0.0/16' });
  const model = new StackModel(stack, true, [first, topic, second, log]);
  const addresses = (resources: readonly { address: string }[]) => resources.map((r) => r.address);

  it('knows its stack and whether it is production', () => {
    expect(model.stack).toBe(stack);
    expect(model.production).toBe(true);
    expect(new StackModel(stack, false, []).production).toBe(false);
  });

  it('gives every resource, resolved, in the order it was given', () => {
    expect(addresses(model.resources)).toEqual(['aws_vpc.First', 'aws_sns_topic.Topic', 'aws_vpc.Second', 'aws_flow_log.Log']);
    expect(model.resources[0].attributes).toEqual({ cidr_block: '10.0.0.0/16' });
  });

  it('gives the resources of the types asked for, type by type', () => {
    expect(addresses(model.ofType('aws_vpc'))).toEqual(['aws_vpc.First', 'aws_vpc.Second']);
    expect(addresses(model.ofType('aws_flow_log', 'aws_vpc'))).toEqual(['aws_flow_log.Log', 'aws_vpc.First', 'aws_vpc.Second']);
    expect(model.ofType('aws_lb')).toEqual([]);
    expect(model.ofType()).toEqual([]);
  });

  it('resolves each resource once, whichever way it is asked for', () => {
    expect(model.ofType('aws_vpc')[1]).toBe(model.resources[2]);
    expect(model.referenced(model.resources[3].attributes.vpc_id)[0]).toBe(model.ofType('aws_vpc')[0]);
  });

  it('follows the references of a value to the resources of the model, once each, of the types asked for', () => {
    const { vpc_id: vpcId, log_destination: destination, tags } = model.ofType('aws_flow_log')[0].attributes;
    const value = [vpcId, destination, tags];
    expect(addresses(model.referenced(value))).toEqual(['aws_vpc.First', 'aws_sns_topic.Topic', 'aws_vpc.Second']);
    expect(addresses(model.referenced(value, 'aws_vpc'))).toEqual(['aws_vpc.First', 'aws_vpc.Second']);
    expect(addresses(model.referenced(value, 'aws_sns_topic', 'aws_lb'))).toEqual(['aws_sns_topic.Topic']);
    expect(model.referenced(value, 'aws_lb')).toEqual([]);
    expect(model.referenced(`\${aws_vpc.${outside.friendlyUniqueId}.id}`)).toEqual([]);
    expect(model.referenced('aws_vpc.First')).toEqual([]);
  });

  it('tells whether a value refers to a resource', () => {
    const [vpc, other] = model.ofType('aws_vpc');
    expect(model.refersTo('${aws_vpc.First.id}', vpc)).toBe(true);
    expect(model.refersTo(['${aws_vpc.First.id}'], other)).toBe(false);
    expect(model.refersTo('vpc-0a1b2c3d', vpc)).toBe(false);
  });
});
