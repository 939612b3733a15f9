import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing, Token } from 'cdktf';
import { Construct } from 'constructs';
import { awsContext, knownAwsContext, requireAccountContext, setAwsContext } from '../src/aws-context';
import { devStack } from './helpers';

describe('awsContext', () => {
  it("reads the region, partition and account an EnvironmentStack records", () => {
    const scope = new Construct(devStack({ region: 'cn-north-1' }), 'Thing');
    expect(awsContext(scope)).toEqual({ region: 'cn-north-1', partition: 'aws-cn', accountId: '111111111111' });
  });

  it('lets an explicit region and account win', () => {
    const scope = new Construct(devStack(), 'Thing');
    expect(awsContext(scope, { region: 'us-gov-west-1', accountId: '222222222222' })).toEqual({ region: 'us-gov-west-1', partition: 'aws-us-gov', accountId: '222222222222' });
  });

  it("falls back to the literal region of a plain stack's default provider", () => {
    const stack = new TerraformStack(Testing.app(), 'plain');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new AwsProvider(stack, 'other', { region: 'us-east-1', alias: 'other' });
    expect(awsContext(new Construct(stack, 'Thing'))).toEqual({ region: 'eu-west-1', partition: 'aws', accountId: undefined });
  });

  it('records a context on any stack', () => {
    const stack = new TerraformStack(Testing.app(), 'plain');
    setAwsContext(stack, { region: 'us-west-2', accountId: '333333333333' });
    expect(requireAccountContext(new Construct(stack, 'Thing'))).toEqual({ region: 'us-west-2', partition: 'aws', accountId: '333333333333' });
  });

  it('fails when the region or the account is unknown, or the region is not one', () => {
    const stack = new TerraformStack(Testing.app(), 'plain');
    new AwsProvider(stack, 'aws', { region: Token.asString({ Ref: 'region' }) });
    expect(() => awsContext(new Construct(stack, 'Thing'))).toThrow(/'region' is unknown; pass `region`, or give the stack an AwsProvider with a literal region/);
    const known = new TerraformStack(Testing.app(), 'known');
    new AwsProvider(known, 'aws', { region: 'eu-west-1' });
    expect(() => requireAccountContext(new Construct(known, 'Thing'))).toThrow(/'accountId' is unknown/);
    expect(() => awsContext(new Construct(known, 'Other'), { region: 'mars-1' })).toThrow(/'region' has unknown region 'mars-1'/);
  });

  it('tells what is known without failing on what is not', () => {
    const bare = new TerraformStack(Testing.app(), 'bare');
    expect(knownAwsContext(new Construct(bare, 'Thing'))).toEqual({ region: undefined, accountId: undefined });
    expect(knownAwsContext(new Construct(devStack(), 'Thing'))).toEqual({ region: 'ap-northeast-1', accountId: '111111111111' });
    expect(knownAwsContext(new Construct(devStack(), 'Thing'), { region: 'us-east-1' })).toEqual({ region: 'us-east-1', accountId: '111111111111' });
    // A construct's own provider decides the region; its account is not known.
    const stack = devStack();
    const virginia = new AwsProvider(stack, 'Virginia', { region: 'us-east-1', alias: 'virginia' });
    expect(knownAwsContext(new Construct(stack, 'Thing'), { provider: virginia })).toEqual({ region: 'us-east-1', accountId: undefined });
    const unknownRegion = new AwsProvider(stack, 'Later', { region: Token.asString({ Ref: 'region' }), alias: 'later' });
    expect(knownAwsContext(new Construct(stack, 'Other'), { provider: unknownRegion })).toEqual({ region: undefined, accountId: undefined });
  });
});

describe('awsContext of plain stacks', () => {
  it('reads the default provider, not an aliased one defined before it', () => {
    const stack = new TerraformStack(Testing.app(), 'plain');
    new AwsProvider(stack, 'other', { region: 'us-east-1', alias: 'other' });
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    expect(awsContext(new Construct(stack, 'Thing'))).toEqual({ region: 'eu-west-1', partition: 'aws', accountId: undefined });
  });

  it('knows no region from aliased providers only, or a default provider without a region', () => {
    const aliased = new TerraformStack(Testing.app(), 'aliased');
    new AwsProvider(aliased, 'other', { region: 'us-east-1', alias: 'other' });
    expect(knownAwsContext(new Construct(aliased, 'Thing'))).toEqual({ region: undefined, accountId: undefined });
    const bare = new TerraformStack(Testing.app(), 'bare');
    new AwsProvider(bare, 'aws', {});
    expect(() => awsContext(new Construct(bare, 'Thing'))).toThrow(
      "Construct 'bare/Thing': 'region' is unknown; pass `region`, or give the stack an AwsProvider with a literal region",
    );
  });

  it('takes an explicit region and account where the stack knows none', () => {
    const bare = new TerraformStack(Testing.app(), 'bare');
    expect(requireAccountContext(new Construct(bare, 'Thing'), { region: 'cn-northwest-1', accountId: '444444444444' })).toEqual({
      region: 'cn-northwest-1',
      partition: 'aws-cn',
      accountId: '444444444444',
    });
    expect(() => requireAccountContext(new Construct(bare, 'Other'), { region: 'us-east-1' })).toThrow(
      "Construct 'bare/Other': 'accountId' is unknown; pass `accountId`, or build the stack as an EnvironmentStack with its accountId",
    );
  });

  it("keeps an explicit region and account with a construct's own provider", () => {
    const stack = devStack();
    const virginia = new AwsProvider(stack, 'Virginia', { region: 'us-east-1', alias: 'virginia' });
    expect(knownAwsContext(new Construct(stack, 'Thing'), { provider: virginia, region: 'us-west-2', accountId: '222222222222' })).toEqual({ region: 'us-west-2', accountId: '222222222222' });
  });
});
