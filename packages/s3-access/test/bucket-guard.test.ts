import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { TerraformVariable, Testing } from 'cdktf';
import { BucketGuard, type BucketGuardProps } from '../src/bucket-guard';
import { devStack, policyOf, referenceOf, resources, synthJson } from './helpers';

const ADMIN = 'arn:aws:iam::111111111111:role/terraform';
const base: BucketGuardProps = { bucketName: 'acme-dev-exchange', endpointIds: ['vpce-0123456789abcdef0'], exemptPrincipalArns: [ADMIN] };

// Each test builds its stack itself: a stack built in a describe block runs outside every test, so
// mutation testing credits the change to no test that reads it.
function existing(props: Partial<BucketGuardProps> = {}) {
  const stack = devStack();
  const guard = new BucketGuard(stack, 'Guard', { ...base, endpointIds: ['vpce-0123456789abcdef0', 'vpce-0fedcba9876543210'], ...props });
  const json = synthJson(stack);
  return { guard, json, synthesized: Testing.synth(stack), policy: policyOf(Object.values(resources(json, 'aws_s3_bucket_policy'))[0]) };
}

describe('BucketGuard on an existing bucket', () => {
  it('denies requests that come through none of the endpoints, except from the exempted principals', () => {
    expect(existing().policy.Statement[0]).toEqual({
      Sid: 'DenyOutsideEndpoints',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:*'],
      Resource: ['arn:aws:s3:::acme-dev-exchange', 'arn:aws:s3:::acme-dev-exchange/*'],
      Condition: {
        StringNotEquals: { 'aws:SourceVpce': ['vpce-0123456789abcdef0', 'vpce-0fedcba9876543210'] },
        ArnNotLike: { 'aws:PrincipalArn': [ADMIN] },
      },
    });
  });

  it('denies requests without TLS', () => {
    expect(existing().policy.Statement[1]).toEqual({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:*'],
      Resource: ['arn:aws:s3:::acme-dev-exchange', 'arn:aws:s3:::acme-dev-exchange/*'],
      Condition: { Bool: { 'aws:SecureTransport': ['false'] } },
    });
  });

  it('has only those two statements', () => {
    expect(existing().policy.Statement.map((s) => s.Sid)).toEqual(['DenyOutsideEndpoints', 'DenyInsecureTransport']);
  });

  it('blocks public access with every switch, and creates no bucket', () => {
    const { guard, json, synthesized } = existing();
    expect(synthesized).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      bucket: 'acme-dev-exchange', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(synthesized).not.toHaveResource(S3Bucket);
    expect(synthesized).not.toHaveResource(S3BucketVersioningA);
    expect(synthesized).toHaveResourceWithProperties(S3BucketPolicy, { bucket: 'acme-dev-exchange' });
    expect(Object.values(resources(json, 'aws_s3_bucket_policy'))[0].depends_on).toEqual([expect.stringMatching(/^aws_s3_bucket_public_access_block\.Guard_PublicAccessBlock_/)]);
    expect(guard.bucketName).toBe('acme-dev-exchange');
    expect(guard.bucketArn).toBe('arn:aws:s3:::acme-dev-exchange');
    expect(guard.kmsKeyArn).toBeUndefined();
  });

  it('takes endpoint IDs known only at apply time', () => {
    const stack = devStack();
    const endpoint = new TerraformVariable(stack, 'endpoint', { type: 'string' }).stringValue;
    new BucketGuard(stack, 'Guard', { ...base, endpointIds: [endpoint, 'vpce-0123456789abcdef0'] });
    const policy = policyOf(Object.values(resources(synthJson(stack), 'aws_s3_bucket_policy'))[0]);
    expect(policy.Statement[0].Condition).toMatchObject({ StringNotEquals: { 'aws:SourceVpce': ['${var.endpoint}', 'vpce-0123456789abcdef0'] } });
  });

  it('takes the region and partition of its provider', () => {
    const stack = devStack();
    const beijing = new AwsProvider(stack, 'beijing', { region: 'cn-north-1', alias: 'beijing' });
    const guard = new BucketGuard(stack, 'Guard', { ...base, exemptPrincipalArns: ['arn:aws-cn:iam::111111111111:role/terraform'], createBucket: true, kmsKeyArn: 'arn:aws-cn:kms:cn-north-1:111111111111:key/abc', provider: beijing });
    expect(guard.bucketArn).toBe('arn:aws-cn:s3:::acme-dev-exchange');
    const policy = policyOf(Object.values(resources(synthJson(stack), 'aws_s3_bucket_policy'))[0]);
    expect(policy.Statement[0].Resource).toEqual(['arn:aws-cn:s3:::acme-dev-exchange', 'arn:aws-cn:s3:::acme-dev-exchange/*']);
  });
});

describe('BucketGuard creating the bucket', () => {
  it('creates a versioned, owner-enforced bucket encrypted with a new KMS key by default', () => {
    const stack = devStack();
    const guard = new BucketGuard(stack, 'Guard', { ...base, createBucket: true });
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(S3Bucket, { bucket: 'acme-dev-exchange', force_destroy: false });
    expect(synthesized).toHaveResourceWithProperties(S3BucketOwnershipControls, { rule: { object_ownership: 'BucketOwnerEnforced' } });
    expect(synthesized).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: 'Enabled' } });
    expect(synthesized).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: expect.stringContaining('aws_kms_key') }, bucket_key_enabled: true }],
    });
    expect(referenceOf(guard, guard.kmsKeyArn!)).toMatch(/^\$\{aws_kms_key\.Guard_Key_[0-9A-F]+\.arn\}$/);
    expect(synthesized).toHaveResourceWithProperties(S3BucketPolicy, { bucket: expect.stringContaining('aws_s3_bucket.Guard_Bucket') });
  });

  it('names the key alias after the bucket, without the dots KMS aliases refuse', () => {
    const stack = devStack();
    new BucketGuard(stack, 'Guard', { ...base, bucketName: 'exchange.acme.example', createBucket: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(KmsAlias, { name: 'alias/s3-exchange-acme-example' });
  });

  it('uses SSE-S3 when asked, with no key', () => {
    const stack = devStack();
    const guard = new BucketGuard(stack, 'Guard', { ...base, createBucket: true, encryption: 'SSE-S3', versioning: false });
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, { rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }] });
    expect(synthesized).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: 'Suspended' } });
    expect(guard.kmsKeyArn).toBeUndefined();
  });
});

describe('BucketGuard bad input', () => {
  const make = (props: Partial<BucketGuardProps>) => new BucketGuard(devStack(), 'Guard', { ...base, ...props });

  it('rejects a guard with no endpoints or malformed endpoint IDs', () => {
    expect(() => make({ endpointIds: [] })).toThrow(/BucketGuard 'unit-dev\/Guard': 'endpointIds' is empty; give the IDs of the VPC endpoints/);
    expect(() => make({ endpointIds: ['vpc-0123'] })).toThrow(/'endpointIds' is 'vpc-0123', which is not a VPC endpoint ID; give a VPC endpoint ID, for example vpce-0123456789abcdef0/);
    expect(() => make({ endpointIds: ['vpce-0123456789abcdef0', 'vpce-0123456789abcdef0'] })).toThrow(/'endpointIds' lists 'vpce-0123456789abcdef0' twice/);
  });

  it('rejects a guard that would lock everyone out, or exempts something that is not an IAM ARN', () => {
    expect(() => make({ exemptPrincipalArns: [] })).toThrow(/'exemptPrincipalArns' is empty; list at least the role Terraform runs as/);
    expect(() => make({ exemptPrincipalArns: ['terraform'] })).toThrow(/'exemptPrincipalArns' is 'terraform', which is not an iam ARN/);
  });

  it('rejects invalid bucket names', () => {
    expect(() => make({ bucketName: 'Acme_Exchange' })).toThrow(/'bucketName' is 'Acme_Exchange', which has characters a S3 bucket name may not contain/);
    expect(() => make({ bucketName: '192.168.1.1' })).toThrow(/'bucketName' is '192.168.1.1', which is written like an IP address/);
    expect(() => make({ bucketName: 'acme..exchange' })).toThrow(/'bucketName' is 'acme..exchange', which has two dots in a row/);
    expect(() => make({ bucketName: 'xn--acme' })).toThrow(/reserves/);
    expect(() => make({ bucketName: 'ab' })).toThrow(/'bucketName'/);
  });

  it('rejects bucket settings for a bucket it does not create, and a KMS key with SSE-S3', () => {
    expect(() => make({ versioning: true })).toThrow(/'versioning' is set but createBucket is not/);
    expect(() => make({ createBucket: true, encryption: 'SSE-S3', kmsKeyArn: 'arn:aws:kms:ap-northeast-1:111111111111:key/abc' })).toThrow(/'kmsKeyArn' is set with SSE-S3/);
    expect(() => make({ createBucket: true, kmsKeyArn: 'key/abc' })).toThrow(/'kmsKeyArn' is 'key\/abc', which is not an kms ARN/);
  });

  it.each([
    ['versioning', { versioning: 'yes' as never }],
    ['forceDestroy', { forceDestroy: 'yes' as never }],
    ['createBucket', { createBucket: 'yes' as never }],
  ])('rejects %s that is not a boolean (untyped JS)', (field, props) => {
    expect(() => make({ createBucket: true, ...props })).toThrow(new RegExp(`^BucketGuard 'unit-dev/Guard': '${field}' is the string 'yes'; use true or false$`));
  });

  it("rejects a KMS key outside the bucket's region, which is its provider's", () => {
    expect(() => make({ createBucket: true, kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/abc' })).toThrow(/'kmsKeyArn' is 'arn:aws:kms:us-east-1:111111111111:key\/abc'.*ap-northeast-1/);
    const stack = devStack();
    const virginia = new AwsProvider(stack, 'virginia', { region: 'us-east-1', alias: 'virginia' });
    const guard = new BucketGuard(stack, 'Guard', { ...base, createBucket: true, kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/abc', provider: virginia });
    expect(guard.kmsKeyArn).toBe('arn:aws:kms:us-east-1:111111111111:key/abc');
  });
});
