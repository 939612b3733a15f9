import { VpcEndpointConnectionAccepter } from '@cdktf/provider-aws/lib/vpc-endpoint-connection-accepter';
import { VpcEndpointServiceAllowedPrincipal } from '@cdktf/provider-aws/lib/vpc-endpoint-service-allowed-principal';
import { configError, isUnresolved, requireNonEmpty, requireUnique, show } from '@privatelink-cdktf/core';
import { Construct } from 'constructs';

/** A customer allowed to connect to the endpoint service. */
export interface TenantConfig {
  /**
   * A stable key such as `acme-bank`: the tenant's resources are addressed by it, so adding or
   * removing a tenant never touches another. Never change it once deployed.
   */
  readonly key: string;
  /**
   * IAM principals allowed to create endpoints: account root (`arn:aws:iam::123456789012:root`),
   * role or user ARNs. `'*'` means any AWS account and needs `allowAnyPrincipal: true`.
   */
  readonly principals: readonly string[];
  /**
   * The tenant's interface endpoint IDs (`vpce-...`) to accept, once the tenant has created
   * them. @default [] - connection requests wait for manual acceptance
   */
  readonly endpointIds?: readonly string[];
}

export interface TenantProps extends TenantConfig {
  readonly serviceId: string;
  /** Accepters only make sense when the service asks for acceptance. @default true */
  readonly acceptanceRequired?: boolean;
}

const PRINCIPAL = /^arn:(aws|aws-cn|aws-us-gov):iam::([^:]*):(root|role\/.+|user\/.+)$/;
const ENDPOINT_ID = /^vpce-[0-9a-f]{8,17}$/;

/**
 * One tenant of an endpoint service: an `aws_vpc_endpoint_service_allowed_principal` per
 * principal (never the service's inline list, which would rewrite every tenant on each change),
 * addressed by tenant key and principal, and an accepter per known endpoint.
 */
export class Tenant extends Construct {
  public readonly key: string;
  public readonly principals: readonly string[];

  constructor(scope: Construct, id: string, props: TenantProps) {
    super(scope, id);
    this.key = props.key;
    const principals = requireNonEmpty(this, 'principals', props.principals, 'give at least one principal ARN, for example arn:aws:iam::123456789012:root');
    requireUnique(this, 'principals', principals, 'list each principal once');
    this.principals = principals;
    for (const principal of principals) {
      validatePrincipal(this, principal);
      const id = `Principal-${principalSuffix(principal)}`;
      if (this.node.tryFindChild(id)) {
        configError(this, 'principals', `has ${show(principal)}, which gets the same address as another principal of the tenant`, 'split the principals over two tenants');
      }
      new VpcEndpointServiceAllowedPrincipal(this, id, {
        vpcEndpointServiceId: props.serviceId,
        principalArn: principal,
      });
    }
    const endpointIds = props.endpointIds ?? [];
    requireUnique(this, 'endpointIds', endpointIds, 'list each endpoint once');
    if (endpointIds.length > 0 && props.acceptanceRequired === false) {
      configError(this, 'endpointIds', 'is set while acceptanceRequired is false', 'leave endpointIds out (endpoints are accepted automatically), or require acceptance');
    }
    for (const endpointId of endpointIds) {
      if (isUnresolved(endpointId)) configError(this, 'endpointIds', 'has an unresolved value', 'give the literal vpce-... IDs the tenant sent you');
      if (!ENDPOINT_ID.test(endpointId)) configError(this, 'endpointIds', `has ${show(endpointId)}`, 'give interface endpoint IDs such as vpce-0a1b2c3d4e5f60718');
      new VpcEndpointConnectionAccepter(this, `Accept-${endpointId}`, { vpcEndpointServiceId: props.serviceId, vpcEndpointId: endpointId });
    }
  }
}

/** Fails on anything but `*` or an account root, role or user ARN with a 12-digit account. */
export function validatePrincipal(scope: Construct, principal: string): void {
  if (isUnresolved(principal)) configError(scope, 'principals', 'has an unresolved value', 'give literal principal ARNs: they name the resources');
  if (principal === '*') return;
  if (/^\d+$/.test(principal)) {
    const fix = principal.length === 12 ? `write the account root ARN arn:aws:iam::${principal}:root` : 'an AWS account ID is exactly 12 digits; write its root ARN, for example arn:aws:iam::123456789012:root';
    configError(scope, 'principals', `has ${show(principal)}, an account ID rather than a principal ARN`, fix);
  }
  const match = PRINCIPAL.exec(principal);
  if (!match) {
    configError(scope, 'principals', `has ${show(principal)}, which is not a principal ARN`, 'use an account root, role or user ARN such as arn:aws:iam::123456789012:root or arn:aws:iam::123456789012:role/consumer');
  }
  if (!/^\d{12}$/.test(match[2])) {
    configError(scope, 'principals', `has ${show(principal)} with account ID ${show(match[2])}`, 'an AWS account ID is exactly 12 digits, for example arn:aws:iam::123456789012:root');
  }
}

/** A readable, stable construct ID part for a principal: `123456789012-root`, `123456789012-role-app`, `any`. */
export function principalSuffix(principal: string): string {
  if (principal === '*') return 'any';
  const [, , , , account, resource] = principal.split(':');
  return `${account}-${resource}`.replace(/[^A-Za-z0-9-]+/g, '-');
}
