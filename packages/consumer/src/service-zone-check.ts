import { configError, isUnresolved, formatValue, type SubnetRef } from '@privatelink-cdktf/core';
import { DefaultTokenResolver, StringConcat, TerraformElement, type TerraformProvider, Tokenization } from 'cdktf';
import type { Construct } from 'constructs';

export interface ServiceZoneCheckProps {
  /** The full service name, literal or a reference. */
  readonly serviceName: string;
  /** `Interface` or `GatewayLoadBalancer`: S3 and DynamoDB offer two types under one name. */
  readonly serviceType: 'Interface' | 'GatewayLoadBalancer';
  /** The endpoint's subnets; each must sit in a zone the service is offered in. */
  readonly subnets: readonly SubnetRef[];
  /** The field the subnets came from, for messages. */
  readonly field: string;
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

// A reference to a subnet created in this configuration: its zone name is an attribute of it.
const SUBNET_REFERENCE = /^\$\{(aws_subnet\.[A-Za-z_][A-Za-z0-9_-]*)\.id\}$/;
const EXPRESSION = /^\$\{(.+)\}$/s;
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * A Terraform `check` block whose scoped `aws_vpc_endpoint_service` data source asks AWS, at plan
 * and after apply, which zones the service is offered in, and asserts that every subnet of the
 * endpoint sits in one. A check never stops a plan: a failed assertion, or a data source that
 * cannot reach AWS (an offline plan), is a warning. The service reports zone names as your
 * account sees them, so each subnet needs its zone name: a literal `availabilityZone`, or a
 * subnet created in this configuration (its `availability_zone` attribute).
 */
export class ServiceZoneCheck extends TerraformElement {
  private readonly props: ServiceZoneCheckProps;

  constructor(scope: Construct, id: string, props: ServiceZoneCheckProps) {
    super(scope, id);
    this.props = props;
    // Fail at synth time, not in Terraform, on a subnet whose zone name cannot be known.
    props.subnets.forEach((subnet) => this.zoneExpression(scope, subnet));
  }

  public override toTerraform(): Record<string, unknown> {
    const name = this.friendlyUniqueId;
    const offered = `data.aws_vpc_endpoint_service.${name}.availability_zones`;
    const zones = `[${this.props.subnets.map((subnet) => this.zoneExpression(this, subnet)).join(', ')}]`;
    const missing = `setsubtract(${zones}, ${offered})`;
    return {
      check: {
        [name]: {
          // Like a resource's: the construct path, so tools can tell which item owns the check.
          '//': { metadata: { path: this.node.path, uniqueId: name } },
          data: {
            aws_vpc_endpoint_service: {
              [name]: {
                service_name: this.props.serviceName,
                service_type: this.props.serviceType,
                ...(this.props.provider ? { provider: this.props.provider.fqn } : {}),
              },
            },
          },
          assert: [
            {
              condition: `\${length(${missing}) == 0}`,
              error_message:
                `\${data.aws_vpc_endpoint_service.${name}.service_name} is not offered in \${join(", ", ${missing})}, where the endpoint has subnets ` +
                `(offered in \${join(", ", ${offered})}): creating the endpoint fails there. Move those subnets, or ask the provider to add the zone.`,
            },
          ],
        },
      },
    };
  }

  /** The subnet's zone name as an HCL expression: a quoted literal or an attribute reference. */
  private zoneExpression(scope: Construct, subnet: SubnetRef): string {
    const zone = subnet.availabilityZone;
    if (zone !== undefined && !isUnresolved(zone)) return JSON.stringify(zone);
    const resolve = (value: string) => String(Tokenization.resolve(value, { scope, resolver: RESOLVER }));
    if (zone !== undefined) {
      const expression = EXPRESSION.exec(resolve(zone));
      if (expression) return expression[1];
    }
    const reference = SUBNET_REFERENCE.exec(resolve(subnet.subnetId));
    if (reference) return `${reference[1]}.availability_zone`;
    return configError(
      scope,
      this.props.field,
      `has subnet ${formatValue(isUnresolved(subnet.subnetId) ? 'an unresolved value' : subnet.subnetId)} without an AZ name, which the zone check compares`,
      "give the subnet's availabilityZone as your account names it (for example 'ap-northeast-1a'), or leave checkServiceZones off",
    );
  }
}
