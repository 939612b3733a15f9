import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Testing } from 'cdktf';
import { AlbTarget, type AlbTargetProps } from '../src/alb-target';
import { NetworkLoadBalancer } from '../src/network-load-balancer';
import { ALB_ARN, ALB_LISTENER_ARN, SUBNETS, VPC, resourcesOf, synthJson, testStack } from './helpers';

function setup(props: Partial<AlbTargetProps> = {}) {
  const stack = testStack();
  const loadBalancer = new NetworkLoadBalancer(stack, 'Nlb', { name: 'unit-dev', vpc: VPC, subnets: SUBNETS });
  const target = new AlbTarget(stack, 'Alb', { vpc: VPC, albArn: ALB_ARN, albListener: { listenerArn: ALB_LISTENER_ARN, port: 443 }, ...props });
  return { stack, loadBalancer, target };
}

describe('AlbTarget', () => {
  it('registers the ALB in a target group of type alb on the ALB listener port, with an HTTPS health check', () => {
    const { stack, loadBalancer, target } = setup({ albSecurityGroupId: 'sg-0a1b2c3d' });
    loadBalancer.addListener({ port: 443 }, target);
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(LbTargetGroup, {
      target_type: 'alb',
      protocol: 'TCP',
      port: 443,
      vpc_id: VPC.vpcId,
      health_check: { enabled: true, protocol: 'HTTPS', port: 'traffic-port', path: '/', matcher: '200-399', interval: 30, timeout: 10, healthy_threshold: 3, unhealthy_threshold: 3 },
    });
    expect(synthesized).toHaveResourceWithProperties(LbTargetGroupAttachment, { target_id: ALB_ARN, port: 443 });
    expect(synthesized).toHaveResourceWithProperties(LbListener, { port: 443, protocol: 'TCP' });
  });

  it('lets only the NLB security group reach the ALB security group, on the listener port', () => {
    const { stack, loadBalancer, target } = setup({ albSecurityGroupId: 'sg-0a1b2c3d' });
    loadBalancer.addListener({ port: 443 }, target);
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
      security_group_id: 'sg-0a1b2c3d',
      referenced_security_group_id: expect.stringMatching(/^\$\{aws_security_group\.Nlb_SecurityGroup_\w+\.id\}$/),
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
    });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { referenced_security_group_id: 'sg-0a1b2c3d', from_port: 443, to_port: 443 });
    expect(Object.keys(resourcesOf(synthJson(stack), 'aws_vpc_security_group_ingress_rule'))).toHaveLength(1);
  });

  it('without the ALB security group, lets the NLB reach the VPC on the listener port only', () => {
    const { stack, loadBalancer, target } = setup();
    loadBalancer.addListener({ port: 443 }, target);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { cidr_ipv4: '10.10.0.0/16', from_port: 443, to_port: 443 });
    expect(Testing.synth(stack)).not.toHaveResource(VpcSecurityGroupIngressRule);
  });

  it('takes an ALB listener of the same stack and makes the attachment and the NLB listener depend on it', () => {
    const stack = testStack();
    const alb = new Lb(stack, 'Web', { name: 'web', loadBalancerType: 'application', internal: true, subnets: ['subnet-a', 'subnet-c'] });
    const albListener = new LbListener(stack, 'WebListener', { loadBalancerArn: alb.arn, port: 8080, protocol: 'HTTP', defaultAction: [{ type: 'fixed-response', fixedResponse: { contentType: 'text/plain', statusCode: '200' } }] });
    const loadBalancer = new NetworkLoadBalancer(stack, 'Nlb', { name: 'unit-dev', vpc: VPC, subnets: SUBNETS });
    const target = new AlbTarget(stack, 'Alb', { vpc: VPC, albArn: alb.arn, albListener });
    loadBalancer.addListener({ port: target.port }, target);
    const json = synthJson(stack);
    const attachment = Object.values(resourcesOf(json, 'aws_lb_target_group_attachment'))[0];
    expect(attachment).toMatchObject({ port: 8080, target_id: expect.stringMatching(/^\$\{aws_lb\.Web\.arn\}$/) });
    expect(attachment.depends_on).toEqual([expect.stringMatching(/^aws_lb_listener\.WebListener$/)]);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(LbTargetGroup, { port: 8080, health_check: expect.objectContaining({ protocol: 'HTTP' }) });
    const nlbListener = Object.entries(resourcesOf(json, 'aws_lb_listener')).find(([id]) => id.startsWith('Nlb_'))?.[1];
    expect(nlbListener?.port).toBe(8080);
    expect(nlbListener?.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_lb_listener\.WebListener$/)]));
  });

  it('accepts a configured health check', () => {
    const { stack } = setup({ healthCheck: { protocol: 'HTTP', port: 8081, path: '/healthz', matcher: '200', intervalSeconds: 10, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 2 } });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(LbTargetGroup, {
      health_check: { enabled: true, protocol: 'HTTP', port: '8081', path: '/healthz', matcher: '200', interval: 10, timeout: 5, healthy_threshold: 2, unhealthy_threshold: 2 },
    });
  });

  describe('rejects', () => {
    it('a TLS listener in front of an ALB target', () => {
      const { loadBalancer, target } = setup();
      expect(() => loadBalancer.addListener({ port: 443, protocol: 'TLS', certificateArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/x' }, target)).toThrow(
        /'listeners\[443\].protocol' is 'TLS' for an ALB target; an ALB behind an NLB takes TCP listeners only/,
      );
    });

    it('ARNs that are not an ALB or an ALB listener, and a bad listener port', () => {
      expect(() => setup({ albArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:loadbalancer/net/x/0123' })).toThrow(/AlbTarget 'unit-dev\/Alb': 'albArn' is .* which is not an Application Load Balancer/);
      expect(() => setup({ albArn: 'web' })).toThrow(/'albArn' is 'web', which is not an elasticloadbalancing loadbalancer ARN/);
      expect(() => setup({ albListener: { listenerArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:listener/net/x/1/2', port: 443 } })).toThrow(/'albListener.listenerArn' is .*not an Application Load Balancer listener/);
      expect(() => setup({ albListener: { listenerArn: ALB_LISTENER_ARN, port: 70000 } })).toThrow(/'albListener.port' has port 70000/);
    });

    it('a TCP health check, which ALB targets do not support, and impossible timings', () => {
      expect(() => setup({ healthCheck: { protocol: 'TCP' } })).toThrow(/'healthCheck.protocol' is 'TCP'; use one of 'HTTP', 'HTTPS'/);
      expect(() => setup({ healthCheck: { intervalSeconds: 10, timeoutSeconds: 10 } })).toThrow(/'healthCheck.timeoutSeconds' is 10, not shorter than the interval of 10/);
      expect(() => setup({ healthCheck: { healthyThreshold: 1 } })).toThrow(/'healthCheck.healthyThreshold' is 1; use a whole number from 2 to 10/);
      expect(() => setup({ healthCheck: { intervalSeconds: 400 } })).toThrow(/'healthCheck.intervalSeconds' is 400/);
    });
  });
});

describe('AlbTarget health check protocol, from the ALB listener', () => {
  const listenerOfStack = (stack: ReturnType<typeof testStack>, config: { port?: number; protocol?: string }) => {
    const alb = new Lb(stack, 'Web', { name: 'web', loadBalancerType: 'application', internal: true, subnets: ['subnet-a', 'subnet-c'] });
    return new LbListener(stack, 'WebListener', { loadBalancerArn: alb.arn, ...config, defaultAction: [{ type: 'fixed-response', fixedResponse: { contentType: 'text/plain', statusCode: '200' } }] });
  };
  const healthProtocol = (albListener: (stack: ReturnType<typeof testStack>) => AlbTargetProps['albListener']) => {
    const stack = testStack();
    new AlbTarget(stack, 'Alb', { vpc: VPC, albArn: ALB_ARN, albListener: albListener(stack) });
    return (Object.values(resourcesOf(synthJson(stack), 'aws_lb_target_group'))[0].health_check as { protocol: string }).protocol;
  };

  it.each([
    ['an existing listener on 443', () => ({ listenerArn: ALB_LISTENER_ARN, port: 443 }), 'HTTPS'],
    ['an existing listener on 8080', () => ({ listenerArn: ALB_LISTENER_ARN, port: 8080 }), 'HTTP'],
    ['an existing HTTP listener on 443', () => ({ listenerArn: ALB_LISTENER_ARN, port: 443, protocol: 'HTTP' as const }), 'HTTP'],
    ['an existing HTTPS listener on 8443', () => ({ listenerArn: ALB_LISTENER_ARN, port: 8443, protocol: 'HTTPS' as const }), 'HTTPS'],
    ["the stack's listener on 443 with no protocol", (stack: ReturnType<typeof testStack>) => listenerOfStack(stack, { port: 443 }), 'HTTPS'],
    ["the stack's listener on 8080 with no protocol", (stack: ReturnType<typeof testStack>) => listenerOfStack(stack, { port: 8080 }), 'HTTP'],
    ["the stack's HTTP listener on 443", (stack: ReturnType<typeof testStack>) => listenerOfStack(stack, { port: 443, protocol: 'HTTP' }), 'HTTP'],
  ])('is decided by %s', (_name, albListener, expected) => {
    expect(healthProtocol(albListener)).toBe(expected);
  });

  it('admits the NLB to the VPC on the listener port, described as the path to the ALB', () => {
    const { stack, loadBalancer, target } = setup();
    loadBalancer.addListener({ port: 443 }, target);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { cidr_ipv4: '10.10.0.0/16', from_port: 443, description: 'To the Application Load Balancer' });
  });

  const withListenerOfStack = (config: { port?: number }) => () => {
    const stack = testStack();
    new AlbTarget(stack, 'Alb', { vpc: VPC, albArn: ALB_ARN, albListener: listenerOfStack(stack, config) });
  };
  const bad: BadInputCase[] = [
    { name: "the stack's listener without a port", run: withListenerOfStack({}), field: 'albListener.port', value: 'is not set on the ALB listener', fix: /give the listener an explicit port, for example 443/ },
    { name: "the stack's listener on port 0", run: withListenerOfStack({ port: 0 }), field: 'albListener.port', value: 'port 0', fix: /from 1 to 65535/ },
    { name: 'a listener that is null (untyped JS)', run: () => setup({ albListener: null as never }), field: 'albListener', value: 'is null', fix: /give the ALB's LbListener, or \{ listenerArn, port \} of an existing listener/ },
    { name: 'an existing listener without its ARN', run: () => setup({ albListener: { port: 443 } as never }), field: 'albListener.listenerArn', value: 'is missing', fix: /give the ARN of the ALB's listener/ },
    {
      name: 'a listener ARN of another service',
      run: () => setup({ albListener: { listenerArn: ALB_LISTENER_ARN.replace(':elasticloadbalancing:', ':ec2:'), port: 443 } }),
      field: 'albListener.listenerArn',
      value: 'which is not an elasticloadbalancing listener ARN',
      fix: /arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener\/app\/my-alb\/50dc6c495c0c9188\/f2f7dc8efc522ab2/,
    },
  ];
  it.each(bad.map((c) => [c.name, c] as const))('rejects %s', (_name, c) => assertBadInput(c));
});
