import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { isProduction } from '../src/production';
import { devStack } from './helpers';

describe('isProduction', () => {
  it('follows the stack of the construct', () => {
    const prod = devStack({ name: 'prod' });
    expect(isProduction(new Construct(new Construct(prod, 'A'), 'B'))).toBe(true);
    expect(isProduction(new Construct(devStack(), 'A'))).toBe(false);
  });

  it('reads isProduction of any stack, and is false for stacks without one', () => {
    class ProdStack extends TerraformStack {
      public readonly isProduction = true;
    }
    expect(isProduction(new ProdStack(Testing.app(), 'p'))).toBe(true);
    expect(isProduction(new TerraformStack(Testing.app(), 'plain'))).toBe(false);
  });
});

describe('isProduction of a stack that says so loosely', () => {
  it('is false unless isProduction is exactly true', () => {
    class LooseStack extends TerraformStack {
      public readonly isProduction = 'yes';
    }
    expect(isProduction(new LooseStack(Testing.app(), 'loose'))).toBe(false);
  });
});
