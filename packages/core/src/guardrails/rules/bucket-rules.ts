import { coversWholeAccount } from '../../aws/open';
import type { GuardrailContext, GuardrailRule, GuardrailViolation } from '../guardrail-rule';
import { conditionValues, isDeny, policyStatements, type PolicyJsonStatement } from '../policy-statements';
import { booleanOf, isExpression, stringsOf, type SynthesizedResource } from '../synthesized-resource';

/** A bucket used for private access, with the resources that guard it. */
interface PrivateBucket {
  /** The bucket resource, when the stack manages it. */
  readonly bucket?: SynthesizedResource;
  readonly policies: SynthesizedResource[];
  /** All statements of its policies (none without policies); `undefined` when one cannot be read at synth time. */
  readonly statements?: PolicyJsonStatement[];
  readonly accessBlocks: SynthesizedResource[];
  /** Where findings are reported: its policy, else the bucket. */
  readonly subject: SynthesizedResource;
}

const S3_ARN = /^arn:aws[a-z-]*:s3:::([^/*]+)/;
const ENDPOINT_KEYS = ['aws:SourceVpce', 'aws:SourceVpc'];
const EXEMPTION_KEYS = ['aws:PrincipalArn', 'aws:userid', 'aws:PrincipalAccount'];

/** The key of the bucket a `bucket` attribute names: a managed bucket's address, or its literal name. */
function bucketKey(value: unknown, context: GuardrailContext, managedByName: Map<string, SynthesizedResource>): string | undefined {
  const [managed] = context.referenced(value, 'aws_s3_bucket');
  if (managed) return managed.address;
  if (typeof value !== 'string' || isExpression(value)) return undefined;
  return managedByName.get(value)?.address ?? `name:${value}`;
}

function mentionsEndpoint(statements: PolicyJsonStatement[]): boolean {
  return statements.some((statement) => ENDPOINT_KEYS.some((key) => conditionValues(statement, /./, key).length > 0));
}

/**
 * Buckets used for private access: a bucket policy that conditions on `aws:SourceVpce` or
 * `aws:SourceVpc`, or a managed bucket that an S3 endpoint's policy names.
 */
function privateBuckets(context: GuardrailContext): PrivateBucket[] {
  const managed = context.ofType('aws_s3_bucket');
  const managedByName = new Map(managed.filter((b) => typeof b.attributes.bucket === 'string' && !isExpression(b.attributes.bucket)).map((b) => [b.attributes.bucket as string, b]));
  const byAddress = new Map(managed.map((b) => [b.address, b]));
  const keyOf = (resource: SynthesizedResource) => bucketKey(resource.attributes.bucket, context, managedByName);
  const policies = context.ofType('aws_s3_bucket_policy');
  const keys = new Set<string>();
  for (const policy of policies) {
    const key = keyOf(policy);
    const statements = policyStatements(policy.attributes.policy);
    if (key && statements && mentionsEndpoint(statements)) keys.add(key);
  }
  const s3Endpoints = context.ofType('aws_vpc_endpoint').filter((e) => typeof e.attributes.service_name === 'string' && e.attributes.service_name.endsWith('.s3'));
  const endpointPolicies = [
    ...s3Endpoints.map((e) => e.attributes.policy),
    ...context.ofType('aws_vpc_endpoint_policy').filter((p) => s3Endpoints.some((e) => context.refersTo(p.attributes.vpc_endpoint_id, e))).map((p) => p.attributes.policy),
  ];
  for (const policy of endpointPolicies) {
    context.referenced(policy, 'aws_s3_bucket').forEach((bucket) => keys.add(bucket.address));
    // Stryker disable next-line ArrayDeclaration: a string in place of the statements has no Resource, so it names no bucket
    for (const statement of policyStatements(policy) ?? []) {
      for (const arn of stringsOf(statement.Resource)) {
        const name = S3_ARN.exec(arn)?.[1];
        const bucket = name ? managedByName.get(name) : undefined;
        if (bucket) keys.add(bucket.address);
      }
    }
  }
  return [...keys].map((key) => {
    const own = policies.filter((p) => keyOf(p) === key);
    const readable = own.map((p) => policyStatements(p.attributes.policy));
    const bucket = byAddress.get(key);
    return {
      bucket,
      policies: own,
      statements: readable.every((s): s is PolicyJsonStatement[] => s !== undefined) ? readable.flat() : undefined,
      accessBlocks: context.ofType('aws_s3_bucket_public_access_block').filter((b) => keyOf(b) === key),
      subject: own[0] ?? (bucket as SynthesizedResource),
    };
  });
}

function bucketRule(id: string, rationale: string, judge: (bucket: PrivateBucket) => Omit<GuardrailViolation, 'resource'> & { resource?: SynthesizedResource } | undefined): GuardrailRule {
  return {
    id,
    rationale,
    check: (context) =>
      privateBuckets(context).flatMap((bucket) => {
        const problem = judge(bucket);
        return problem ? [{ ...problem, resource: problem.resource ?? bucket.subject }] : [];
      }),
  };
}

export const PRIVATE_BUCKET_TLS_ONLY: GuardrailRule = bucketRule(
  'PL-S3-1',
  'A bucket reached privately still refuses plaintext HTTP: the private path is not an excuse to drop TLS.',
  (bucket) => {
    // Unreadable policies (statements undefined) cannot be judged; a bucket without policies has no statements.
    if (bucket.statements === undefined) return undefined;
    const deniesPlaintext = bucket.statements.some((s) => isDeny(s) && conditionValues(s, /^Bool(?:IfExists)?$/i, 'aws:SecureTransport').includes('false'));
    if (deniesPlaintext) return undefined;
    return {
      problem: bucket.policies.length === 0 ? 'the bucket is used for private access but has no bucket policy, so requests without TLS are not denied' : "the bucket policy has no Deny for 'aws:SecureTransport' = false, so requests without TLS are allowed",
      fix: "add a Deny statement for all principals and s3:* with the condition Bool aws:SecureTransport = 'false' (s3-access BucketGuard does this)",
    };
  },
);

const BLOCK_FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export const PRIVATE_BUCKET_PUBLIC_ACCESS_BLOCK: GuardrailRule = bucketRule(
  'PL-S3-2',
  'A bucket reached privately can never be made public by an ACL or a policy edit.',
  (bucket) => {
    if (bucket.accessBlocks.length === 0) {
      return { problem: 'the bucket is used for private access but has no aws_s3_bucket_public_access_block', fix: `add a public access block with ${BLOCK_FLAGS.join(', ')} all true` };
    }
    const block = bucket.accessBlocks[0];
    const off = BLOCK_FLAGS.filter((flag) => booleanOf(block.attributes[flag]) === false || booleanOf(block.attributes[flag]) === undefined);
    if (off.length === 0) return undefined;
    return { resource: block, problem: `${off.map((f) => `'${f}'`).join(', ')} ${off.length === 1 ? 'is' : 'are'} not true`, fix: `set ${BLOCK_FLAGS.join(', ')} all to true` };
  },
);

export const PRIVATE_BUCKET_ENDPOINTS_ONLY: GuardrailRule = bucketRule(
  'PL-S3-3',
  'A bucket used for private access denies requests that do not come through its VPC endpoints.',
  (bucket) => {
    if (bucket.statements === undefined) return undefined;
    const denies = bucket.statements.filter((s) => isDeny(s) && ENDPOINT_KEYS.some((key) => conditionValues(s, /^StringNotEquals/i, key).length > 0));
    // An exemption for a whole account (arn:aws:iam::<account>:* or :root) lets every principal of it around the endpoints.
    const wide = denies.flatMap((s) => EXEMPTION_KEYS.flatMap((key) => conditionValues(s, /^(?:ArnNot|StringNot)/i, key))).find((arn) => coversWholeAccount(arn));
    if (wide !== undefined) {
      return {
        problem: `the endpoint-only Deny exempts '${wide}', which covers every principal of the account, so any of them reaches the bucket from anywhere`,
        fix: 'exempt only named administrator roles, for example arn:aws:iam::<account>:role/terraform-deploy',
      };
    }
    if (denies.length > 0) return undefined;
    return {
      problem:
        bucket.policies.length === 0
          ? 'the bucket is used for private access but has no bucket policy, so requests from outside its endpoints are not denied'
          : "the bucket policy has no Deny with StringNotEquals on 'aws:SourceVpce' (or 'aws:SourceVpc'), so requests from outside the endpoints are allowed",
      fix: 'deny s3:* unless aws:SourceVpce is one of the endpoints, exempting only named administrator roles (s3-access BucketGuard does this)',
    };
  },
);
