import { VpcEndpointConnectionAccepter } from '@cdktf/provider-aws/lib/vpc-endpoint-connection-accepter';
import { VpcEndpointService } from '@cdktf/provider-aws/lib/vpc-endpoint-service';
import {
  applyConstructContract,
  configError,
  describeKind,
  ENDPOINT_SERVICE_ACCEPTANCE,
  formatValue,
  Guardrails,
  isUnresolved,
  knownAwsContext,
  type MetaArguments,
  NO_ANY_PRINCIPAL,
  requireArn,
  requireArray,
  requireBoolean,
  requireDnsName,
  requireKeys,
  requireNonEmpty,
  requireOneOf,
  requirePreventDestroy,
  requireRegion,
  requireResourceId,
  requireTimeouts,
  requireUnique,
  type TimeoutsProps,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { requireTenantConfig, requireTenantList, Tenant, type TenantConfig } from './tenant';

export interface EndpointServiceProps extends MetaArguments, TimeoutsProps {
  /**
   * The Network Load Balancers behind the service, in the stack's region and account; consumers
   * are spread over them. @default - required unless gatewayLoadBalancerArns
   */
  readonly networkLoadBalancerArns?: readonly string[];
  /**
   * Gateway Load Balancers instead of NLBs: a service that consumers reach through Gateway Load
   * Balancer endpoints (traffic inspection appliances). Such a service has no private DNS name and
   * no cross-region access. @default - none; give networkLoadBalancerArns
   */
  readonly gatewayLoadBalancerArns?: readonly string[];
  /** Each endpoint waits for the provider to accept it. @default true */
  readonly acceptanceRequired?: boolean;
  /** The tenants allowed to create endpoints, each by a stable key. @default [] */
  readonly tenants?: readonly TenantConfig[];
  /** Permit the `'*'` principal (any AWS account may request an endpoint). @default false */
  readonly allowAnyPrincipal?: boolean;
  /** `ipv6` needs dualstack load balancers. @default ['ipv4'] */
  readonly supportedIpAddressTypes?: readonly ('ipv4' | 'ipv6')[];
  /**
   * Other regions whose consumers may connect (cross-region PrivateLink). The service's own region
   * is added when the stack's region is known, since AWS always reports it. @default - the service's region only
   */
  readonly supportedRegions?: readonly string[];
  /** The service's private DNS name, verified by {@link PrivateDnsName}. @default - none */
  readonly privateDnsName?: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
  /**
   * Adds `lifecycle.prevent_destroy`, so Terraform refuses any plan that destroys the service. An
   * explicit `false` in production acknowledges PL-PROD-2.
   * @default - true in a production stack, false elsewhere
   */
  readonly preventDestroy?: boolean;
}

const NLB_EXAMPLE = 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/my-nlb/0123456789abcdef';
const GWLB_EXAMPLE = 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/gwy/my-gwlb/0123456789abcdef';

/**
 * A VPC endpoint service in front of Network Load Balancers: acceptance required unless turned
 * off by name, tenants as separate allowed-principal resources, no `*` without an opt-in.
 */
export class EndpointService extends Construct {
  public readonly serviceId: string;
  public readonly serviceName: string;
  public readonly serviceArn: string;
  /** AZ names the service is offered in (known after apply). */
  public readonly availabilityZones: string[];
  public readonly acceptanceRequired: boolean;
  public readonly privateDnsName?: string;
  /** The TXT record name AWS asks for to verify the private DNS name (known after apply). */
  public readonly verificationRecordName: string;
  /** The TXT record value AWS asks for to verify the private DNS name (known after apply). */
  public readonly verificationRecordValue: string;
  public readonly tenants: readonly Tenant[];
  /**
   * The endpoints of offboarded tenants: connections to reject. Terraform rejects those it accepted
   * when it deletes their accepters; for any other (accepted by hand, or still pending) run
   * `aws ec2 reject-vpc-endpoint-connections --service-id <serviceId> --vpc-endpoint-ids <ids>`,
   * since the AWS provider has no resource that rejects a connection.
   */
  public readonly endpointsToReject: readonly string[];
  /** The endpoint service resource, for dependencies. */
  public readonly resource: VpcEndpointService;

  constructor(scope: Construct, id: string, props: EndpointServiceProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    const { region, accountId } = knownAwsContext(this, { provider });
    const gateway = props.gatewayLoadBalancerArns !== undefined;
    if (gateway && props.networkLoadBalancerArns !== undefined) {
      configError(this, 'gatewayLoadBalancerArns', 'is given together with networkLoadBalancerArns', 'an endpoint service fronts either Network or Gateway Load Balancers: give one of the two lists');
    }
    const field = gateway ? 'gatewayLoadBalancerArns' : 'networkLoadBalancerArns';
    const kind = gateway ? 'gwy' : 'net';
    const example = gateway ? GWLB_EXAMPLE : NLB_EXAMPLE;
    const lbArns = requireNonEmpty(this, field, gateway ? props.gatewayLoadBalancerArns : props.networkLoadBalancerArns, `give the ARN of at least one ${gateway ? 'Gateway' : 'Network'} Load Balancer, for example ${example}`);
    lbArns.forEach((arn) => {
      // An endpoint service fronts load balancers of its own region and account.
      requireArn(this, field, arn, { service: 'elasticloadbalancing', resourceTypes: ['loadbalancer'], region, accountId, example });
      if (!isUnresolved(arn) && !arn.includes(`:loadbalancer/${kind}/`)) {
        configError(this, field, `has ${formatValue(arn)}, which is not a ${gateway ? 'Gateway' : 'Network'} Load Balancer ARN`, `give ARNs such as ${example}`);
      }
    });
    requireUnique(this, field, lbArns, 'list each load balancer once');
    const tenants = requireArray(this, 'tenants', props.tenants ?? [], "give a list such as [{ key: 'acme-bank', principals: ['arn:aws:iam::123456789012:root'] }]");
    this.acceptanceRequired = requireBoolean(this, 'acceptanceRequired', props.acceptanceRequired) ?? true;
    const allowAnyPrincipal = requireBoolean(this, 'allowAnyPrincipal', props.allowAnyPrincipal) ?? false;
    tenants.forEach((tenant, index) => requireTenantConfig({ scope: this, field: `tenants[${index}]` }, tenant, { acceptanceRequired: this.acceptanceRequired }));
    requireTenantList((index) => ({ scope: this, field: `tenants[${index}]` }), tenants);
    // Offboarded tenants are on record only: they allow no principal.
    const principals = tenants.filter((t) => t.state !== 'offboarded').flatMap((t) => t.principals);
    if (principals.includes('*') && !allowAnyPrincipal) {
      configError(this, 'tenants', "allows the principal '*', so any AWS account could connect", "list the tenants' account, role or user ARNs, or set allowAnyPrincipal: true if that is really intended");
    }
    if (!this.acceptanceRequired && principals.length === 0) {
      configError(this, 'acceptanceRequired', 'is false with no allowed principals, so the service can never be used', 'add tenants with principals, or keep acceptance required');
    }
    if (!this.acceptanceRequired && principals.includes('*')) {
      configError(this, 'acceptanceRequired', "is false while '*' is allowed, so any AWS account would connect unchecked", "keep acceptance required with '*'");
    }
    // Options chosen by name accept the guardrail findings they cause, with the reason on record.
    if (principals.includes('*')) Guardrails.acknowledge(this, NO_ANY_PRINCIPAL, "allowAnyPrincipal: true was set on the endpoint service to allow the '*' principal");
    if (!this.acceptanceRequired) Guardrails.acknowledge(this, ENDPOINT_SERVICE_ACCEPTANCE, 'acceptanceRequired: false was set on the endpoint service, so allowed principals connect without review');
    const ipTypes = requireNonEmpty(this, 'supportedIpAddressTypes', props.supportedIpAddressTypes ?? ['ipv4'], "give ['ipv4'], ['ipv6'] or both");
    ipTypes.forEach((type) => requireOneOf(this, 'supportedIpAddressTypes', type, ['ipv4', 'ipv6']));
    requireUnique(this, 'supportedIpAddressTypes', ipTypes, 'list each type once');
    const regions = props.supportedRegions === undefined ? undefined : requireArray(this, 'supportedRegions', props.supportedRegions, "give region names such as ['us-east-1']");
    if (regions) {
      if (gateway) configError(this, 'supportedRegions', 'is set on a Gateway Load Balancer endpoint service', 'leave supportedRegions out: cross-region access is for services behind Network Load Balancers');
      regions.forEach((other) => requireRegion(this, 'supportedRegions', other));
      requireUnique(this, 'supportedRegions', regions, 'list each region once');
    }
    if (props.privateDnsName !== undefined) {
      if (gateway) configError(this, 'privateDnsName', 'is set on a Gateway Load Balancer endpoint service', 'leave privateDnsName out: Gateway Load Balancer endpoints take no DNS name');
      requireDnsName(this, 'privateDnsName', props.privateDnsName);
    }
    requireTags(this, 'tags', props.tags);
    const preventDestroy = requirePreventDestroy(this, 'preventDestroy', props.preventDestroy, 'the endpoint service');
    const timeouts = requireTimeouts(this, 'timeouts', props.timeouts);

    this.resource = new VpcEndpointService(this, 'Service', {
      acceptanceRequired: this.acceptanceRequired,
      ...(gateway ? { gatewayLoadBalancerArns: lbArns } : { networkLoadBalancerArns: lbArns }),
      supportedIpAddressTypes: [...ipTypes],
      supportedRegions: regions ? withOwnRegion(regions, region) : undefined,
      privateDnsName: props.privateDnsName,
      tags: props.tags,
      dependsOn,
      lifecycle: preventDestroy ? { preventDestroy: true } : undefined,
      timeouts,
    });
    this.serviceId = this.resource.id;
    this.serviceName = this.resource.serviceName;
    this.serviceArn = this.resource.arn;
    this.availabilityZones = this.resource.availabilityZones;
    this.privateDnsName = props.privateDnsName;
    const dnsConfig = this.resource.privateDnsNameConfiguration.get(0);
    this.verificationRecordName = dnsConfig.name;
    this.verificationRecordValue = dnsConfig.value;
    this.tenants = tenants.map(
      (tenant) => new Tenant(this, `Tenant-${tenant.key}`, { ...tenant, serviceId: this.serviceId, acceptanceRequired: this.acceptanceRequired, allowAnyPrincipal }),
    );
    this.endpointsToReject = this.tenants.filter((t) => t.state === 'offboarded').flatMap((t) => t.endpointIds);
  }

  /**
   * Accepts an endpoint known only by reference, for example one created in the same apply in
   * this account (`endpoint.endpointId`), which the tenants' literal `endpointIds` cannot name.
   * The accepter is addressed by `key`, so the reference may change without replacing others.
   */
  public acceptEndpoint(key: string, endpointId: string): VpcEndpointConnectionAccepter {
    if (!this.acceptanceRequired) configError(this, 'acceptEndpoint', 'is called while acceptanceRequired is false', 'leave it out: every endpoint of an allowed principal is accepted automatically');
    requireKeys(this, 'acceptEndpoint.key', [key]);
    requireResourceId(this, 'acceptEndpoint.endpointId', endpointId, 'vpcEndpoint');
    const owner = this.tenants.find((tenant) => tenant.endpointIds.includes(endpointId));
    if (owner) configError(this, 'acceptEndpoint.endpointId', `is ${formatValue(endpointId)}, which tenant ${formatValue(owner.key)} lists already`, 'accept an endpoint once: leave this call out, or remove it from the tenant');
    const id = `AcceptRef-${key}`;
    if (this.node.tryFindChild(id)) configError(this, 'acceptEndpoint.key', `is ${formatValue(key)} twice`, 'give each accepted endpoint its own key');
    return new VpcEndpointConnectionAccepter(this, id, { vpcEndpointServiceId: this.serviceId, vpcEndpointId: endpointId });
  }
}

/**
 * The supported regions with the service's own region first: AWS always reports it, so a list
 * that leaves it out shows a change on every plan (hashicorp/terraform-provider-aws#40667).
 */
function withOwnRegion(regions: readonly string[], own: string | undefined): string[] {
  if (own === undefined || isUnresolved(own) || regions.includes(own)) return [...regions];
  return [own, ...regions];
}

/** Fails unless tags are an object of string values (EC2 tag values are at most 256 characters). */
function requireTags(scope: Construct, field: string, tags: Record<string, string> | undefined): void {
  if (tags === undefined) return;
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) configError(scope, field, `is ${describeKind(tags)}`, "give an object such as { team: 'platform' }");
  for (const [key, value] of Object.entries(tags)) {
    if (typeof value !== 'string') configError(scope, `${field}.${key}`, `is ${describeKind(value)}, not a string`, 'give tag values as strings');
  }
}
