import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, TerraformOutput, type TerraformStack, Testing } from 'cdktf';
import { EnvironmentStack, type SubnetRef, type VpcRef } from '@privatelink-cdktf/core';

/** A dev stack in ap-northeast-1 for account 111111111111, on a Testing app. */
export function devStack(region = 'ap-northeast-1'): EnvironmentStack {
  const app: App = Testing.app();
  return new EnvironmentStack(app, { application: 'unit', environment: { name: 'dev', accountId: '111111111111', region } });
}

/** An existing VPC given by literal values. */
export const VPC: VpcRef = { vpcId: 'vpc-0123456789abcdef0', cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'], dnsSupport: true, dnsHostnames: true };

/** Two subnets in distinct zones, with AZ IDs. */
export const SUBNETS: SubnetRef[] = [
  { subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'apne1-az1' },
  { subnetId: 'subnet-0bbbbbbbbbbbbbbb2', availabilityZoneId: 'apne1-az2' },
];

export const CUSTOM_SERVICE = 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0';

export interface SynthesizedStack {
  resource: Record<string, Record<string, Record<string, unknown>>>;
}

export function synthJson(stack: EnvironmentStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

/** The resources of one type, by their Terraform name. */
export function resourcesOf(stack: EnvironmentStack, type: string): Record<string, Record<string, unknown>> {
  return synthJson(stack).resource[type] ?? {};
}

let outputs = 0;
/** What a token renders to in the synthesized JSON (through a throwaway output). */
export function rendered(stack: EnvironmentStack, value: unknown): unknown {
  const id = `rendered${outputs++}`;
  new TerraformOutput(stack, id, { value });
  return (JSON.parse(Testing.synth(stack)) as { output: Record<string, { value: unknown }> }).output[id].value;
}

/** What `cdktf synth` writes for the stack's guardrails: applied suppressions and acknowledgements. */
export interface SynthesizedGuardrails {
  '//': { guardrails: { suppressions: Array<{ ruleId: string; source: string; reason: string }> } };
}

/** Synthesizes like `cdktf synth` (validations and guardrails included) and reads the written cdk.tf.json. */
export function synthesizeToFile(stack: TerraformStack): SynthesizedGuardrails {
  const outdir = Testing.fullSynth(stack);
  try {
    return JSON.parse(readFileSync(join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8')) as SynthesizedGuardrails;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
