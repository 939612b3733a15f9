import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { Guardrails, RECOMMENDED_TLS_POLICY } from '@privatelink-cdktf/core';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Testing } from 'cdktf';
import { IpTargets } from '../src/ip-targets';
import { DEFAULT_TLS_SECURITY_POLICY, requireListener } from '../src/listener';
import { NetworkLoadBalancer } from '../src/network-load-balancer';
import { recordedGuardrails, SUBNETS, synthJson, resourcesOf, testStack, VPC } from './helpers';

const CERT = 'arn:aws:acm:ap-northeast-1:111111111111:certificate/0b1c2d3e-1111-2222-3333-444455556666';

function nlb() {
  const stack = testStack();
  const loadBalancer = new NetworkLoadBalancer(stack, 'Nlb', { name: 'unit-dev', vpc: VPC, subnets: SUBNETS });
  const targets = new IpTargets(stack, 'Targets', { vpc: VPC, ips: ['10.10.1.10'] });
  return { stack, loadBalancer, targets };
}

describe('listeners', () => {
  it('default TLS listeners to the recommended TLS 1.2+ forward-secrecy policy and keep a modern one given by name', () => {
    expect(DEFAULT_TLS_SECURITY_POLICY).toBe(RECOMMENDED_TLS_POLICY);
    const { stack, loadBalancer, targets } = nlb();
    loadBalancer.addListener({ port: 443, protocol: 'TLS', certificateArn: CERT }, targets);
    loadBalancer.addListener({ port: 8443, protocol: 'TLS', certificateArn: CERT, sslPolicy: 'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09' }, targets);
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(LbListener, { port: 443, protocol: 'TLS', certificate_arn: CERT, ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09' });
    expect(synthesized).toHaveResourceWithProperties(LbListener, { port: 8443, ssl_policy: 'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09' });
    expect(Guardrails.of(stack).findings()).toEqual([]);
  });

  it('leave TCP listeners without certificate and policy', () => {
    const { stack, loadBalancer, targets } = nlb();
    loadBalancer.addListener({ port: 443 }, targets);
    const listener = Object.values(resourcesOf(synthJson(stack), 'aws_lb_listener'))[0];
    expect(listener).toMatchObject({ port: 443, protocol: 'TCP' });
    expect(listener).not.toHaveProperty('ssl_policy');
    expect(listener).not.toHaveProperty('certificate_arn');
  });

  it('take a legacy policy only with allowLegacyTlsPolicy, which acknowledges PL-TLS-1 for the reviewer', () => {
    const { stack, loadBalancer, targets } = nlb();
    expect(() => loadBalancer.addListener({ port: 443, protocol: 'TLS', certificateArn: CERT, sslPolicy: 'ELBSecurityPolicy-2016-08' }, targets)).toThrow(
      /'listeners\[443\].sslPolicy' is 'ELBSecurityPolicy-2016-08', which accepts TLS 1.0; use ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09, or set 'allowLegacyTlsPolicy: true'/,
    );
    loadBalancer.addListener({ port: 443, protocol: 'TLS', certificateArn: CERT, sslPolicy: 'ELBSecurityPolicy-2016-08', allowLegacyTlsPolicy: true }, targets);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(LbListener, { ssl_policy: 'ELBSecurityPolicy-2016-08' });
    const findings = Guardrails.of(stack).findings();
    expect(findings.map((f) => [f.ruleId, f.suppression?.source])).toEqual([['PL-TLS-1', 'construct']]);
    const recorded = recordedGuardrails(stack).suppressions.find((s) => s.ruleId === 'PL-TLS-1');
    expect(recorded).toMatchObject({ path: 'unit-dev/Nlb', reason: expect.stringMatching(/allowLegacyTlsPolicy: true .*port 443.*'ELBSecurityPolicy-2016-08'/) });
  });

  it('need no opt-in and acknowledge nothing for a modern policy', () => {
    const { stack, loadBalancer, targets } = nlb();
    loadBalancer.addListener({ port: 443, protocol: 'TLS', certificateArn: CERT, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }, targets);
    expect(recordedGuardrails(stack).suppressions).toEqual([]);
  });

  it('take a certificate of where the load balancer deploys, and check one listener at a time', () => {
    const scope = testStack();
    const deployment = { region: 'ap-northeast-1', accountId: '111111111111' };
    expect(requireListener(scope, 'listeners[0]', { port: 8443, protocol: 'TLS', certificateArn: CERT }, deployment)).toEqual({ port: 8443, protocol: 'TLS', certificateArn: CERT, sslPolicy: RECOMMENDED_TLS_POLICY });
    expect(requireListener(scope, 'listeners[0]', { port: 443 })).toEqual({ port: 443, protocol: 'TCP' });
    expect(() => requireListener(scope, 'listeners[0]', { port: 443, protocol: 'TLS', certificateArn: CERT }, { region: 'us-east-1' })).toThrow(/'listeners\[0\].certificateArn' is .*, in ap-northeast-1, but the stack deploys to us-east-1/);
    expect(() => requireListener(scope, 'listeners[0]', null as never)).toThrow(/'listeners\[0\]' is null/);
  });
});

describe('requireListener bad input', () => {
  const scope = testStack();
  const cases: BadInputCase[] = [
    { name: 'a port number instead of a listener (untyped JS)', run: () => requireListener(scope, 'listeners[0]', 443 as never), field: 'listeners[0]', value: 'is the number 443', fix: /give \{ port: 443 \}, or \{ port: 443, protocol: 'TLS'/ },
    { name: 'a list instead of a listener (untyped JS)', run: () => requireListener(scope, 'listeners[0]', [443] as never), field: 'listeners[0]', value: 'is a list', fix: /give \{ port: 443 \}/ },
    {
      name: 'a TLS policy on a TCP listener',
      run: () => requireListener(scope, 'listeners[0]', { port: 443, sslPolicy: RECOMMENDED_TLS_POLICY }),
      field: 'listeners[0].sslPolicy',
      value: 'is set on a TCP listener',
      fix: /set protocol: 'TLS' to end TLS at the load balancer/,
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
