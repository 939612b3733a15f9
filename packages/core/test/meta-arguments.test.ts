import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { applyConstructContract, dependsOnOf, providerRegion, useProvider } from '../src/meta-arguments';
import { configErrorOf, devStack, synthJson } from './helpers';

class Thing extends Construct {}

describe('applyConstructContract', () => {
  it('refuses a missing, null or non-object props object with a ConfigError naming props', () => {
    const stack = devStack();
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'A'), undefined)).message).toBe("Thing 'unit-dev/A': 'props' is missing; pass the props object as the third argument: new Thing(scope, id, { ... })");
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'B'), null)).field).toBe('props');
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'C'), 'props' as never)).message).toMatch(/'props' is the string 'props'/);
    expect(applyConstructContract(new Thing(stack, 'D'), undefined, { propsOptional: true })).toEqual({});
  });

  it('refuses meta-arguments of the wrong kind', () => {
    const stack = devStack();
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'A'), { provider: 'aws.us' as never })).message).toMatch(/'provider' is the string 'aws.us', not a Terraform provider/);
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'B'), { dependsOn: 'x' as never })).message).toMatch(/'dependsOn' is the string 'x', not a list/);
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'C'), { dependsOn: ['sg-1' as never] })).field).toBe('dependsOn[0]');
  });

  it('returns dependsOn for the main resources and puts every resource on the provider', () => {
    const stack = devStack();
    const provider = new AwsProvider(stack, 'us', { region: 'us-east-1', alias: 'us' });
    const before = new SnsTopic(stack, 'Before', { name: 'before', kmsMasterKeyId: 'alias/k' });
    const thing = new Thing(stack, 'Thing');
    const contract = applyConstructContract(thing, { provider, dependsOn: [before] });
    expect(contract.dependsOn).toEqual([before]);
    expect(contract.provider).toBe(provider);
    new SnsTopic(thing, 'Inside', { name: 'inside', kmsMasterKeyId: 'alias/k' });
    const topics = synthJson(stack).resource.aws_sns_topic;
    expect(topics.Before.provider).toBeUndefined();
    expect(Object.entries(topics).find(([name]) => name.startsWith('Thing_Inside'))?.[1].provider).toBe('aws.us');
    expect(applyConstructContract(new Thing(stack, 'Empty'), { dependsOn: [] })).toEqual({});
  });
});

describe('helpers of the contract', () => {
  it('useProvider leaves resources that name their own provider alone', () => {
    const stack = devStack();
    const us = new AwsProvider(stack, 'us', { region: 'us-east-1', alias: 'us' });
    const eu = new AwsProvider(stack, 'eu', { region: 'eu-west-1', alias: 'eu' });
    const thing = new Thing(stack, 'Thing');
    useProvider(thing, us);
    new SnsTopic(thing, 'Own', { name: 'own', kmsMasterKeyId: 'alias/k', provider: eu });
    expect(Object.values(synthJson(stack).resource.aws_sns_topic)[0].provider).toBe('aws.eu');
  });

  it('dependsOnOf and providerRegion', () => {
    const stack = devStack();
    expect(dependsOnOf({})).toBeUndefined();
    expect(providerRegion(new AwsProvider(stack, 'us', { region: 'us-east-1', alias: 'us' }))).toBe('us-east-1');
    expect(providerRegion(undefined)).toBeUndefined();
  });
});

describe('applyConstructContract messages', () => {
  const stack = devStack();
  const fix = 'pass the props object as the third argument: new Thing(scope, id, { ... })';

  it('says how to pass the props object, even when they are optional', () => {
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'A'), null, { propsOptional: true })).message).toBe(`Thing 'unit-dev/A': 'props' is null; ${fix}`);
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'B'), ['x'] as never)).message).toBe(`Thing 'unit-dev/B': 'props' is a list; ${fix}`);
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'C'), 42 as never)).message).toBe(`Thing 'unit-dev/C': 'props' is the number 42; ${fix}`);
    expect(applyConstructContract(new Thing(stack, 'D'), {})).toEqual({});
  });

  it('says what a provider and dependsOn must be', () => {
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'E'), { provider: {} as never })).message).toBe(
      "Thing 'unit-dev/E': 'provider' is an object, not a Terraform provider; pass an AwsProvider construct, for example new AwsProvider(stack, \"us\", { region: \"us-east-1\", alias: \"us\" })",
    );
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'F'), { dependsOn: {} as never })).message).toBe(
      "Thing 'unit-dev/F': 'dependsOn' is an object, not a list; pass a list of resources or modules, for example [bucket]",
    );
    const topic = new SnsTopic(stack, 'Topic', { name: 'topic', kmsMasterKeyId: 'alias/k' });
    expect(configErrorOf(() => applyConstructContract(new Thing(stack, 'G'), { dependsOn: [topic, null as never] })).message).toBe(
      "Thing 'unit-dev/G': 'dependsOn[1]' is null; pass resources, data sources or modules (constructs with an fqn), not their IDs",
    );
  });

  it('returns the provider alone when nothing is depended on', () => {
    const provider = new AwsProvider(stack, 'eu', { region: 'eu-west-1', alias: 'eu' });
    expect(applyConstructContract(new Thing(stack, 'H'), { provider })).toEqual({ provider });
  });
});

describe('dependsOnOf and providerRegion of other values', () => {
  it('copies a non-empty dependsOn list', () => {
    const stack = devStack();
    const topic = new SnsTopic(stack, 'Topic', { name: 'topic', kmsMasterKeyId: 'alias/k' });
    const dependsOn = [topic];
    expect(dependsOnOf({ dependsOn })).toEqual([topic]);
    expect(dependsOnOf({ dependsOn })).not.toBe(dependsOn);
    expect(dependsOnOf({ dependsOn: [] })).toBeUndefined();
  });

  it('knows no region of a provider whose region is unresolved or missing', () => {
    const stack = devStack();
    expect(providerRegion(new AwsProvider(stack, 'later', { region: Token.asString({ Ref: 'region' }), alias: 'later' }))).toBeUndefined();
    expect(providerRegion(new AwsProvider(stack, 'none', { alias: 'none' }))).toBeUndefined();
  });
});
