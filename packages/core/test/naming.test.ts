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

describe('physicalName in detail', () => {
  it('drops empty parts, runs of other characters and hyphens at the ends', () => {
    expect(physicalName(['', 'Web', '', 'API__v2', ''])).toBe('web-api-v2');
    expect(physicalName(['-web-', '--prod--'])).toBe('web-prod');
    expect(physicalName(['a  b', 'c'])).toBe('a-b-c');
  });

  it('keeps names of up to 64 characters whole by default, and cuts longer ones to 64 with a hash of the whole name', () => {
    expect(physicalName(['a'.repeat(64)])).toBe('a'.repeat(64));
    expect(physicalName(['a'.repeat(65)])).toBe(`${'a'.repeat(55)}-635361c4`);
  });

  it('does not leave a hyphen before the hash', () => {
    expect(physicalName(['abcdefghijklmnopqrstuv', 'wxyz0123456789'], 32)).toBe('abcdefghijklmnopqrstuv-22a4e48e');
    expect(physicalName(['ab', 'cdefghijklmnopqrstu', 'wxyz0123456789'], 32)).toBe('ab-cdefghijklmnopqrstu-03b5a838');
    expect(physicalName(['web', 'x'.repeat(40)], 32)).toBe('web-xxxxxxxxxxxxxxxxxxx-4ff549af');
  });
});
