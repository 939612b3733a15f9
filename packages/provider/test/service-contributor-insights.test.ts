import { TerraformOutput } from 'cdktf';
import { ServiceContributorInsights, SERVICE_INSIGHT_TEMPLATES } from '../src/service-contributor-insights';
import { resourcesOf, synthJson, testStack } from './helpers';

const SERVICE_ARN = 'arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint-service/vpce-svc-0123456789abcdef0';
const rules = (json: ReturnType<typeof synthJson>) => resourcesOf(json, 'aws_cloudwatch_contributor_managed_insight_rule');

describe('ServiceContributorInsights', () => {
  it('turns on the four managed rules of the endpoint service, keyed by template', () => {
    const stack = testStack();
    new ServiceContributorInsights(stack, 'Insights', { serviceArn: SERVICE_ARN });
    const json = synthJson(stack);
    expect(Object.values(rules(json)).map((r) => [r.resource_arn, r.template_name]).sort()).toEqual(SERVICE_INSIGHT_TEMPLATES.map((t) => [SERVICE_ARN, t]).sort());
    // Addresses named after the template: dropping one rule leaves the others' addresses alone.
    expect(Object.keys(rules(json)).map((address) => address.replace(/_[0-9A-F]{8}$/, ''))).toEqual([
      'Insights_ActiveConnectionsByEndpointId',
      'Insights_BytesByEndpointId',
      'Insights_NewConnectionsByEndpointId',
      'Insights_RstPacketsByEndpointId',
    ]);
  });

  it('turns on only the templates given, and exposes the rule names', () => {
    const stack = testStack();
    const insights = new ServiceContributorInsights(stack, 'Insights', { serviceArn: SERVICE_ARN, templates: ['VpcEndpointService-BytesByEndpointId-v1'] });
    new TerraformOutput(stack, 'Rule', { value: insights.ruleNames[0] });
    const json = synthJson(stack) as ReturnType<typeof synthJson> & { output: Record<string, { value: string }> };
    expect(Object.values(rules(json)).map((r) => r.template_name)).toEqual(['VpcEndpointService-BytesByEndpointId-v1']);
    expect(insights.ruleNames).toHaveLength(1);
    expect(json.output.Rule.value).toMatch(/^\$\{aws_cloudwatch_contributor_managed_insight_rule\.Insights_BytesByEndpointId_\w+\.rule_name\}$/);
  });
});
