import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { policyDocument, type PolicyStatement } from '@privatelink-cdktf/core';
import { Construct } from 'constructs';

export interface ServiceRoleProps {
  /** The IAM role name (64 characters at most). */
  readonly roleName: string;
  /** The service that assumes the role, for example `transfer.amazonaws.com`. */
  readonly servicePrincipal: string;
  /**
   * Only this account's resources of the service may assume the role (confused deputy protection).
   * @default - no source account condition (EC2 instance profiles do not send one)
   */
  readonly sourceAccountId?: string;
  /** What the role may do, as an inline policy. @default [] - no inline policy */
  readonly statements?: readonly PolicyStatement[];
  /** AWS managed policies by name, for example `AmazonSSMManagedInstanceCore`. @default [] */
  readonly managedPolicyNames?: readonly string[];
  /** The partition of the managed policy ARNs. */
  readonly partition: string;
}

/** An IAM role that one AWS service assumes, with its permissions inline so they live with it. */
export class ServiceRole extends Construct {
  public readonly roleArn: string;
  public readonly roleName: string;

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    const role = new IamRole(this, 'Role', {
      name: props.roleName,
      assumeRolePolicy: policyDocument(this, 'assumeRolePolicy', [
        {
          principals: { Service: [props.servicePrincipal] },
          actions: ['sts:AssumeRole'],
          conditions: props.sourceAccountId ? [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [props.sourceAccountId] }] : [],
        },
      ]),
    });
    if (props.statements && props.statements.length > 0) {
      new IamRolePolicy(this, 'Policy', { role: role.name, name: 'access', policy: policyDocument(this, 'statements', props.statements) });
    }
    for (const name of props.managedPolicyNames ?? []) {
      new IamRolePolicyAttachment(this, `Managed-${name}`, { role: role.name, policyArn: `arn:${props.partition}:iam::aws:policy/${name}` });
    }
    this.roleArn = role.arn;
    this.roleName = role.name;
  }
}
