import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { requireAccountContext } from './aws-context';
import { policyDocument, type PolicyStatement } from './policy-document';

export interface EncryptionKeyProps {
  /** The alias, without `alias/`. */
  readonly alias: string;
  readonly description: string;
  /** AWS services that encrypt with the key, for example `logs.ap-northeast-1.amazonaws.com`. @default [] */
  readonly servicePrincipals?: readonly string[];
  /** @default 30 */
  readonly deletionWindowDays?: number;
  /** @default - the stack's region */
  readonly region?: string;
  /** @default - the stack's account */
  readonly accountId?: string;
}

/**
 * A customer managed KMS key with yearly rotation, administered by the account and usable by the
 * named AWS services, for encrypted log groups and topics.
 */
export class EncryptionKey extends Construct {
  public readonly keyArn: string;
  public readonly keyId: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const { partition, accountId, region } = requireAccountContext(this, props);
    const statements: PolicyStatement[] = [
      {
        sid: 'AccountAdministers',
        principals: { AWS: [`arn:${partition}:iam::${accountId}:root`] },
        actions: ['kms:*'],
        resources: ['*'],
      },
    ];
    for (const service of props.servicePrincipals ?? []) {
      // CloudWatch Logs names the log group in the encryption context; other services name the account.
      const condition = service.startsWith('logs.')
        ? { test: 'ArnLike', variable: 'kms:EncryptionContext:aws:logs:arn', values: [`arn:${partition}:logs:${region}:${accountId}:log-group:*`] }
        : { test: 'StringEquals', variable: 'aws:SourceAccount', values: [accountId] };
      statements.push({
        sid: `Service${statements.length}`,
        principals: { Service: [service] },
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: [condition],
      });
    }
    const key = new KmsKey(this, 'Key', {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      policy: policyDocument(this, 'policy', statements),
    });
    new KmsAlias(this, 'Alias', { name: `alias/${props.alias}`, targetKeyId: key.keyId });
    this.keyArn = key.arn;
    this.keyId = key.keyId;
  }
}
