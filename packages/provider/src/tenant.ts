import { VpcEndpointConnectionAccepter } from '@cdktf/provider-aws/lib/vpc-endpoint-connection-accepter';
import { VpcEndpointServiceAllowedPrincipal } from '@cdktf/provider-aws/lib/vpc-endpoint-service-allowed-principal';
import {
  applyConstructContract,
  configError,
  Guardrails,
  NO_ANY_PRINCIPAL,
  requireBoolean,
  formatValue,
  isUnresolved,
  type MetaArguments,
  principalKind,
  requireKeys,
  requireNonEmpty,
  requireOneOf,
  requirePrincipal,
  requireResourceId,
  requireUnique,
} from '@privatelink-cdktf/core';
import { Construct, type IConstruct } from 'constructs';

/** Whether a tenant may connect: `active`, or `offboarded` (kept on record, its connections rejected). */
export const TENANT_STATES = ['active', 'offboarded'] as const;
export type TenantState = (typeof TENANT_STATES)[number];

/** A customer allowed to connect to the endpoint service. */
export interface TenantConfig {
  /**
   * A stable key such as `acme-bank`: the tenant's resources are addressed by it, so adding or
   * removing a tenant never touches another. Never change it once deployed.
   */
  readonly key: string;
  /**
   * IAM principals allowed to create endpoints: account root (`arn:aws:iam::123456789012:root`),
   * role or user ARNs, or AWS service principals (`elasticloadbalancing.amazonaws.com`). `'*'`
   * means any AWS account and needs `allowAnyPrincipal: true`.
   */
  readonly principals: readonly string[];
  /**
   * The tenant's interface endpoint IDs (`vpce-...`): accepted while the tenant is active, to be
   * rejected once it is offboarded. @default [] - connection requests wait for manual acceptance
   */
  readonly endpointIds?: readonly string[];
  /**
   * `offboarded` keeps the tenant on record but removes its allowed principals (no new endpoints)
   * and its accepters (Terraform rejects each accepted connection when it deletes the accepter);
   * its `endpointIds` are then the connections to reject (see {@link EndpointService.endpointsToReject}).
   * @default 'active'
   */
  readonly state?: TenantState;
}

export interface TenantProps extends TenantConfig, MetaArguments {
  /** The endpoint service (`vpce-svc-...`, or its `serviceId` attribute). */
  readonly serviceId: string;
  /** Accepters only make sense when the service asks for acceptance. @default true */
  readonly acceptanceRequired?: boolean;
  /** Permit the `'*'` principal (any AWS account may request an endpoint). @default false */
  readonly allowAnyPrincipal?: boolean;
}

/** Where a tenant's mistakes are reported: a construct and the field path of the tenant in it (`''` for the tenant itself). */
export interface TenantLocation {
  readonly scope: IConstruct;
  readonly field: string;
}


/**
 * One tenant of an endpoint service: an `aws_vpc_endpoint_service_allowed_principal` per
 * principal (never the service's inline list, which would rewrite every tenant on each change),
 * addressed by tenant key and principal, and an accepter per known endpoint. An offboarded tenant
 * has neither.
 */
export class Tenant extends Construct {
  public readonly key: string;
  public readonly principals: readonly string[];
  public readonly state: TenantState;
  /** The endpoints accepted (active) or to reject (offboarded). */
  public readonly endpointIds: readonly string[];

  constructor(scope: Construct, id: string, props: TenantProps) {
    super(scope, id);
    const { dependsOn } = applyConstructContract(this, props);
    requireTenantConfig({ scope: this, field: '' }, props, { acceptanceRequired: props.acceptanceRequired });
    requireResourceId(this, 'serviceId', props.serviceId, 'endpointService');
    this.key = props.key;
    this.principals = [...props.principals];
    this.state = props.state ?? 'active';
    this.endpointIds = [...(props.endpointIds ?? [])];
    if (this.state === 'offboarded') return;
    if (this.principals.includes('*')) {
      if (requireBoolean(this, 'allowAnyPrincipal', props.allowAnyPrincipal) !== true) {
        configError(this, 'principals', "has '*', so any AWS account could connect", "list the tenant's account, role or user ARNs, or set allowAnyPrincipal: true if that is really intended");
      }
      Guardrails.acknowledge(this, NO_ANY_PRINCIPAL, "allowAnyPrincipal: true was set on the tenant to allow the '*' principal");
    }
    for (const principal of this.principals) {
      new VpcEndpointServiceAllowedPrincipal(this, `Principal-${principalSuffix(principal)}`, {
        vpcEndpointServiceId: props.serviceId,
        principalArn: principal,
        dependsOn,
      });
    }
    for (const endpointId of this.endpointIds) {
      new VpcEndpointConnectionAccepter(this, `Accept-${endpointId}`, { vpcEndpointServiceId: props.serviceId, vpcEndpointId: endpointId, dependsOn });
    }
  }
}

/**
 * Checks one tenant the way AWS and the resources' addresses need it: key, principals, endpoint
 * IDs and state. The Tenant construct and the tenants file share it.
 */
export function requireTenantConfig(at: TenantLocation, tenant: TenantConfig, options: { acceptanceRequired?: boolean } = {}): void {
  const field = (name: string) => (at.field ? `${at.field}.${name}` : name);
  if (tenant === null || typeof tenant !== 'object') configError(at.scope, at.field || 'tenant', `is ${formatValue(tenant)}`, "give { key: 'acme-bank', principals: ['arn:aws:iam::123456789012:root'] }");
  if (typeof tenant.key !== 'string') configError(at.scope, field('key'), tenant.key === undefined ? 'is missing' : `is ${formatValue(tenant.key)}`, "give a stable key such as 'acme-bank'");
  requireKeys(at.scope, field('key'), [tenant.key]);
  if (tenant.state !== undefined) requireOneOf(at.scope, field('state'), tenant.state, TENANT_STATES);
  const principals = requireNonEmpty(at.scope, field('principals'), tenant.principals, 'give at least one principal ARN, for example arn:aws:iam::123456789012:root');
  requireUnique(at.scope, field('principals'), principals, 'list each principal once');
  const suffixes = new Set<string>();
  for (const principal of principals) {
    requireTenantPrincipal(at.scope, field('principals'), principal);
    const suffix = principalSuffix(principal);
    if (suffixes.has(suffix)) {
      configError(at.scope, field('principals'), `has ${formatValue(principal)}, which gets the same address as another principal of the tenant`, 'split the principals over two tenants');
    }
    suffixes.add(suffix);
  }
  const endpointIds = tenant.endpointIds ?? [];
  if (!Array.isArray(endpointIds)) configError(at.scope, field('endpointIds'), `is ${formatValue(endpointIds)}, not a list`, 'give a list of endpoint IDs, for example [vpce-0a1b2c3d4e5f60718]');
  requireUnique(at.scope, field('endpointIds'), endpointIds, 'list each endpoint once');
  if (endpointIds.length > 0 && options.acceptanceRequired === false && tenant.state !== 'offboarded') {
    configError(at.scope, field('endpointIds'), 'is set while acceptanceRequired is false', 'leave endpointIds out (endpoints are accepted automatically), or require acceptance');
  }
  for (const endpointId of endpointIds) {
    if (isUnresolved(endpointId)) configError(at.scope, field('endpointIds'), 'has an unresolved value', 'give the literal vpce-... IDs the tenant sent you');
    requireResourceId(at.scope, field('endpointIds'), endpointId, 'vpcEndpoint');
  }
}

/**
 * Checks the tenants of one service together, each reported at its own location: every key,
 * principal and endpoint ID belongs to one tenant (AWS keeps one permission per principal, and an
 * endpoint can be accepted once), offboarded tenants included so nobody inherits their record.
 */
export function requireTenantList(locate: (index: number) => TenantLocation, tenants: readonly TenantConfig[]): void {
  const owners = { key: new Map<string, number>(), principals: new Map<string, number>(), endpointIds: new Map<string, number>() };
  tenants.forEach((tenant, index) => {
    const at = locate(index);
    const field = (name: string) => (at.field ? `${at.field}.${name}` : name);
    const claim = (kind: keyof typeof owners, value: string, fix: string) => {
      // A value twice within one tenant was refused by requireTenantConfig: any owner here is another tenant.
      const owner = owners[kind].get(value);
      if (owner !== undefined) {
        configError(at.scope, field(kind), `${kind === 'key' ? 'is' : 'has'} ${formatValue(value)}, which tenants[${owner}] (${formatValue(tenants[owner].key)}) already has`, fix);
      }
      owners[kind].set(value, index);
    };
    claim('key', tenant.key, 'give every tenant its own key');
    for (const principal of tenant.principals ?? []) claim('principals', principal, 'give each principal to one tenant; to bring an offboarded tenant back, set its state to active');
    for (const endpointId of tenant.endpointIds ?? []) claim('endpointIds', endpointId, 'an endpoint belongs to one tenant: remove it from the other');
  });
}

/**
 * Fails unless the principal is one an endpoint service can allow: `*`, an account root, a role or
 * user ARN, or an AWS service principal (aws/aws-cdk#29478: service principals are valid allowed
 * principals). A bare account ID and other spellings of "anyone" (`arn:aws:iam::*:root`) are
 * refused with the spelling that works.
 */
export function requireTenantPrincipal(scope: IConstruct, field: string, principal: string): void {
  if (isUnresolved(principal)) configError(scope, field, 'has an unresolved value', 'give literal principal ARNs: they name the resources');
  if (typeof principal !== 'string') configError(scope, field, `has ${formatValue(principal)}`, 'give principal ARNs as strings, for example arn:aws:iam::123456789012:root');
  if (principal === '*') return;
  if (/^\d+$/.test(principal)) {
    const fix = principal.length === 12 ? `write the account root ARN arn:aws:iam::${principal}:root` : 'an AWS account ID is exactly 12 digits; write its root ARN, for example arn:aws:iam::123456789012:root';
    configError(scope, field, `has ${formatValue(principal)}, an account ID rather than a principal ARN`, fix);
  }
  // Any AWS account in another spelling is '*' for the opt-in: write it so, where allowAnyPrincipal guards it.
  if (principalKind(principal) === 'any') configError(scope, field, `has ${formatValue(principal)}, which allows any AWS account`, "write '*' and set allowAnyPrincipal: true if that is really intended, or list the tenants' ARNs");
  requirePrincipal(scope, field, principal, ['account', 'role', 'user', 'service']);
}

/** A readable, stable construct ID part for a principal: `123456789012-root`, `123456789012-role-app`, `elasticloadbalancing-amazonaws-com`, `any`. */
export function principalSuffix(principal: string): string {
  if (principal === '*') return 'any';
  if (!principal.startsWith('arn:')) return principal.replace(/[^A-Za-z0-9-]+/g, '-');
  const [, , , , account, resource] = principal.split(':');
  return `${account}-${resource}`.replace(/[^A-Za-z0-9-]+/g, '-');
}
