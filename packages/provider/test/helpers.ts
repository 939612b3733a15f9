import * as fs from 'node:fs';
import * as path from 'node:path';
import { EnvironmentStack, type SubnetRef, type VpcRef } from '@privatelink-cdktf/core';
import { TerraformOutput, Testing } from 'cdktf';

/** A dev stack (account 111111111111, local state) or a prod stack (333333333333, state in S3) in ap-northeast-1, on a Testing app. */
export function testStack(name: 'dev' | 'prod' = 'dev'): EnvironmentStack {
  return new EnvironmentStack(Testing.app(), {
    application: 'unit',
    environment: name === 'dev' ? { name, accountId: '111111111111' } : { name, accountId: '333333333333', backend: { type: 's3', bucket: 'unit-terraform-state' } },
  });
}

export const VPC: VpcRef = { vpcId: 'vpc-0123456789abcdef0', cidrBlocks: ['10.10.0.0/16'] };

export const SUBNETS: SubnetRef[] = [
  { subnetId: 'subnet-a', availabilityZoneId: 'apne1-az1' },
  { subnetId: 'subnet-c', availabilityZoneId: 'apne1-az4' },
];

export const ALB_ARN = 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:loadbalancer/app/web/0123456789abcdef';
export const ALB_LISTENER_ARN = 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:listener/app/web/0123456789abcdef/fedcba9876543210';
export const NLB_ARN = 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:loadbalancer/net/shared/0123456789abcdef';

export interface Synthesized {
  resource: Record<string, Record<string, Record<string, unknown>>>;
}

/** Parses a synthesized stack. */
export function synthJson(stack: EnvironmentStack): Synthesized {
  return JSON.parse(Testing.synth(stack)) as Synthesized;
}

/** The resources of one type, by logical ID. */
export function resourcesOf(json: Synthesized, type: string): Record<string, Record<string, unknown>> {
  return json.resource[type] ?? {};
}

let outputs = 0;
/** What an attribute token renders as in Terraform JSON, for example `${aws_lb.x.arn}`. */
export function resolve(stack: EnvironmentStack, value: unknown): unknown {
  const id = `resolve${outputs++}`;
  new TerraformOutput(stack, id, { value });
  const json = JSON.parse(Testing.synth(stack)) as { output: Record<string, { value: unknown }> };
  stack.node.tryRemoveChild(id);
  return json.output[id].value;
}

/** What the guardrail pack recorded for reviewers in the stack's synthesized file (`"//".guardrails`). */
export function recordedGuardrails(stack: EnvironmentStack): { suppressions: { ruleId: string; path: string; reason: string }[]; optIns?: { path: string; optIn: string }[] } {
  const outdir = Testing.fullSynth(stack);
  try {
    const file = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8')) as { '//': { guardrails: ReturnType<typeof recordedGuardrails> } };
    return file['//'].guardrails;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
