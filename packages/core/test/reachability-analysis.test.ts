import { Ec2NetworkInsightsAnalysis } from '@cdktf/provider-aws/lib/ec2-network-insights-analysis';
import { Ec2NetworkInsightsPath } from '@cdktf/provider-aws/lib/ec2-network-insights-path';
import { DefaultTokenResolver, StringConcat, TerraformOutput, TerraformVariable, Testing, Tokenization } from 'cdktf';
import { ReachabilityAnalysis, type ReachabilityAnalysisProps } from '../src/reachability-analysis';
import { assertBadInput, type BadInputCase } from '../src/testing';
import { devStack, onlyResource, synthJson } from './helpers';

const NLB = 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:loadbalancer/net/saas/0123456789abcdef';

function analysis(props: Partial<ReachabilityAnalysisProps> = {}) {
  const stack = devStack();
  const construct = new ReachabilityAnalysis(stack, 'Proof', { name: 'unit-saas', source: 'i-0123456789abcdef0', destination: 'vpce-0123456789abcdef0', destinationPort: 443, ...props });
  return { stack, construct };
}

describe('ReachabilityAnalysis', () => {
  it('creates a path and an analysis that runs on create, whose result an output can carry', () => {
    const { stack, construct } = analysis();
    new TerraformOutput(stack, 'path_found', { value: construct.pathFound });
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(Ec2NetworkInsightsPath, { source: 'i-0123456789abcdef0', destination: 'vpce-0123456789abcdef0', destination_port: 443, protocol: 'tcp', tags: { Name: 'unit-saas' } });
    expect(synth).toHaveResourceWithProperties(Ec2NetworkInsightsAnalysis, { wait_for_completion: true });
    const json = JSON.parse(synth) as { output: Record<string, { value: string }>; resource: Record<string, Record<string, Record<string, unknown>>> };
    expect(json.output.path_found.value).toMatch(/^\$\{aws_ec2_network_insights_analysis\.Proof_Analysis_\w+\.path_found\}$/);
    expect(Object.values(json.resource.aws_ec2_network_insights_analysis)[0].network_insights_path_id).toMatch(/aws_ec2_network_insights_path\.Proof_Path_\w+\.id/);
  });

  it('proves a path through a load balancer to a target address', () => {
    const { stack } = analysis({ source: 'eni-0123456789abcdef0', destination: undefined, destinationIp: '10.1.0.20', protocol: 'tcp', throughArns: [NLB] });
    const json = synthJson(stack);
    expect(Object.values(json.resource.aws_ec2_network_insights_path)[0]).toMatchObject({ destination_ip: '10.1.0.20' });
    expect(Object.values(json.resource.aws_ec2_network_insights_path)[0]).not.toHaveProperty('destination');
    expect(Object.values(json.resource.aws_ec2_network_insights_analysis)[0]).toMatchObject({ filter_in_arns: [NLB] });
  });

  it('checks source, destination, addresses, port and protocol at the boundary', () => {
    expect(() => analysis({ source: 'subnet-0123456789abcdef0' })).toThrow(/'source' is 'subnet-0123456789abcdef0', which Reachability Analyzer cannot start or end a path at/);
    expect(() => analysis({ source: undefined })).toThrow(/'source' is undefined; give the ID or ARN of the source/);
    expect(() => analysis({ destination: undefined })).toThrow(/'destination' is missing; give the destination ID/);
    expect(() => analysis({ destination: 'vpce-svc-0123456789abcdef0' })).not.toThrow();
    expect(() => analysis({ destinationIp: '10.0.0.300' })).toThrow(/'destinationIp' is '10.0.0.300'/);
    expect(() => analysis({ sourceIp: '2001:db8::1' })).toThrow(/'sourceIp' is '2001:db8::1'; give one IPv4 address/);
    expect(() => analysis({ destinationPort: 70000 })).toThrow(/'destinationPort' has port 70000/);
    expect(() => analysis({ protocol: 'icmp' as never })).toThrow(/'protocol' is 'icmp'/);
    expect(() => analysis({ throughArns: ['nlb'] })).toThrow(/'throughArns' is 'nlb', which is not an ARN/);
    expect(() => new ReachabilityAnalysis(devStack(), 'P', undefined as never)).toThrow(/'props' is missing; pass the props object/);
  });
});

describe('ReachabilityAnalysis resources and outputs', () => {
  const stack = devStack();
  const source = new TerraformVariable(stack, 'Source', { type: 'string' }).stringValue;
  const construct = new ReachabilityAnalysis(stack, 'Proof', {
    name: 'unit-saas',
    source,
    destination: 'arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint/vpce-0123456789abcdef0',
    sourceIp: '10.0.0.10',
    destinationIp: new TerraformVariable(stack, 'Ip', { type: 'string' }).stringValue,
    protocol: 'udp',
    tags: { team: 'network' },
  });
  const json = synthJson(stack);
  const path = onlyResource(json, 'aws_ec2_network_insights_path');
  const analysisResource = onlyResource(json, 'aws_ec2_network_insights_analysis');
  const resolved = (value: unknown) => Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }) as unknown;

  it('takes sources and addresses known only at apply time, ARNs, UDP and tags', () => {
    expect(path).toEqual({
      source: '${var.Source}',
      destination: 'arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint/vpce-0123456789abcdef0',
      source_ip: '10.0.0.10',
      destination_ip: '${var.Ip}',
      protocol: 'udp',
      tags: { Name: 'unit-saas', team: 'network' },
    });
  });

  it('tags the analysis like the path and filters nothing when given no ARNs', () => {
    expect(analysisResource).toEqual({
      network_insights_path_id: expect.stringMatching(/^\$\{aws_ec2_network_insights_path\.Proof_Path_\w+\.id\}$/),
      wait_for_completion: true,
      tags: { Name: 'unit-saas', team: 'network' },
    });
  });

  it('exposes the path and the analysis', () => {
    expect(resolved(construct.pathId)).toMatch(/^\$\{aws_ec2_network_insights_path\.Proof_Path_\w+\.id\}$/);
    expect(resolved(construct.analysisId)).toMatch(/^\$\{aws_ec2_network_insights_analysis\.Proof_Analysis_\w+\.id\}$/);
    expect(resolved(construct.analysisArn)).toMatch(/^\$\{aws_ec2_network_insights_analysis\.Proof_Analysis_\w+\.arn\}$/);
    expect(resolved(construct.status)).toMatch(/^\$\{aws_ec2_network_insights_analysis\.Proof_Analysis_\w+\.status\}$/);
    expect(resolved(construct.pathFound)).toMatch(/^\$\{aws_ec2_network_insights_analysis\.Proof_Analysis_\w+\.path_found\}$/);
    expect(resolved(construct.explanations)).toMatch(/^\$\{aws_ec2_network_insights_analysis\.Proof_Analysis_\w+\.explanations\}$/);
  });
});

describe('ReachabilityAnalysis bad input', () => {
  const make = (props: Partial<ReachabilityAnalysisProps>) => () => analysis(props);
  const cases: BadInputCase[] = [
    { name: 'an empty name', run: make({ name: '' }), field: 'name', value: "is ''", fix: /^give a name such as tenant-consumer-prod-saas$/ },
    { name: 'a name that is a number (untyped JS)', run: make({ name: 7 as never }), field: 'name', value: 'is 7', fix: /tenant-consumer-prod-saas/ },
    { name: 'an empty source', run: make({ source: '' }), field: 'source', value: "is ''", fix: /^give the ID or ARN of the source, for example i-0123456789abcdef0 or eni-0123456789abcdef0$/ },
    { name: 'an empty destination', run: make({ destination: '' }), field: 'destination', value: "is ''", fix: /^give the ID or ARN of the destination, for example vpce-0123456789abcdef0$/ },
    { name: 'no destination at all', run: make({ destination: undefined }), field: 'destination', value: 'is missing', fix: /^give the destination ID \(for example the endpoint, vpce-\.\.\.\) or a destinationIp$/ },
    { name: 'a source that is a broken ARN', run: make({ source: 'arn:aws:ec2' }), field: 'source', value: "'arn:aws:ec2'", fix: /./ },
    {
      name: 'a destination of a kind the analyzer does not know',
      run: make({ destination: 'subnet-0123456789abcdef0' }),
      field: 'destination',
      value: "is 'subnet-0123456789abcdef0', which Reachability Analyzer cannot start or end a path at",
      fix: /^give an instance \(i-\), network interface \(eni-\), VPC endpoint \(vpce-\), endpoint service \(vpce-svc-\), gateway, transit gateway or peering connection ID, or an ARN$/,
    },
    { name: 'a destination address of IPv6', run: make({ destinationIp: '2001:db8::1' }), field: 'destinationIp', value: "is '2001:db8::1'", fix: /^give one IPv4 address, for example 10\.0\.0\.10$/ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));

  it('takes every kind of source the analyzer knows', () => {
    for (const source of ['igw-0123456789abcdef0', 'tgw-0123456789abcdef0', 'tgw-attach-0123456789abcdef0', 'pcx-0123456789abcdef0', 'vgw-0123456789abcdef0', 'vpce-0123456789abcdef0']) {
      expect(() => analysis({ source })).not.toThrow();
    }
  });
});
