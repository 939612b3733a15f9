import { Construct } from 'constructs';
import { requirePreventDestroy } from '../src/prevent-destroy';
import { synthesizeToFile } from './guardrails/helpers';
import { configErrorOf, devStack } from './helpers';

describe('requirePreventDestroy', () => {
  it('is on in production and off elsewhere when the caller leaves it out', () => {
    expect(requirePreventDestroy(new Construct(devStack({ name: 'prod', backend: { type: 's3', bucket: 'acme-terraform-state' } }), 'Service'), 'preventDestroy', undefined, 'the endpoint service')).toBe(true);
    expect(requirePreventDestroy(new Construct(devStack(), 'Service'), 'preventDestroy', undefined, 'the endpoint service')).toBe(false);
  });

  it('keeps what the caller set, and records false in production as an acknowledgement of PL-PROD-2', () => {
    const prod = devStack({ name: 'prod', backend: { type: 's3', bucket: 'acme-terraform-state' } });
    expect(requirePreventDestroy(new Construct(prod, 'Service'), 'preventDestroy', false, 'the endpoint service')).toBe(false);
    const dev = devStack();
    expect(requirePreventDestroy(new Construct(dev, 'Service'), 'preventDestroy', true, 'the endpoint service')).toBe(true);
    const recorded = synthesizeToFile(prod)['//'].guardrails.suppressions;
    expect(recorded).toEqual([
      expect.objectContaining({ ruleId: 'PL-PROD-2', source: 'construct', reason: 'preventDestroy: false was set on the endpoint service in production, so a plan may destroy it' }),
    ]);
    expect(synthesizeToFile(dev)['//'].guardrails.suppressions).toEqual([]);
  });

  it('refuses a value that is not a boolean', () => {
    expect(configErrorOf(() => requirePreventDestroy(new Construct(devStack(), 'Service'), 'preventDestroy', 'no' as never, 'x')).message).toMatch(/'preventDestroy' is the string 'no'/);
  });
});

describe('requirePreventDestroy acknowledges only an opt-out in production', () => {
  it('records nothing for true or a default in production, or for false elsewhere', () => {
    const prod = devStack({ name: 'prod', backend: { type: 's3', bucket: 'acme-terraform-state' } });
    expect(requirePreventDestroy(new Construct(prod, 'Kept'), 'preventDestroy', true, 'the load balancer')).toBe(true);
    expect(requirePreventDestroy(new Construct(prod, 'Default'), 'preventDestroy', undefined, 'the load balancer')).toBe(true);
    expect(synthesizeToFile(prod)['//'].guardrails.suppressions).toEqual([]);
    const dev = devStack();
    expect(requirePreventDestroy(new Construct(dev, 'Service'), 'preventDestroy', false, 'the endpoint service')).toBe(false);
    expect(synthesizeToFile(dev)['//'].guardrails.suppressions).toEqual([]);
  });
});
