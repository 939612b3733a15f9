import { Ec2NetworkInsightsAnalysis } from '@cdktf/provider-aws/lib/ec2-network-insights-analysis';
import { Ec2NetworkInsightsPath } from '@cdktf/provider-aws/lib/ec2-network-insights-path';
import { TerraformOutput, Testing } from 'cdktf';
import { ReachabilityAnalysis, type ReachabilityAnalysisProps } from '../src/reachability-analysis';
import { devStack, synthJson } from './helpers';

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
