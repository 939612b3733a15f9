import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { transformSync } from '@swc/core';

// The README's examples are code users paste: each one must compile and synthesize.
const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);

interface Stack {
  resource: Record<string, Record<string, Record<string, unknown>>>;
}

/** Runs an example with this test's module resolution, writing into a temp cdktf.out. */
function run(source: string): Record<string, Stack> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-readme-'));
  const { code } = transformSync(source, { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
  const previous = process.env.CDKTF_OUTDIR;
  process.env.CDKTF_OUTDIR = outdir;
  try {
    new Function('require', 'exports', code)(require, {});
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
  }
  const stacksDir = path.join(outdir, 'stacks');
  const stacks = Object.fromEntries(fs.readdirSync(stacksDir).map((name) => [name, JSON.parse(fs.readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8')) as Stack]));
  fs.rmSync(outdir, { recursive: true, force: true });
  return stacks;
}

describe('README', () => {
  it('has two examples', () => {
    expect(examples).toHaveLength(2);
  });

  it('opens with a PrivateLinkService in front of an ALB that synthesizes', () => {
    const stack = run(examples[0])['saas-provider-prod'];
    expect(Object.values(stack.resource.aws_vpc_endpoint_service)[0]).toMatchObject({ acceptance_required: true, private_dns_name: 'api.saas.example.com', lifecycle: { prevent_destroy: true } });
    expect(Object.values(stack.resource.aws_lb_target_group)[0]).toMatchObject({ target_type: 'alb', port: 443 });
    expect(Object.keys(stack.resource.aws_vpc_endpoint_service_allowed_principal)).toHaveLength(2);
    expect(Object.keys(stack.resource.aws_vpc_endpoint_connection_accepter)).toHaveLength(1);
    expect(Object.values(stack.resource.aws_cloudwatch_metric_alarm).map((a) => a.alarm_name).sort()).toEqual([
      'saas-provider-prod-endpoint-service-resets',
      'saas-provider-prod-nlb-healthy-hosts',
      'saas-provider-prod-nlb-unhealthy-hosts',
    ]);
    expect(Object.values(stack.resource.aws_sns_topic_subscription).map((s) => s.protocol).sort()).toEqual(['email', 'https']);
  });

  it('composes the building blocks into one NLB with an ALB and on-premises targets', () => {
    const stack = run(examples[1])['hr-prod'];
    const listeners = Object.values(stack.resource.aws_lb_listener).map((l) => l.port);
    expect(listeners.sort()).toEqual([443, 8443]);
    // A production stack protects the NLB and the endpoint service without being asked.
    expect(Object.values(stack.resource.aws_lb)[0]).toMatchObject({ lifecycle: { prevent_destroy: true } });
    expect(Object.values(stack.resource.aws_vpc_endpoint_service)[0]).toMatchObject({ lifecycle: { prevent_destroy: true } });
    expect(Object.values(stack.resource.aws_lb_target_group_attachment).filter((a) => a.availability_zone === 'all')).toHaveLength(2);
  });
});
