import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import {
  applyConstructContract,
  awsContext,
  configError,
  coversWholeAccount,
  EncryptionKey,
  formatValue,
  isUnresolved,
  type MetaArguments,
  policyDocument,
  providerRegion,
  requireArn,
  requireBoolean,
  requireNonEmpty,
  requireOneOf,
  requireResourceId,
  requireUnique,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { bucketArns, requireBucketName } from './bucket';

export interface BucketGuardProps extends MetaArguments {
  /** The bucket to guard: an existing one, or the one to create with `createBucket`. */
  readonly bucketName: string;
  /**
   * The VPC endpoints (`vpce-...`, interface or gateway) through which the bucket may be reached.
   * Requests that arrive any other way are denied.
   */
  readonly endpointIds: readonly string[];
  /**
   * IAM role or user ARNs that may reach the bucket from anywhere: the role Terraform runs as,
   * CI, break-glass administrators, and roles AWS services assume to reach the bucket from outside
   * your VPC (for example the user roles of a Transfer Family server). Wildcards are allowed
   * (`ArnLike`) within a name (`role/ci-*`), never for a whole account (`arn:aws:iam::<account>:*`,
   * `:root`, `role/*`), which would let every principal of it around the endpoints. At least
   * one, so nobody locks themselves out.
   */
  readonly exemptPrincipalArns: readonly string[];
  /** Create the bucket (versioned, encrypted, owner-enforced) instead of guarding an existing one. @default false */
  readonly createBucket?: boolean;
  /** How a created bucket encrypts objects. @default 'SSE-KMS' */
  readonly encryption?: 'SSE-KMS' | 'SSE-S3';
  /** The KMS key of a created bucket with SSE-KMS. @default - a new key with rotation */
  readonly kmsKeyArn?: string;
  /** Keep object versions in a created bucket. @default true */
  readonly versioning?: boolean;
  /** Let `terraform destroy` delete a created bucket that still holds objects. @default false */
  readonly forceDestroy?: boolean;
}

/**
 * A bucket policy that makes the private path the only path: requests are denied unless they come
 * through one of the given VPC endpoints (`aws:SourceVpce`) or from an exempted principal
 * (`aws:PrincipalArn`), and always denied without TLS. A public access block with every switch on
 * comes with it. Pass `createBucket` to create the bucket too.
 */
export class BucketGuard extends Construct {
  public readonly bucketName: string;
  public readonly bucketArn: string;
  /** The KMS key of a created SSE-KMS bucket. */
  public readonly kmsKeyArn?: string;

  constructor(scope: Construct, id: string, props: BucketGuardProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireBucketName(this, 'bucketName', props.bucketName);
    const endpointIds = requireNonEmpty(this, 'endpointIds', props.endpointIds, 'give the IDs of the VPC endpoints clients use (vpce-...); a guard with no endpoint would deny everyone but the exempted principals');
    endpointIds.forEach((endpointId) => requireResourceId(this, 'endpointIds', endpointId, 'vpcEndpoint'));
    requireUnique(this, 'endpointIds', endpointIds.filter((e) => !isUnresolved(e)), 'list each endpoint once');
    const exempt = requireNonEmpty(this, 'exemptPrincipalArns', props.exemptPrincipalArns, 'list at least the role Terraform runs as, or the guard locks you out of the bucket');
    for (const arn of exempt) {
      requireArn(this, 'exemptPrincipalArns', arn, { service: 'iam' });
      // core's one notion of "open": arn:aws:iam::<account>:*, :root and role/* all exempt every principal of the account.
      if (!isUnresolved(arn) && coversWholeAccount(arn)) {
        configError(this, 'exemptPrincipalArns', `has ${formatValue(arn)}, which covers every principal of the account`, 'exempt only named administrator roles, for example arn:aws:iam::123456789012:role/terraform-deploy');
      }
    }
    const createBucket = requireBoolean(this, 'createBucket', props.createBucket) ?? false;
    if (!createBucket) {
      for (const field of ['encryption', 'kmsKeyArn', 'versioning', 'forceDestroy'] as const) {
        if (props[field] !== undefined) configError(this, field, 'is set but createBucket is not', 'set createBucket: true, or configure the existing bucket where it is managed');
      }
    }
    const encryption = requireOneOf(this, 'encryption', props.encryption ?? 'SSE-KMS', ['SSE-KMS', 'SSE-S3']);
    const versioning = requireBoolean(this, 'versioning', props.versioning) ?? true;
    const forceDestroy = requireBoolean(this, 'forceDestroy', props.forceDestroy) ?? false;
    const { partition, region } = awsContext(this, { region: providerRegion(provider) });
    // SSE-KMS takes a key of the bucket's own region.
    if (props.kmsKeyArn !== undefined) requireArn(this, 'kmsKeyArn', props.kmsKeyArn, { service: 'kms', region });
    if (encryption === 'SSE-S3' && props.kmsKeyArn !== undefined) {
      configError(this, 'kmsKeyArn', 'is set with SSE-S3 encryption', "set encryption: 'SSE-KMS' to use the key, or drop kmsKeyArn");
    }

    let bucketName = props.bucketName;
    if (createBucket) {
      const bucket = new S3Bucket(this, 'Bucket', { bucket: props.bucketName, forceDestroy, dependsOn });
      bucketName = bucket.bucket;
      new S3BucketOwnershipControls(this, 'OwnershipControls', { bucket: bucketName, rule: { objectOwnership: 'BucketOwnerEnforced' } });
      new S3BucketVersioningA(this, 'Versioning', { bucket: bucketName, versioningConfiguration: { status: versioning ? 'Enabled' : 'Suspended' } });
      if (encryption === 'SSE-KMS') {
        this.kmsKeyArn = props.kmsKeyArn ?? new EncryptionKey(this, 'Key', { alias: `s3-${props.bucketName.replace(/\./g, '-')}`, description: `Encrypts the objects of s3://${props.bucketName}` }).keyArn;
      }
      new S3BucketServerSideEncryptionConfigurationA(this, 'Encryption', {
        bucket: bucketName,
        rule: [
          this.kmsKeyArn
            ? { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: this.kmsKeyArn }, bucketKeyEnabled: true }
            : { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } },
        ],
      });
    }

    const publicAccessBlock = new S3BucketPublicAccessBlock(this, 'PublicAccessBlock', {
      bucket: bucketName,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
      dependsOn,
    });
    const arns = bucketArns(partition, props.bucketName);
    const resources = [arns.bucket, arns.objects];
    new S3BucketPolicy(this, 'Policy', {
      bucket: bucketName,
      policy: policyDocument(this, 'policy', [
        {
          sid: 'DenyOutsideEndpoints',
          effect: 'Deny',
          principals: '*',
          actions: ['s3:*'],
          resources,
          conditions: [
            { test: 'StringNotEquals', variable: 'aws:SourceVpce', values: endpointIds },
            { test: 'ArnNotLike', variable: 'aws:PrincipalArn', values: exempt },
          ],
        },
        {
          sid: 'DenyInsecureTransport',
          effect: 'Deny',
          principals: '*',
          actions: ['s3:*'],
          resources,
          conditions: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
        },
      ]),
      // Both change the bucket's access settings; S3 rejects them when they run concurrently.
      dependsOn: [publicAccessBlock],
    });
    this.bucketName = bucketName;
    this.bucketArn = arns.bucket;
  }
}
