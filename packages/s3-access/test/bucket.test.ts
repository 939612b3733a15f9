import { TerraformVariable } from 'cdktf';
import { bucketArns, requireBucketName, requireBucketPrefix } from '../src/bucket';
import { devStack } from './helpers';

describe('bucketArns', () => {
  it('names the bucket and its objects, under a prefix without stray slashes', () => {
    expect(bucketArns('aws', 'acme')).toEqual({ bucket: 'arn:aws:s3:::acme', objects: 'arn:aws:s3:::acme/*' });
    expect(bucketArns('aws-cn', 'acme', '/in/box/')).toEqual({ bucket: 'arn:aws-cn:s3:::acme', objects: 'arn:aws-cn:s3:::acme/in/box/*' });
    expect(bucketArns('aws', 'acme', '//in//')).toEqual({ bucket: 'arn:aws:s3:::acme', objects: 'arn:aws:s3:::acme/in/*' });
  });
});

describe('requireBucketPrefix', () => {
  it('returns the prefix without leading and trailing slashes', () => {
    expect(requireBucketPrefix(devStack(), 'bucketPrefix', '/partners/acme/')).toBe('partners/acme');
    expect(requireBucketPrefix(devStack(), 'bucketPrefix', "a!b_c.d'e(f)g-h")).toBe("a!b_c.d'e(f)g-h");
    expect(requireBucketPrefix(devStack(), 'bucketPrefix', '//partners/acme//')).toBe('partners/acme');
  });

  it.each(['', '/', '///'])('takes %p as the whole bucket', (prefix) => {
    expect(requireBucketPrefix(devStack(), 'bucketPrefix', prefix)).toBe('');
  });

  it('passes a prefix known only at apply time through unchanged', () => {
    const stack = devStack();
    const prefix = new TerraformVariable(stack, 'prefix', { type: 'string' }).stringValue;
    expect(requireBucketPrefix(stack, 'bucketPrefix', prefix)).toBe(prefix);
  });

  it('refuses a missing prefix with a ConfigError rather than a TypeError', () => {
    expect(() => requireBucketPrefix(devStack(), 'bucketPrefix', undefined as never)).toThrow(/'bucketPrefix' is missing; give a key prefix such as 'inbound' or 'partners\/acme'/);
  });

  it('refuses wildcards, dot segments, empty segments and unsafe characters', () => {
    for (const prefix of ['p*', 'a/?', 'a/./b', '..', 'a//b', 'a b', 'a%20b']) {
      expect(() => requireBucketPrefix(devStack(), 'bucketPrefix', prefix)).toThrow(/'bucketPrefix' is /);
    }
  });
});

describe('requireBucketName', () => {
  it("accepts S3's names and returns them", () => {
    expect(requireBucketName(devStack(), 'bucketName', 'acme-dev.exchange-1')).toBe('acme-dev.exchange-1');
  });

  it('refuses a missing name with a ConfigError rather than a TypeError', () => {
    expect(() => requireBucketName(devStack(), 'bucketName', undefined as never)).toThrow(/'bucketName' is missing; give the bucket name/);
  });
});
