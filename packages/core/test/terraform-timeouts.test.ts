import { TerraformVariable } from 'cdktf';
import { requireTimeouts } from '../src/terraform-timeouts';
import { devStack } from './helpers';

describe('requireTimeouts', () => {
  const stack = devStack();

  it('passes Go durations through and drops an empty block', () => {
    expect(requireTimeouts(stack, 'timeouts', { create: '20m', delete: '1h30m' })).toEqual({ create: '20m', delete: '1h30m' });
    expect(requireTimeouts(stack, 'timeouts', { update: '90s' })).toEqual({ update: '90s' });
    expect(requireTimeouts(stack, 'timeouts', {})).toBeUndefined();
    expect(requireTimeouts(stack, 'timeouts', undefined)).toBeUndefined();
  });

  it('skips values known only at apply time', () => {
    const value = new TerraformVariable(stack, 'create_timeout', { type: 'string' }).stringValue;
    expect(requireTimeouts(stack, 'timeouts', { create: value })).toEqual({ create: value });
  });

  it('names the field, the value and the fix', () => {
    expect(() => requireTimeouts(stack, 'timeouts', { create: '20 minutes' })).toThrow(/'timeouts.create' is '20 minutes'; give a positive duration such as '30s'/);
    expect(() => requireTimeouts(stack, 'timeouts', { delete: '0s' })).toThrow(/'timeouts.delete' is '0s'/);
    expect(() => requireTimeouts(stack, 'timeouts', { create: 20 as never })).toThrow(/'timeouts.create' is 20/);
    expect(() => requireTimeouts(stack, 'timeouts', { read: '5m' } as never)).toThrow(/'timeouts.read' is not a timeout of this resource; use 'create', 'update', 'delete'/);
    expect(() => requireTimeouts(stack, 'timeouts', { read: '5m' }, ['create', 'read', 'delete'])).not.toThrow();
    expect(() => requireTimeouts(stack, 'timeouts', '20m' as never)).toThrow(/'timeouts' is '20m'; give an object/);
  });
});

describe('requireTimeouts of other values', () => {
  const stack = devStack();

  it('returns the block it was given, and nothing for a block of unset operations', () => {
    const timeouts = { create: '10m0s', delete: undefined };
    expect(requireTimeouts(stack, 'timeouts', timeouts)).toBe(timeouts);
    expect(requireTimeouts(stack, 'timeouts', { create: undefined, update: undefined })).toBeUndefined();
    expect(requireTimeouts(stack, 'timeouts', { create: '1.5h', update: '100ms', delete: '0h1m' })).toEqual({ create: '1.5h', update: '100ms', delete: '0h1m' });
  });

  it('refuses what is not a block of positive durations', () => {
    expect(() => requireTimeouts(stack, 'timeouts', null as never)).toThrow("'timeouts' is null; give an object such as { create: '20m', delete: '20m' }");
    expect(() => requireTimeouts(stack, 'timeouts', ['20m'] as never)).toThrow(`'timeouts' is ["20m"]; give an object`);
    expect(() => requireTimeouts(stack, 'timeouts', { create: '0m0s' })).toThrow("'timeouts.create' is '0m0s'; give a positive duration such as '30s', '20m' or '1h30m'");
    expect(() => requireTimeouts(stack, 'timeouts', { update: '10' })).toThrow("'timeouts.update' is '10';");
    expect(() => requireTimeouts(stack, 'timeouts', { delete: '' })).toThrow("'timeouts.delete' is '';");
    expect(() => requireTimeouts(stack, 'timeouts', { delete: ['20m'] as never })).toThrow(`'timeouts.delete' is ["20m"];`);
    expect(() => requireTimeouts(stack, 'timeouts', { delete: '5m' }, ['create', 'read'])).toThrow("'timeouts.delete' is not a timeout of this resource; use 'create', 'read'");
  });
});
