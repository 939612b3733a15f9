import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { requireServicePrincipal } from './aws/arn';
import { NAME_RULES, requireName } from './aws/names';
import { requireAccountContext } from './aws-context';
import { configError } from './config-error';
import { applyConstructContract, type MetaArguments, providerRegion } from './meta-arguments';
import { policyDocument, type PolicyStatement } from './policy-document';
import { requireRegion } from './regions';
import { requireAccountId, requireArray, requireInteger, requireString } from './validate';

export interface EncryptionKeyProps extends MetaArguments {
  /** The alias, without `alias/`, for example `privatelink/prod/notifications`. */
  readonly alias: string;
  readonly description: string;
  /** AWS services that encrypt with the key, for example `logs.ap-northeast-1.amazonaws.com`. @default [] */
  readonly servicePrincipals?: readonly string[];
  /** Days KMS waits before deleting the key, 7 to 30. @default 30 */
  readonly deletionWindowDays?: number;
  /** @default - the provider's region, else the stack's */
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
    const { dependsOn, provider } = applyConstructContract(this, props);
    if (props.alias === undefined) configError(this, 'alias', 'is missing', "give the alias without 'alias/', for example 'privatelink/prod/logs'");
    requireString(this, 'alias', props.alias, "give the alias without 'alias/', for example 'privatelink/prod/logs'");
    if (props.alias.startsWith('alias/')) configError(this, 'alias', `is '${props.alias}'`, `leave out the 'alias/' prefix: '${props.alias.slice(6)}'`);
    requireName(this, 'alias', `alias/${props.alias}`, NAME_RULES.kmsAlias);
    requireString(this, 'description', props.description, 'say what the key encrypts, for example "Encrypts the flow logs of prod"', { nonEmpty: true });
    if (props.description.length > 8192) configError(this, 'description', `has ${props.description.length} characters`, 'use at most 8192 characters');
    const deletionWindowDays = requireInteger(this, 'deletionWindowDays', props.deletionWindowDays ?? 30, { min: 7, max: 30, unit: 'days' });
    const services = requireArray(this, 'servicePrincipals', props.servicePrincipals ?? [], 'give service principals as a list, for example ["logs.ap-northeast-1.amazonaws.com"]');
    services.forEach((service) => requireServicePrincipal(this, 'servicePrincipals', service));
    if (props.region !== undefined) requireRegion(this, 'region', props.region);
    if (props.accountId !== undefined) requireAccountId(this, 'accountId', props.accountId);
    const { partition, accountId, region } = requireAccountContext(this, { region: props.region ?? providerRegion(provider), accountId: props.accountId });
    const statements: PolicyStatement[] = [
      {
        sid: 'AccountAdministers',
        principals: { AWS: [`arn:${partition}:iam::${accountId}:root`] },
        actions: ['kms:*'],
        resources: ['*'],
      },
    ];
    for (const service of services) {
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
      deletionWindowInDays: deletionWindowDays,
      policy: policyDocument(this, 'policy', statements),
      dependsOn,
    });
    new KmsAlias(this, 'Alias', { name: `alias/${props.alias}`, targetKeyId: key.keyId });
    this.keyArn = key.arn;
    this.keyId = key.keyId;
  }
}
