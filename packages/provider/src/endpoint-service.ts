import { VpcEndpointService } from '@cdktf/provider-aws/lib/vpc-endpoint-service';
import {
  configError,
  dependsOnOf,
  ENDPOINT_SERVICE_ACCEPTANCE,
  formatValue,
  Guardrails,
  isUnresolved,
  type MetaArguments,
  NO_ANY_PRINCIPAL,
  requireDnsName,
  requireNonEmpty,
  requireOneOf,
  requireRegion,
  requireUnique,
  useProvider,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { Tenant, type TenantConfig, validateTenantConfig, validateTenantList } from './tenant';

export interface EndpointServiceProps extends MetaArguments {
  /** The Network Load Balancers behind the service; consumers are spread over them. */
  readonly networkLoadBalancerArns: readonly string[];
  /** Each endpoint waits for the provider to accept it. @default true */
  readonly acceptanceRequired?: boolean;
  /** The tenants allowed to create endpoints, each by a stable key. @default [] */
  readonly tenants?: readonly TenantConfig[];
  /** Permit the `'*'` principal (any AWS account may request an endpoint). @default false */
  readonly allowAnyPrincipal?: boolean;
  /** `ipv6` needs dualstack load balancers. @default ['ipv4'] */
  readonly supportedIpAddressTypes?: readonly ('ipv4' | 'ipv6')[];
  /** Other regions whose consumers may connect (cross-region PrivateLink). @default - the service's region only */
  readonly supportedRegions?: readonly string[];
  /** The service's private DNS name, verified by {@link PrivateDnsName}. @default - none */
  readonly privateDnsName?: string;
  /** @default {} */
  readonly tags?: Record<string, string>;
  /** Adds `lifecycle.prevent_destroy`, so Terraform refuses any plan that destroys the service. @default false */
  readonly preventDestroy?: boolean;
}

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
    useProvider(this, props.provider);
    const nlbArns = requireNonEmpty(this, 'networkLoadBalancerArns', props.networkLoadBalancerArns, 'give the ARN of at least one Network Load Balancer');
    requireUnique(this, 'networkLoadBalancerArns', nlbArns, 'list each load balancer once');
    nlbArns.forEach((arn) => requireNlbArn(this, arn));
    const tenants = props.tenants ?? [];
    if (!Array.isArray(tenants)) configError(this, 'tenants', `is ${formatValue(tenants)}`, "give a list such as [{ key: 'acme-bank', principals: ['arn:aws:iam::123456789012:root'] }]");
    this.acceptanceRequired = props.acceptanceRequired ?? true;
    tenants.forEach((tenant, index) => validateTenantConfig({ scope: this, field: `tenants[${index}]` }, tenant, { acceptanceRequired: this.acceptanceRequired }));
    validateTenantList((index) => ({ scope: this, field: `tenants[${index}]` }), tenants);
    // Offboarded tenants are on record only: they allow no principal.
    const principals = tenants.filter((t) => t.state !== 'offboarded').flatMap((t) => t.principals);
    if (principals.includes('*') && props.allowAnyPrincipal !== true) {
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
    const ipTypes = props.supportedIpAddressTypes ?? ['ipv4'];
    requireNonEmpty(this, 'supportedIpAddressTypes', ipTypes, "give ['ipv4'], ['ipv6'] or both");
    ipTypes.forEach((type) => requireOneOf(this, 'supportedIpAddressTypes', type, ['ipv4', 'ipv6']));
    requireUnique(this, 'supportedIpAddressTypes', ipTypes, 'list each type once');
    const regions = props.supportedRegions;
    if (regions) {
      regions.forEach((region) => requireRegion(this, 'supportedRegions', region));
      requireUnique(this, 'supportedRegions', regions, 'list each region once');
    }
    if (props.privateDnsName !== undefined) requireDnsName(this, 'privateDnsName', props.privateDnsName);

    this.resource = new VpcEndpointService(this, 'Service', {
      acceptanceRequired: this.acceptanceRequired,
      networkLoadBalancerArns: nlbArns,
      supportedIpAddressTypes: [...ipTypes],
      supportedRegions: regions ? [...regions] : undefined,
      privateDnsName: props.privateDnsName,
      tags: props.tags,
      dependsOn: dependsOnOf(props),
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
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
      (tenant) => new Tenant(this, `Tenant-${tenant.key}`, { ...tenant, serviceId: this.serviceId, acceptanceRequired: this.acceptanceRequired }),
    );
    this.endpointsToReject = this.tenants.filter((t) => t.state === 'offboarded').flatMap((t) => t.endpointIds);
  }
}

function requireNlbArn(scope: Construct, arn: string): void {
  if (isUnresolved(arn)) return;
  if (!/^arn:(aws|aws-cn|aws-us-gov):elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/net\/[A-Za-z0-9-]+\/[0-9a-f]+$/.test(arn)) {
    configError(scope, 'networkLoadBalancerArns', `has ${formatValue(arn)}, which is not a Network Load Balancer ARN`, 'give ARNs such as arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/my-nlb/0123456789abcdef');
  }
}
