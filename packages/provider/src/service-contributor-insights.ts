import { CloudwatchContributorManagedInsightRule } from '@cdktf/provider-aws/lib/cloudwatch-contributor-managed-insight-rule';
import { applyConstructContract, knownAwsContext, type MetaArguments, requireArn, requireArray, requireNonEmpty, requireOneOf, requireString, requireUnique } from '@privatelink-cdktf/core';
import { Construct } from 'constructs';

/**
 * The managed Contributor Insights rules AWS offers for an endpoint service: the tenants' endpoints
 * ranked by new connections, active connections, bytes and reset packets.
 */
export const SERVICE_INSIGHT_TEMPLATES = [
  'VpcEndpointService-NewConnectionsByEndpointId-v1',
  'VpcEndpointService-ActiveConnectionsByEndpointId-v1',
  'VpcEndpointService-BytesByEndpointId-v1',
  'VpcEndpointService-RstPacketsByEndpointId-v1',
] as const;

export type ServiceInsightTemplate = (typeof SERVICE_INSIGHT_TEMPLATES)[number];

export interface ServiceContributorInsightsProps extends MetaArguments {
  /** The endpoint service's ARN (`EndpointService.serviceArn`), of the stack's region and account. */
  readonly serviceArn: string;
  /** The rules to turn on. Each is billed per rule and per matched log event. @default - all four */
  readonly templates?: readonly ServiceInsightTemplate[];
}

/**
 * CloudWatch Contributor Insights for an endpoint service: which tenant endpoints open the most
 * connections, hold the most, move the most bytes and get reset most, without reading flow logs.
 */
export class ServiceContributorInsights extends Construct {
  /** The rule names CloudWatch gives, for dashboards (`GetInsightRuleReport`). */
  public readonly ruleNames: readonly string[];

  constructor(scope: Construct, id: string, props: ServiceContributorInsightsProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    const { region, accountId } = knownAwsContext(this, { provider });
    requireString(this, 'serviceArn', props.serviceArn, "give the endpoint service's ARN (EndpointService.serviceArn)");
    requireArn(this, 'serviceArn', props.serviceArn, { service: 'ec2', resourceTypes: ['vpc-endpoint-service'], region, accountId });
    const templates = requireArray(this, 'templates', props.templates ?? SERVICE_INSIGHT_TEMPLATES, `list some of ${SERVICE_INSIGHT_TEMPLATES.join(', ')}`);
    requireNonEmpty(this, 'templates', templates, 'leave templates out for all four rules, or leave the construct out for none');
    templates.forEach((template, index) => requireOneOf(this, `templates[${index}]`, template, SERVICE_INSIGHT_TEMPLATES));
    requireUnique(this, 'templates', templates, 'list each template once');
    // Keyed by template (`VpcEndpointService-<Key>-v1`), so turning one rule off never replaces the others.
    this.ruleNames = templates.map(
      (template) =>
        new CloudwatchContributorManagedInsightRule(this, template.split('-')[1], {
          resourceArn: props.serviceArn,
          templateName: template,
          dependsOn,
        }).ruleName,
    );
  }
}
