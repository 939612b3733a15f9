import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import {
  applyConstructContract,
  awsContext,
  configError,
  formatValue,
  type MetaArguments,
  NAME_RULES,
  type PolicyCondition,
  policyDocument,
  type PolicyStatement,
  providerRegion,
  requireAccountId,
  requireArn,
  requireArray,
  requireName,
  requireServicePrincipal,
  requireString,
  SERVICES_SETTING_SOURCE_ARN,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';

export interface ServiceRoleProps extends MetaArguments {
  /** The IAM role name (64 characters at most). */
  readonly roleName: string;
  /** The service that assumes the role, for example `transfer.amazonaws.com`. */
  readonly servicePrincipal: string;
  /**
   * Only this account's resources of the service may assume the role (`aws:SourceAccount`,
   * confused deputy protection). Give it wherever the service sends it.
   * @default - no source account condition (EC2 sends none when it assumes an instance role)
   */
  readonly sourceAccountId?: string;
  /**
   * Only this resource (an ARN, or an ARN pattern with `*`) may make the service assume the role
   * (`aws:SourceArn`). Give it wherever the service sends it, together with `sourceAccountId`.
   * @default - no source ARN condition (EC2 sends none)
   */
  readonly sourceArn?: string;
  /** What the role may do, as an inline policy. @default [] - no inline policy */
  readonly statements?: readonly PolicyStatement[];
  /** AWS managed policies by name, for example `AmazonSSMManagedInstanceCore`. @default [] */
  readonly managedPolicyNames?: readonly string[];
}

const MANAGED_POLICY_NAME = /^[\w+=,.@-]{1,128}$/;

/**
 * An IAM role that one AWS service assumes, trusting only that service (and, where the service
 * sends them, only the given account and resource), with its permissions inline so they live
 * with it.
 */
export class ServiceRole extends Construct {
  public readonly roleArn: string;
  public readonly roleName: string;

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireString(this, 'roleName', props.roleName, `give the role a name, for example '${NAME_RULES.iamRole.example}'`);
    requireName(this, 'roleName', props.roleName, NAME_RULES.iamRole);
    requireString(this, 'servicePrincipal', props.servicePrincipal, "give the service that assumes the role, for example 'transfer.amazonaws.com'");
    requireServicePrincipal(this, 'servicePrincipal', props.servicePrincipal);
    if (props.sourceAccountId !== undefined) requireAccountId(this, 'sourceAccountId', props.sourceAccountId);
    // The services that send aws:SourceArn get it checked (core's list, shared with PL-IAM-1).
    if (props.sourceArn === undefined && SERVICES_SETTING_SOURCE_ARN.includes(props.servicePrincipal)) {
      configError(this, 'sourceArn', `is missing for ${formatValue(props.servicePrincipal)}, which sends aws:SourceArn`, 'give the ARN (or ARN pattern) of the resources that use the role, with sourceAccountId');
    }
    if (props.sourceArn !== undefined) {
      requireArn(this, 'sourceArn', props.sourceArn);
      if (props.sourceAccountId === undefined) configError(this, 'sourceArn', 'is given without sourceAccountId', 'give both: AWS asks for aws:SourceAccount next to aws:SourceArn, so a pattern cannot match another account');
    }
    const statements = requireArray(this, 'statements', props.statements ?? [], 'give a list of statements, for example [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::bucket/*"] }]');
    const managedPolicyNames = requireArray(this, 'managedPolicyNames', props.managedPolicyNames ?? [], "give AWS managed policy names as a list, for example ['AmazonSSMManagedInstanceCore']");
    for (const name of managedPolicyNames) {
      if (typeof name !== 'string' || !MANAGED_POLICY_NAME.test(name)) {
        configError(this, 'managedPolicyNames', `has ${formatValue(name)}, which is not a managed policy name`, "give the name without its ARN, for example 'AmazonSSMManagedInstanceCore'");
      }
    }
    const { partition } = awsContext(this, { region: providerRegion(provider) });
    const conditions: PolicyCondition[] = [
      ...(props.sourceAccountId !== undefined ? [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.sourceAccountId] }] : []),
      ...(props.sourceArn !== undefined ? [{ test: 'ArnLike', variable: 'aws:SourceArn', values: [props.sourceArn] }] : []),
    ];
    const trust: PolicyStatement[] = [{ principals: { Service: [props.servicePrincipal] }, actions: ['sts:AssumeRole'], conditions }];
    const role = new IamRole(this, 'Role', {
      name: props.roleName,
      // Stryker disable next-line StringLiteral: the trust statement is built here from checked props and always valid, so policyDocument never names this field
      assumeRolePolicy: policyDocument(this, 'assumeRolePolicy', trust),
      dependsOn,
    });
    if (statements.length > 0) {
      new IamRolePolicy(this, 'Policy', { role: role.name, name: 'access', policy: policyDocument(this, 'statements', statements) });
    }
    for (const name of managedPolicyNames) {
      new IamRolePolicyAttachment(this, `Managed-${name}`, { role: role.name, policyArn: `arn:${partition}:iam::aws:policy/${name}` });
    }
    this.roleArn = role.arn;
    this.roleName = role.name;
  }
}
