import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import type { EnvironmentStack } from '../../../src/environment-stack';
import { describeRule, findingsOf, guardedStack } from '../helpers';

const LB = 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:loadbalancer/net/api/50dc6c495c0c9188';
const CERT = 'arn:aws:acm:ap-northeast-1:111111111111:certificate/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f';

function listener(stack: EnvironmentStack, protocol: string, sslPolicy?: string): void {
  new LbListener(stack, 'Listener', {
    loadBalancerArn: LB,
    port: 443,
    protocol,
    ...(protocol === 'TCP' ? {} : { certificateArn: CERT }),
    sslPolicy,
    defaultAction: [{ type: 'forward', targetGroupArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:targetgroup/api/50dc6c495c0c9188' }],
  });
}

describeRule('PL-TLS-1', {
  compliant: [
    { name: 'a TLS listener with the recommended policy', build: (stack) => listener(stack, 'TLS', 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09') },
    { name: 'an HTTPS listener with TLS 1.3 only', build: (stack) => listener(stack, 'HTTPS', 'ELBSecurityPolicy-TLS13-1-3-2021-06') },
    { name: 'a TCP listener (no TLS)', build: (stack) => listener(stack, 'TCP') },
    { name: 'a TLS listener whose policy Terraform computes', build: (stack) => listener(stack, 'TLS', '${var.ssl_policy}') },
  ],
  nonCompliant: [
    { name: 'a listener whose protocol is written in lower case', path: 'Listener', build: (stack) => listener(stack, 'tls', 'ELBSecurityPolicy-2016-08') },
    { name: 'ELBSecurityPolicy-2016-08 (TLS 1.0, RSA key exchange)', path: 'Listener', problem: /'ELBSecurityPolicy-2016-08', which accepts TLS 1\.0/, build: (stack) => listener(stack, 'TLS', 'ELBSecurityPolicy-2016-08') },
    { name: 'no policy, so AWS picks ELBSecurityPolicy-2016-08', path: 'Listener', problem: /not set, so AWS uses 'ELBSecurityPolicy-2016-08'/, build: (stack) => listener(stack, 'HTTPS') },
    { name: 'a TLS 1.2 policy with ciphers without forward secrecy', path: 'Listener', problem: /without forward secrecy/, build: (stack) => listener(stack, 'TLS', 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06') },
    { name: 'a policy name that does not exist', path: 'Listener', problem: /not an ELB security policy/, build: (stack) => listener(stack, 'TLS', 'ELBSecurityPolicy-Strong') },
  ],
});

describe('PL-TLS-1 findings', () => {
  it('say what is wrong and how to fix it', () => {
    const stack = guardedStack();
    listener(stack, 'HTTPS');
    expect(findingsOf(stack, 'PL-TLS-1').map((f) => [f.problem, f.fix])).toEqual([
      [
        "'ssl_policy' is not set, so AWS uses 'ELBSecurityPolicy-2016-08', which accepts TLS 1.0",
        "set ssl_policy = 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09' (or another TLS 1.2+ forward-secrecy policy)",
      ],
    ]);
  });

  it.each([
    ['ELBSecurityPolicy-TLS-1-1-2017-01', "'ssl_policy' is 'ELBSecurityPolicy-TLS-1-1-2017-01', which accepts TLS 1.1"],
    ['ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06', "'ssl_policy' is 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06', which offers ciphers without forward secrecy"],
    ['ELBSecurityPolicy-Strong', "'ssl_policy' is 'ELBSecurityPolicy-Strong', which is not an ELB security policy"],
  ])('name the policy %s and why it is refused', (policy, problem) => {
    const stack = guardedStack();
    listener(stack, 'TLS', policy);
    expect(findingsOf(stack, 'PL-TLS-1').map((f) => f.problem)).toEqual([problem]);
  });
});
