import { Lb } from '@cdktf/provider-aws/lib/lb';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Testing } from 'cdktf';
import { AlbTarget } from '../src/alb-target';
import { IpTargets } from '../src/ip-targets';
import { type ListenerConfig } from '../src/listener';
import { NetworkLoadBalancer, type NetworkLoadBalancerProps } from '../src/network-load-balancer';
import { ALB_ARN, ALB_LISTENER_ARN, SUBNETS, VPC, recordedGuardrails, resourcesOf, synthJson, testStack } from './helpers';

function nlb(overrides: Partial<NetworkLoadBalancerProps> = {}) {
  const stack = testStack();
  const loadBalancer = new NetworkLoadBalancer(stack, 'Nlb', { name: 'unit-dev', vpc: VPC, subnets: SUBNETS, ...overrides });
  return { stack, loadBalancer };
}

describe('NetworkLoadBalancer', () => {
  it('is internal, spans the given zones, has deletion protection and its own security group attached at creation', () => {
    const { stack, loadBalancer } = nlb();
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(Lb, {
      name: 'unit-dev',
      load_balancer_type: 'network',
      internal: true,
      subnets: ['subnet-a', 'subnet-c'],
      enable_deletion_protection: true,
      enable_cross_zone_load_balancing: false,
      enforce_security_group_inbound_rules_on_private_link_traffic: 'off',
      security_groups: [expect.stringMatching(/^\$\{aws_security_group\.Nlb_SecurityGroup_\w+\.id\}$/)],
    });
    expect(loadBalancer.availabilityZoneIds).toEqual(['apne1-az1', 'apne1-az4']);
    const lb = Object.values(resourcesOf(synthJson(stack), 'aws_lb'))[0];
    expect(lb).not.toHaveProperty('lifecycle');
    expect(lb).not.toHaveProperty('access_logs');
  });

  it('turns on cross-zone load balancing, access logs and prevent_destroy, and can drop deletion protection', () => {
    const { stack } = nlb({ crossZoneLoadBalancing: true, accessLogs: { bucket: 'logs-bucket', prefix: 'nlb' }, deletionProtection: false, preventDestroy: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Lb, {
      enable_cross_zone_load_balancing: true,
      enable_deletion_protection: false,
      access_logs: { enabled: true, bucket: 'logs-bucket', prefix: 'nlb' },
      lifecycle: { prevent_destroy: true },
    });
  });

  it('only knows the zones when every subnet names its AZ ID', () => {
    const { loadBalancer } = nlb({ subnets: [{ subnetId: 's-1', availabilityZone: 'ap-northeast-1a' }, { subnetId: 's-2', availabilityZone: 'ap-northeast-1c' }] });
    expect(loadBalancer.availabilityZoneIds).toStrictEqual([]);
    const mixed = nlb({ subnets: [SUBNETS[0], { subnetId: 's-2', availabilityZone: 'ap-northeast-1c' }] }).loadBalancer;
    expect(mixed.availabilityZoneIds).toStrictEqual([]);
  });

  it('enforces inbound rules on PrivateLink traffic and admits the consumer CIDRs on each listener port only', () => {
    const { stack, loadBalancer } = nlb({ enforceInboundRulesOnPrivateLinkTraffic: true, consumerCidrs: ['10.50.0.0/16', '172.16.0.0/16'] });
    const targets = new IpTargets(stack, 'Targets', { vpc: VPC, port: 8443, ips: ['10.10.1.10'] });
    loadBalancer.addListener({ port: 443 }, targets);
    loadBalancer.addListener({ port: 8443 }, targets);
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(Lb, { enforce_security_group_inbound_rules_on_private_link_traffic: 'on' });
    const ingress = Object.values(resourcesOf(synthJson(stack), 'aws_vpc_security_group_ingress_rule'));
    expect(ingress.map((r) => `${r.cidr_ipv4}:${r.from_port}`).sort()).toEqual(['10.50.0.0/16:443', '10.50.0.0/16:8443', '172.16.0.0/16:443', '172.16.0.0/16:8443']);
    // The target is admitted once, however many listeners forward to it.
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { cidr_ipv4: '10.10.1.10/32', from_port: 8443 });
    expect(Object.keys(resourcesOf(synthJson(stack), 'aws_vpc_security_group_egress_rule'))).toHaveLength(1);
  });

  it('forwards each listener to its target group and waits for the targets', () => {
    const { stack, loadBalancer } = nlb();
    const targets = new IpTargets(stack, 'Targets', { vpc: VPC, ips: ['10.10.1.10'] });
    loadBalancer.addListener({ port: 443 }, targets);
    const listener = Object.values(resourcesOf(synthJson(stack), 'aws_lb_listener'))[0];
    expect(listener).toMatchObject({ port: 443, protocol: 'TCP', default_action: [{ type: 'forward' }] });
    expect(listener.depends_on).toEqual([expect.stringMatching(/^aws_lb_target_group_attachment\.Targets_Target-10-10-1-10_/)]);
    expect(Testing.synth(stack)).not.toHaveResource(VpcSecurityGroupIngressRule);
  });

  describe('rejects', () => {
    it('fewer than two subnets, fewer than two zones and two subnets in one zone', () => {
      expect(() => nlb({ subnets: [SUBNETS[0]] })).toThrow(/NetworkLoadBalancer 'unit-dev\/Nlb': 'subnets' has 1 subnet; give subnets in at least 2 Availability Zones/);
      expect(() => nlb({ subnets: [] })).toThrow(/'subnets' is empty/);
      expect(() => nlb({ subnets: [SUBNETS[0], { subnetId: 'subnet-b', availabilityZoneId: 'apne1-az1' }] })).toThrow(/'subnets' has two subnets in apne1-az1/);
    });

    it('enforcement on with no consumer CIDRs, and open consumer CIDRs', () => {
      expect(() => nlb({ enforceInboundRulesOnPrivateLinkTraffic: true })).toThrow(/'consumerCidrs' is empty while enforceInboundRulesOnPrivateLinkTraffic is true/);
      const enforce = { enforceInboundRulesOnPrivateLinkTraffic: true };
      expect(() => nlb({ ...enforce, consumerCidrs: ['0.0.0.0/0'] })).toThrow(/'consumerCidrs' includes '0.0.0.0\/0', which admits the whole internet; list the client CIDR blocks; the whole internet is never admitted here/);
      expect(() => nlb({ ...enforce, consumerCidrs: ['0.0.0.0/1', '128.0.0.0/1'] })).toThrow(/'0.0.0.0\/1', '128.0.0.0\/1', which together admit the whole internet/);
      expect(() => nlb({ ...enforce, consumerCidrs: ['0::/0'] })).toThrow(/'0::\/0', which admits the whole internet/);
      expect(() => nlb({ ...enforce, consumerCidrs: ['10.0.0.0/33'] })).toThrow(/'consumerCidrs' has '10.0.0.0\/33', which is not a CIDR block/);
    });

    it('an empty access log bucket', () => {
      expect(() => nlb({ accessLogs: { bucket: '' } })).toThrow(/'accessLogs.bucket' is empty/);
    });

    it('a second listener on a port', () => {
      const { stack, loadBalancer } = nlb();
      const targets = new IpTargets(stack, 'Targets', { vpc: VPC, ips: ['10.10.1.10'] });
      loadBalancer.addListener({ port: 443 }, targets);
      expect(() => loadBalancer.addListener({ port: 443 }, targets)).toThrow(/'listeners' has port 443 twice/);
    });

    it('consumer CIDRs while enforcement is off, since the filter would do nothing', () => {
      expect(() => nlb({ consumerCidrs: ['10.50.0.0/16'] })).toThrow(/'consumerCidrs' has '10.50.0.0\/16' while enforceInboundRulesOnPrivateLinkTraffic is off/);
    });
  });
});

describe('NetworkLoadBalancer.allowFrom', () => {
  it('admits a CIDR block and a security group on every listener port, one rule per peer and port', () => {
    const { stack, loadBalancer } = nlb();
    const targets = new IpTargets(stack, 'Targets', { vpc: VPC, ips: ['10.10.1.10'] });
    loadBalancer.addListener({ port: 443 }, targets);
    loadBalancer.addListener({ port: 8443 }, targets);
    loadBalancer.allowFrom('10.20.0.0/16');
    loadBalancer.allowFrom({ securityGroupId: 'sg-0123456789abcdef0' }, [443]);
    loadBalancer.allowFrom('10.20.0.0/16');
    const ingress = Object.values(resourcesOf(synthJson(stack), 'aws_vpc_security_group_ingress_rule'));
    expect(ingress.map((r) => `${r.cidr_ipv4 ?? r.referenced_security_group_id}:${r.from_port}`).sort()).toEqual(['10.20.0.0/16:443', '10.20.0.0/16:8443', 'sg-0123456789abcdef0:443']);
  });

  it('refuses the whole internet, with a fix that names no option the load balancer lacks', () => {
    const { loadBalancer } = nlb();
    expect(() => loadBalancer.allowFrom('0.0.0.0/0', [443])).toThrow(/'allowFrom' has '0.0.0.0\/0', which admits the whole internet; admit the client CIDR blocks; the load balancer of an endpoint service never admits the whole internet/);
    expect(() => loadBalancer.allowFrom('10.20.0.0/16')).toThrow(/'allowFrom.ports' is empty/);
  });
});

describe('NetworkLoadBalancer access logs', () => {
  it('write to the bucket root when no prefix is given', () => {
    const { stack } = nlb({ accessLogs: { bucket: 'logs-bucket' } });
    expect(Object.values(resourcesOf(synthJson(stack), 'aws_lb'))[0].access_logs).toStrictEqual({ enabled: true, bucket: 'logs-bucket' });
  });
});

describe('NetworkLoadBalancer listeners to one target', () => {
  it("admit an ALB target's security group once, however many listeners forward to it", () => {
    const stack = testStack();
    const loadBalancer = new NetworkLoadBalancer(stack, 'Nlb', { name: 'unit-dev', vpc: VPC, subnets: SUBNETS });
    const target = new AlbTarget(stack, 'Alb', { vpc: VPC, albArn: ALB_ARN, albListener: { listenerArn: ALB_LISTENER_ARN, port: 443 }, albSecurityGroupId: 'sg-0a1b2c3d' });
    loadBalancer.addListener({ port: 443 }, target);
    loadBalancer.addListener({ port: 8443 }, target);
    const ingress = Object.values(resourcesOf(synthJson(stack), 'aws_vpc_security_group_ingress_rule'));
    expect(ingress.map((r) => `${r.security_group_id}:${r.from_port}`)).toEqual(['sg-0a1b2c3d:443']);
  });
});

describe('NetworkLoadBalancer in production', () => {
  it('records why a load balancer may be destroyed when preventDestroy is turned off', () => {
    const stack = testStack('prod');
    new NetworkLoadBalancer(stack, 'Nlb', { name: 'unit-prod', vpc: VPC, subnets: SUBNETS, preventDestroy: false });
    expect(recordedGuardrails(stack).suppressions).toEqual([
      expect.objectContaining({ ruleId: 'PL-PROD-2', path: 'unit-prod/Nlb', reason: 'preventDestroy: false was set on the network load balancer in production, so a plan may destroy it' }),
    ]);
  });
});

describe('NetworkLoadBalancer bad input', () => {
  const withListener = (listener: unknown, second?: unknown) => () => {
    const { stack, loadBalancer } = nlb();
    const targets = new IpTargets(stack, 'Targets', { vpc: VPC, ips: ['10.10.1.10'] });
    loadBalancer.addListener(listener as ListenerConfig, targets);
    if (second !== undefined) loadBalancer.addListener(second as ListenerConfig, targets);
  };
  const cases: BadInputCase[] = [
    { name: 'a listener that is missing (untyped JS)', run: withListener(undefined), field: 'listeners[undefined]', value: 'is missing', fix: /give \{ port: 443 \}/ },
    { name: 'a second listener on a port', run: withListener({ port: 443 }, { port: 443 }), field: 'listeners', value: 'has port 443 twice', fix: /give each listener its own port/ },
    {
      name: 'consumer CIDRs while enforcement is off',
      run: () => nlb({ consumerCidrs: ['10.50.0.0/16', '172.16.0.0/16'] }),
      field: 'consumerCidrs',
      value: "has '10.50.0.0/16', '172.16.0.0/16' while enforceInboundRulesOnPrivateLinkTraffic is off",
      fix: /set enforceInboundRulesOnPrivateLinkTraffic: true/,
    },
    { name: 'access logs that are null (untyped JS)', run: () => nlb({ accessLogs: null as never }), field: 'accessLogs', value: 'is null', fix: /give \{ bucket: 'my-elb-logs' \}, or leave accessLogs out/ },
    { name: 'an access log prefix that is no string (untyped JS)', run: () => nlb({ accessLogs: { bucket: 'elb-logs', prefix: 42 as never } }), field: 'accessLogs.prefix', value: 'the number 42', fix: /give a key prefix such as 'nlb', or leave it out/ },
    { name: 'an access log prefix with a leading slash', run: () => nlb({ accessLogs: { bucket: 'elb-logs', prefix: '/nlb' } }), field: 'accessLogs.prefix', value: "is '/nlb'", fix: /without a leading or trailing '\/'/ },
    { name: 'an access log prefix with a trailing slash', run: () => nlb({ accessLogs: { bucket: 'elb-logs', prefix: 'nlb/' } }), field: 'accessLogs.prefix', value: "is 'nlb/'", fix: /without a leading or trailing '\/'/ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
