import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { blocksOf, booleanOf, isExpression, referencesIn, stringsOf, synthesizedResource } from '../../src/guardrails/synthesized-resource';

describe('synthesizedResource', () => {
  const stack = new TerraformStack(Testing.app(), 'model');
  const vpc = new Vpc(new Construct(stack, 'Network'), 'Vpc', { cidrBlock: '10.0.0.0/16', enableDnsSupport: true });
  const topic = new SnsTopic(stack, 'Topic', { name: 'events', tags: { vpc: vpc.id } });
  topic.addOverride('display_name', 'Events');
  topic.addOverride('//', { note: 'reviewed' });
  const moved = new SnsTopic(stack, 'Old', { name: 'old' });
  moved.moveToId('aws_sns_topic.Topic');

  it('names the resource by type, logical name, address and construct path', () => {
    const { type, name, address, path, construct } = synthesizedResource(vpc);
    expect(name).toMatch(/^Network_Vpc_[0-9A-F]{8}$/);
    expect({ type, name, address, path }).toEqual({ type: 'aws_vpc', name: vpc.friendlyUniqueId, address: `aws_vpc.${vpc.friendlyUniqueId}`, path: 'model/Network/Vpc' });
    expect(construct).toBe(vpc);
  });

  it('gives the attributes as Terraform sees them: snake_case, overrides applied, references rendered, no // metadata', () => {
    expect(synthesizedResource(topic).attributes).toEqual({ name: 'events', display_name: 'Events', tags: { vpc: `\${aws_vpc.${vpc.friendlyUniqueId}.id}` } });
  });

  it('reads a reference to another stack without wiring it up: the app is left as it was', () => {
    const app = Testing.app();
    const network = new TerraformStack(app, 'network');
    const shared = new Vpc(network, 'Shared', { cidrBlock: '10.0.0.0/16' });
    const consumer = new TerraformStack(app, 'consumer');
    const log = new FlowLog(consumer, 'Log', { vpcId: shared.id, trafficType: 'ALL', logDestination: 'arn:aws:s3:::flow-logs' });
    expect(synthesizedResource(log).attributes.vpc_id).toBe(`\${aws_vpc.${shared.friendlyUniqueId}.id}`);
    expect((JSON.parse(Testing.synth(network)) as { output?: unknown }).output).toBeUndefined();
  });

  it('gives a moved resource, which synthesizes no resource block, no attributes', () => {
    expect(synthesizedResource(moved)).toMatchObject({ address: 'aws_sns_topic.Old', attributes: {} });
  });
});

describe('isExpression', () => {
  it.each([
    ['${aws_vpc.Vpc.id}', true],
    ['prefix-${var.name}', true],
    ['vpc-0a1b2c3d', false],
    ['$ {not}', false],
    [42, false],
    [['${aws_vpc.Vpc.id}'], false],
    [undefined, false],
  ])('%j is %s', (value, expected) => {
    expect(isExpression(value)).toBe(expected);
  });
});

describe('blocksOf', () => {
  it('gives a repeated block as its objects, a single block as a list of one, anything else as none', () => {
    expect(blocksOf([{ a: 1 }, null, 'x', 3, { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
    expect(blocksOf({ a: 1 })).toEqual([{ a: 1 }]);
    expect(blocksOf(null)).toEqual([]);
    expect(blocksOf('block')).toEqual([]);
    expect(blocksOf(undefined)).toEqual([]);
  });
});

describe('stringsOf', () => {
  it('gives the strings of a string or a (nested) list, and nothing else', () => {
    expect(stringsOf('a')).toEqual(['a']);
    expect(stringsOf(['a', ['b', 3], null, { c: 'd' }])).toEqual(['a', 'b']);
    expect(stringsOf(3)).toEqual([]);
    expect(stringsOf({ a: 'b' })).toEqual([]);
  });
});

describe('booleanOf', () => {
  it.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
    ['yes', false],
    [1, false],
    [undefined, undefined],
    [null, undefined],
    ['${var.enabled}', 'unknown'],
  ])('reads %j as %j', (value, expected) => {
    expect(booleanOf(value)).toBe(expected);
  });
});

describe('referencesIn', () => {
  it('finds the managed resources an expression refers to, with the attribute read', () => {
    expect(referencesIn('${aws_vpc.Network_Vpc-1.default_security_group_id}')).toEqual([{ address: 'aws_vpc.Network_Vpc-1', attribute: 'default_security_group_id' }]);
  });

  it('reads names and attributes as Terraform writes identifiers: a leading underscore, digits', () => {
    expect(referencesIn('${aws_vpc._legacy2.ipv6_cidr_block}')).toEqual([{ address: 'aws_vpc._legacy2', attribute: 'ipv6_cidr_block' }]);
    expect(referencesIn('${aws_vpc.Vpc._shadow}')).toEqual([{ address: 'aws_vpc.Vpc', attribute: '_shadow' }]);
  });

  it('finds a reference to a whole resource, or to one instance of it', () => {
    expect(referencesIn('${aws_instance.Host}')).toEqual([{ address: 'aws_instance.Host', attribute: '' }]);
    expect(referencesIn('${aws_instance.Host[0].id}')).toEqual([{ address: 'aws_instance.Host', attribute: 'id' }]);
    expect(referencesIn('${aws_instance.Host["a"].private_ip}')).toEqual([{ address: 'aws_instance.Host', attribute: 'private_ip' }]);
  });

  it('finds every reference of an expression, once each', () => {
    expect(referencesIn('${aws_s3_bucket.B.arn}/*,${aws_s3_bucket.B.arn},${aws_kms_key.K.arn},${aws_s3_bucket.B.id}')).toEqual([
      { address: 'aws_s3_bucket.B', attribute: 'arn' },
      { address: 'aws_kms_key.K', attribute: 'arn' },
      { address: 'aws_s3_bucket.B', attribute: 'id' },
    ]);
  });

  it('looks inside lists and objects', () => {
    expect(referencesIn({ ids: ['${aws_security_group.A.id}'], nested: { group: '${aws_security_group.B.id}' }, count: 1, none: null })).toEqual([
      { address: 'aws_security_group.A', attribute: 'id' },
      { address: 'aws_security_group.B', attribute: 'id' },
    ]);
  });

  it.each([
    ['a data source', '${data.aws_iam_policy_document.doc.json}'],
    ['a name that merely ends like a resource type', '${module.xaws_vpc.Vpc.id}'],
    ['text that is not an expression', 'aws_vpc.Vpc.id'],
    ['a resource of another provider', '${random_id.Suffix.hex}'],
    ['no value', undefined],
  ])('finds nothing in %s', (_name, value) => {
    expect(referencesIn(value)).toEqual([]);
  });
});
