import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { type EnvironmentStack } from '../../../src/environment-stack';
import { policyDocument, type PolicyStatement } from '../../../src/policy-document';
import { describeRule, findingsOf, guardedStack } from '../helpers';

const NAME = 'reports-111111111111';
const ARNS = [`arn:aws:s3:::${NAME}`, `arn:aws:s3:::${NAME}/*`];

const DENY_PLAINTEXT: PolicyStatement = {
  sid: 'DenyPlaintext',
  effect: 'Deny',
  principals: '*',
  actions: ['s3:*'],
  resources: ARNS,
  conditions: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
};
const DENY_OUTSIDE_ENDPOINT: PolicyStatement = {
  sid: 'DenyOutsideEndpoint',
  effect: 'Deny',
  principals: '*',
  actions: ['s3:*'],
  resources: ARNS,
  conditions: [
    { test: 'StringNotEquals', variable: 'aws:SourceVpce', values: ['vpce-0a1b2c3d4e5f60718'] },
    { test: 'ArnNotLike', variable: 'aws:PrincipalArn', values: ['arn:aws:iam::111111111111:role/terraform'] },
  ],
};
const ALLOW_FROM_ENDPOINT: PolicyStatement = {
  effect: 'Allow',
  principals: { AWS: ['arn:aws:iam::111111111111:root'] },
  actions: ['s3:GetObject'],
  resources: ARNS,
  conditions: [{ test: 'StringEquals', variable: 'aws:SourceVpce', values: ['vpce-0a1b2c3d4e5f60718'] }],
};

interface Fixture {
  readonly statements?: PolicyStatement[];
  readonly block?: boolean | 'partial';
  /** Reference a managed bucket (else the policy names an existing bucket by name, as BucketGuard does). */
  readonly managed?: boolean;
}

function privateBucket(stack: EnvironmentStack, fixture: Fixture): void {
  const bucket = fixture.managed ? new S3Bucket(stack, 'Bucket', { bucket: NAME }).id : NAME;
  if (fixture.statements) new S3BucketPolicy(stack, 'Policy', { bucket, policy: policyDocument(stack, 'policy', fixture.statements) });
  if (fixture.block) {
    const all = fixture.block === true;
    new S3BucketPublicAccessBlock(stack, 'Block', { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: all });
  }
}

const GUARDED: Fixture = { statements: [DENY_PLAINTEXT, DENY_OUTSIDE_ENDPOINT], block: true };

const compliant = [
  { name: 'an existing bucket guarded by name', build: (stack: EnvironmentStack) => privateBucket(stack, GUARDED) },
  { name: 'a managed bucket guarded by reference', build: (stack: EnvironmentStack) => privateBucket(stack, { ...GUARDED, managed: true }) },
  { name: 'a bucket that is not used for private access', build: (stack: EnvironmentStack) => new S3Bucket(stack, 'Bucket', { bucket: NAME }) },
];

describeRule('PL-S3-1', {
  compliant,
  nonCompliant: [
    { name: 'an endpoint-only policy without a TLS deny', path: 'Policy', problem: /aws:SecureTransport/, build: (stack) => privateBucket(stack, { statements: [DENY_OUTSIDE_ENDPOINT], block: true }) },
  ],
});

describeRule('PL-S3-2', {
  compliant,
  nonCompliant: [
    { name: 'a guarded bucket without a public access block', path: 'Policy', problem: /no aws_s3_bucket_public_access_block/, build: (stack) => privateBucket(stack, { ...GUARDED, block: false }) },
    { name: 'a public access block with a switch off', path: 'Block', problem: /'restrict_public_buckets' is not true/, build: (stack) => privateBucket(stack, { ...GUARDED, block: 'partial' }) },
  ],
});

describeRule('PL-S3-3', {
  compliant,
  nonCompliant: [
    {
      name: 'a policy that allows the endpoint but denies nothing else',
      path: 'Policy',
      problem: /StringNotEquals on 'aws:SourceVpce'/,
      build: (stack) => privateBucket(stack, { statements: [DENY_PLAINTEXT, ALLOW_FROM_ENDPOINT], block: true }),
    },
    {
      // A Deny on the endpoint condition with the wrong operator denies the endpoint's own requests, not everyone else's.
      name: 'a Deny whose endpoint condition uses StringEquals instead of StringNotEquals',
      path: 'Policy',
      problem: /StringNotEquals on 'aws:SourceVpce'/,
      build: (stack) =>
        privateBucket(stack, {
          statements: [DENY_PLAINTEXT, { ...DENY_OUTSIDE_ENDPOINT, conditions: [{ test: 'StringEquals', variable: 'aws:SourceVpce', values: ['vpce-0a1b2c3d4e5f60718'] }] }],
          block: true,
        }),
    },
    {
      name: 'an endpoint-only Deny that exempts every principal of the account (arn:aws:iam::<account>:*)',
      path: 'Policy',
      problem: /exempts 'arn:aws:iam::111111111111:\*', which covers every principal of the account/,
      build: (stack) =>
        privateBucket(stack, {
          statements: [
            DENY_PLAINTEXT,
            {
              ...DENY_OUTSIDE_ENDPOINT,
              conditions: [
                { test: 'StringNotEquals', variable: 'aws:SourceVpce', values: ['vpce-0a1b2c3d4e5f60718'] },
                { test: 'ArnNotLike', variable: 'aws:PrincipalArn', values: ['arn:aws:iam::111111111111:role/terraform', 'arn:aws:iam::111111111111:*'] },
              ],
            },
          ],
          block: true,
        }),
    },
  ],
});

describe('a managed bucket named by an S3 endpoint policy', () => {
  it('is held to all three bucket rules, on the bucket itself when it has no policy', () => {
    const stack = guardedStack();
    const bucket = new S3Bucket(stack, 'Bucket', { bucket: NAME });
    new VpcEndpoint(stack, 'Endpoint', {
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      serviceName: 'com.amazonaws.ap-northeast-1.s3',
      vpcEndpointType: 'Gateway',
      policy: policyDocument(stack, 'policy', [{ principals: '*', actions: ['s3:GetObject'], resources: [`${bucket.arn}/*`] }]),
    });
    const paths = ['PL-S3-1', 'PL-S3-2', 'PL-S3-3'].map((id) => findingsOf(stack, id).map((f) => f.path));
    expect(paths).toEqual([['guard-dev/Bucket'], ['guard-dev/Bucket'], ['guard-dev/Bucket']]);
  });

  it('is also recognised by its literal ARN', () => {
    const stack = guardedStack();
    new S3Bucket(stack, 'Bucket', { bucket: NAME });
    new VpcEndpoint(stack, 'Endpoint', {
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      serviceName: 'com.amazonaws.ap-northeast-1.s3',
      policy: policyDocument(stack, 'policy', [{ principals: '*', actions: ['s3:GetObject'], resources: [`arn:aws:s3:::${NAME}/*`, 'arn:aws:s3:::al2023-repos-ap-northeast-1-de612dc2/*'] }]),
    });
    expect(findingsOf(stack, 'PL-S3-1').map((f) => f.address)).toEqual(['aws_s3_bucket.Bucket']);
  });
});
