import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { TerraformOutput } from 'cdktf';
import { ServiceContributorInsights, type ServiceContributorInsightsProps, SERVICE_INSIGHT_TEMPLATES } from '../src/service-contributor-insights';
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

describe('ServiceContributorInsights with a provider of another region', () => {
  const stack = testStack();
  const osaka = new AwsProvider(stack, 'osaka', { region: 'ap-northeast-3', alias: 'osaka' });
  const osakaArn = SERVICE_ARN.replace('ap-northeast-1', 'ap-northeast-3');
  new ServiceContributorInsights(stack, 'Insights', { serviceArn: osakaArn, templates: ['VpcEndpointService-BytesByEndpointId-v1'], provider: osaka });
  const json = synthJson(stack);

  it("takes the endpoint service of the provider's region, and creates the rules there", () => {
    expect(Object.values(rules(json)).map((r) => [r.resource_arn, r.provider])).toEqual([[osakaArn, 'aws.osaka']]);
  });

  it("refuses an endpoint service of the stack's region", () => {
    expect(() => new ServiceContributorInsights(stack, 'Tokyo', { serviceArn: SERVICE_ARN, provider: osaka })).toThrow(
      /ServiceContributorInsights 'unit-dev\/Tokyo': 'serviceArn' is '[^']+', in ap-northeast-1, but the stack deploys to ap-northeast-3/,
    );
  });
});

const insights = (props: Record<string, unknown>) => () => new ServiceContributorInsights(testStack(), 'Insights', { serviceArn: SERVICE_ARN, ...props } as ServiceContributorInsightsProps);

const BAD: readonly BadInputCase[] = [
  { name: 'service ARN missing (untyped JS)', run: insights({ serviceArn: undefined }), field: 'serviceArn', value: 'is missing', fix: /give the endpoint service's ARN \(EndpointService\.serviceArn\)/ },
  {
    name: 'service ARN of another service',
    run: insights({ serviceArn: SERVICE_ARN.replace(':ec2:', ':sns:') }),
    field: 'serviceArn',
    value: 'which is not an ec2 vpc-endpoint-service ARN',
    fix: /arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint-service\//,
  },
  {
    name: 'templates as one template (untyped JS)',
    run: insights({ templates: 'VpcEndpointService-BytesByEndpointId-v1' }),
    field: 'templates',
    value: "is the string 'VpcEndpointService-BytesByEndpointId-v1', not a list",
    fix: /^list some of VpcEndpointService-NewConnectionsByEndpointId-v1, VpcEndpointService-ActiveConnectionsByEndpointId-v1, VpcEndpointService-BytesByEndpointId-v1, /,
  },
];

describe('ServiceContributorInsights bad input', () => {
  it.each(BAD.map((c) => [c.name, c] as const))('%s: one ConfigError naming construct, field, value and fix', (_name, c) => assertBadInput(c));
});
