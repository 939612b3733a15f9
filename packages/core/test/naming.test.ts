import { physicalName } from '../src/naming';

describe('physicalName', () => {
  it('joins, lowers and cleans parts', () => {
    expect(physicalName(['SaaS Provider', 'prod', 'nlb'])).toBe('saas-provider-prod-nlb');
  });

  it('keeps short names whole', () => {
    expect(physicalName(['a'.repeat(30)], 32)).toBe('a'.repeat(30));
  });

  it('cuts long names and keeps them distinct with a hash', () => {
    const a = physicalName(['a'.repeat(40), 'tenant-one'], 32);
    const b = physicalName(['a'.repeat(40), 'tenant-two'], 32);
    expect(a).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^a+-[0-9a-f]{8}$/);
  });
});
