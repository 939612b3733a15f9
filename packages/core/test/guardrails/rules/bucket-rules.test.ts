import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointPolicy } from '@cdktf/provider-aws/lib/vpc-endpoint-policy';
import { type EnvironmentStack } from '../../../src/environment-stack';
import { Guardrails } from '../../../src/guardrails/guardrails';
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

describe('a private bucket whose policy Terraform computes', () => {
  const COMPUTED = '${data.aws_iam_policy_document.bucket.json}';

  function endpointNaming(stack: EnvironmentStack, bucket: S3Bucket): void {
    new VpcEndpoint(stack, 'Endpoint', {
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      serviceName: 'com.amazonaws.ap-northeast-1.s3',
      vpcEndpointType: 'Gateway',
      policy: policyDocument(stack, 'endpoint', [{ principals: '*', actions: ['s3:GetObject'], resources: [`${bucket.arn}/*`] }]),
    });
  }

  it('is not judged on its policy by PL-S3-1 and PL-S3-3, only on its public access block', () => {
    const stack = guardedStack();
    const bucket = new S3Bucket(stack, 'Bucket', { bucket: NAME });
    endpointNaming(stack, bucket);
    new S3BucketPolicy(stack, 'Policy', { bucket: bucket.id, policy: COMPUTED });
    expect(Guardrails.of(stack).findings().map((f) => [f.ruleId, f.path])).toEqual([['PL-S3-2', 'guard-dev/Policy']]);
  });

  it('is not judged when one of its policies is computed, even if another is readable', () => {
    const stack = guardedStack();
    privateBucket(stack, { statements: [ALLOW_FROM_ENDPOINT], block: true });
    new S3BucketPolicy(stack, 'Computed', { bucket: NAME, policy: COMPUTED });
    expect(Guardrails.of(stack).findings()).toEqual([]);
  });
});

describe('PL-S3-2 with several switches off', () => {
  it('names each of them', () => {
    const stack = guardedStack();
    privateBucket(stack, { statements: [DENY_PLAINTEXT, DENY_OUTSIDE_ENDPOINT] });
    new S3BucketPublicAccessBlock(stack, 'Block', { bucket: NAME, blockPublicAcls: true, blockPublicPolicy: false });
    expect(findingsOf(stack, 'PL-S3-2').map((f) => [f.path, f.problem, f.fix])).toEqual([
      [
        'guard-dev/Block',
        "'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets' are not true",
        'set block_public_acls, block_public_policy, ignore_public_acls, restrict_public_buckets all to true',
      ],
    ]);
  });
});

describe('bucket findings', () => {
  const TLS_FIX = "add a Deny statement for all principals and s3:* with the condition Bool aws:SecureTransport = 'false' (s3-access BucketGuard does this)";
  const ENDPOINT_FIX = 'deny s3:* unless aws:SourceVpce is one of the endpoints, exempting only named administrator roles (s3-access BucketGuard does this)';
  const messages = (stack: EnvironmentStack) => Guardrails.of(stack).findings().map((f) => [f.ruleId, f.path, f.problem, f.fix]);
  const deny = (conditions: PolicyStatement['conditions']): PolicyStatement => ({ effect: 'Deny', principals: '*', actions: ['s3:*'], resources: ARNS, conditions });
  const outsideVpc = deny([{ test: 'StringNotEquals', variable: 'aws:SourceVpc', values: ['vpc-0a1b2c3d4e5f60718'] }]);

  /** A managed bucket that an S3 endpoint's policy names, with the public access block. */
  function namedByEndpoint(stack: EnvironmentStack, resources = (bucket: S3Bucket) => [`${bucket.arn}/*`]): S3Bucket {
    const bucket = new S3Bucket(stack, 'Bucket', { bucket: NAME });
    new S3BucketPublicAccessBlock(stack, 'Block', { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    new VpcEndpoint(stack, 'Endpoint', {
      vpcId: 'vpc-0a1b2c3d4e5f60718',
      serviceName: 'com.amazonaws.ap-northeast-1.s3',
      vpcEndpointType: 'Gateway',
      policy: policyDocument(stack, 'endpoint', [{ principals: '*', actions: ['s3:GetObject'], resources: resources(bucket) }]),
    });
    return bucket;
  }

  it('say that a private bucket without a policy denies neither plaintext nor other networks', () => {
    const stack = guardedStack();
    namedByEndpoint(stack);
    // A policy of another bucket is not this bucket's.
    new S3BucketPolicy(stack, 'OtherPolicy', { bucket: 'another-bucket', policy: policyDocument(stack, 'other', [DENY_PLAINTEXT]) });
    expect(messages(stack)).toEqual([
      ['PL-S3-1', 'guard-dev/Bucket', 'the bucket is used for private access but has no bucket policy, so requests without TLS are not denied', TLS_FIX],
      ['PL-S3-3', 'guard-dev/Bucket', 'the bucket is used for private access but has no bucket policy, so requests from outside its endpoints are not denied', ENDPOINT_FIX],
    ]);
  });

  it('say what a policy that mentions the endpoint but denies nothing lacks', () => {
    const stack = guardedStack();
    privateBucket(stack, { statements: [ALLOW_FROM_ENDPOINT], block: true });
    expect(messages(stack)).toEqual([
      ['PL-S3-1', 'guard-dev/Policy', "the bucket policy has no Deny for 'aws:SecureTransport' = false, so requests without TLS are allowed", TLS_FIX],
      [
        'PL-S3-3',
        'guard-dev/Policy',
        "the bucket policy has no Deny with StringNotEquals on 'aws:SourceVpce' (or 'aws:SourceVpc'), so requests from outside the endpoints are allowed",
        ENDPOINT_FIX,
      ],
    ]);
  });

  it('say when there is no public access block', () => {
    const stack = guardedStack();
    privateBucket(stack, { ...GUARDED, block: false });
    new S3BucketPublicAccessBlock(stack, 'OtherBlock', { bucket: 'another-bucket', blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    expect(messages(stack)).toEqual([
      [
        'PL-S3-2',
        'guard-dev/Policy',
        'the bucket is used for private access but has no aws_s3_bucket_public_access_block',
        'add a public access block with block_public_acls, block_public_policy, ignore_public_acls, restrict_public_buckets all true',
      ],
    ]);
  });

  it('name the whole-account exemption of an endpoint-only Deny', () => {
    const stack = guardedStack();
    const exempt = deny([
      { test: 'StringNotEqualsIfExists', variable: 'aws:SourceVpce', values: ['vpce-0a1b2c3d4e5f60718'] },
      { test: 'StringNotEquals', variable: 'aws:PrincipalAccount', values: ['111111111111'] },
    ]);
    privateBucket(stack, { statements: [DENY_PLAINTEXT, exempt], block: true });
    expect(messages(stack)).toEqual([
      [
        'PL-S3-3',
        'guard-dev/Policy',
        "the endpoint-only Deny exempts '111111111111', which covers every principal of the account, so any of them reaches the bucket from anywhere",
        'exempt only named administrator roles, for example arn:aws:iam::<account>:role/terraform-deploy',
      ],
    ]);
  });

  it('accept a Deny on aws:SourceVpc, BoolIfExists for TLS, and flags that Terraform computes', () => {
    const stack = guardedStack();
    const tls = deny([{ test: 'BoolIfExists', variable: 'aws:SecureTransport', values: ['false'] }]);
    privateBucket(stack, { statements: [tls, outsideVpc] });
    new S3BucketPublicAccessBlock(stack, 'Block', { bucket: NAME, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: '${var.restrict}' as unknown as boolean });
    expect(messages(stack)).toEqual([]);
  });

  it('do not count an Allow, or a Deny of TLS requests, as the Deny of plaintext or of other networks', () => {
    const stack = guardedStack();
    const allowOutside: PolicyStatement = { ...outsideVpc, effect: 'Allow', principals: { AWS: ['arn:aws:iam::111111111111:role/app'] } };
    const allowPlaintext: PolicyStatement = { ...DENY_PLAINTEXT, effect: 'Allow', principals: { AWS: ['arn:aws:iam::111111111111:role/app'] } };
    const denyTls = deny([{ test: 'Bool', variable: 'aws:SecureTransport', values: ['true'] }]);
    privateBucket(stack, { statements: [allowOutside, allowPlaintext, denyTls], block: true });
    expect(messages(stack).map(([id]) => id)).toEqual(['PL-S3-1', 'PL-S3-3']);
  });

  it('judge a bucket policy that names a managed bucket by its literal name as that bucket', () => {
    const stack = guardedStack();
    new S3Bucket(stack, 'Bucket', { bucket: NAME });
    new S3BucketPolicy(stack, 'Policy', { bucket: NAME, policy: policyDocument(stack, 'policy', [DENY_PLAINTEXT, DENY_OUTSIDE_ENDPOINT]) });
    new S3BucketPublicAccessBlock(stack, 'Block', { bucket: '${aws_s3_bucket.Bucket.id}', blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    expect(messages(stack)).toEqual([]);
  });

  it.each([
    ['a policy on a bucket Terraform computes', (stack: EnvironmentStack) => new S3BucketPolicy(stack, 'Policy', { bucket: '${var.bucket}', policy: policyDocument(stack, 'policy', [ALLOW_FROM_ENDPOINT]) })],
    ['a bucket policy that does not mention an endpoint', (stack: EnvironmentStack) => privateBucket(stack, { statements: [DENY_PLAINTEXT] })],
    [
      'a managed bucket that only a DynamoDB endpoint policy names',
      (stack: EnvironmentStack) => {
        const bucket = new S3Bucket(stack, 'Bucket', { bucket: NAME });
        const endpoint = new VpcEndpoint(stack, 'Endpoint', { vpcId: 'vpc-0a1b2c3d4e5f60718', serviceName: 'com.amazonaws.ap-northeast-1.dynamodb', vpcEndpointType: 'Gateway' });
        new VpcEndpointPolicy(stack, 'EndpointPolicy', { vpcEndpointId: endpoint.id, policy: policyDocument(stack, 'endpoint', [{ principals: '*', actions: ['s3:GetObject'], resources: [`${bucket.arn}/*`] }]) });
      },
    ],
    [
      'a bucket with a computed name that an endpoint policy names by ARN',
      (stack: EnvironmentStack) => {
        new S3Bucket(stack, 'Bucket', { bucket: '${var.bucket}' });
        new VpcEndpoint(stack, 'Endpoint', {
          vpcId: 'vpc-0a1b2c3d4e5f60718',
          serviceName: 'com.amazonaws.ap-northeast-1.s3',
          policy: policyDocument(stack, 'endpoint', [{ principals: '*', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::${var.bucket}/*'] }]),
        });
      },
    ],
  ])('leave alone %s', (_name, build) => {
    const stack = guardedStack();
    build(stack);
    expect(Guardrails.of(stack).findings().filter((f) => f.ruleId.startsWith('PL-S3-'))).toEqual([]);
  });

  it.each([
    ['a separate endpoint policy', (stack: EnvironmentStack, bucket: S3Bucket) => {
      const endpoint = new VpcEndpoint(stack, 'Endpoint', { vpcId: 'vpc-0a1b2c3d4e5f60718', serviceName: 'com.amazonaws.ap-northeast-1.s3', vpcEndpointType: 'Gateway' });
      new VpcEndpointPolicy(stack, 'EndpointPolicy', { vpcEndpointId: endpoint.id, policy: policyDocument(stack, 'endpoint', [{ principals: '*', actions: ['s3:GetObject'], resources: [`${bucket.arn}/*`] }]) });
    }],
    ['an ARN of another partition, next to a wildcard resource', (stack: EnvironmentStack) => {
      new VpcEndpoint(stack, 'Endpoint', {
        vpcId: 'vpc-0a1b2c3d4e5f60718',
        serviceName: 'com.amazonaws.cn-north-1.s3',
        policy: policyDocument(stack, 'endpoint', [{ principals: '*', actions: ['s3:GetObject'], resources: ['*', `arn:aws-cn:s3:::${NAME}/*`] }]),
      });
    }],
  ])('find a managed bucket named by %s', (_name, build) => {
    const stack = guardedStack();
    const bucket = new S3Bucket(stack, 'Bucket', { bucket: NAME });
    build(stack, bucket);
    expect(findingsOf(stack, 'PL-S3-1').map((f) => f.address)).toEqual(['aws_s3_bucket.Bucket']);
  });
});
