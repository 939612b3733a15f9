import { type App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import type { IConstruct } from 'constructs';
import { EnvironmentStack, type SubnetRef, type VpcRef } from '@privatelink-cdktf/core';

/** A dev stack in ap-northeast-1 for account 111111111111, on a Testing app. */
export function devStack(): EnvironmentStack {
  const app: App = Testing.app();
  return new EnvironmentStack(app, { application: 'unit', environment: { name: 'dev', accountId: '111111111111' } });
}

/** Parses a synthesized stack. */
export function synthJson(stack: EnvironmentStack): Synthesized {
  return JSON.parse(Testing.synth(stack)) as Synthesized;
}

export interface Synthesized {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, unknown>;
}

/** The resources of one type, by Terraform name. */
export function resources(json: Synthesized, type: string): Record<string, Record<string, unknown>> {
  return json.resource[type] ?? {};
}

/** Parses a policy attribute rendered as JSON. */
export function policyOf(resource: Record<string, unknown>, attribute = 'policy'): { Statement: Array<Record<string, unknown>> } {
  return JSON.parse(resource[attribute] as string);
}

export const VPC: VpcRef = { vpcId: 'vpc-0123456789abcdef0', cidrBlocks: ['10.30.0.0/16'], dnsSupport: true, dnsHostnames: true };
export const SUBNETS: SubnetRef[] = [
  { subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'apne1-az1' },
  { subnetId: 'subnet-0aaaaaaaaaaaaaaa2', availabilityZoneId: 'apne1-az2' },
];
export const AMI = 'ami-0123456789abcdef0';
export const PREFIX_LIST = { prefixListId: 'pl-61a54008' };
export const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEKEYEXAMPLEKEYEXAMPLEKEYEXAMPLEKEY partner@example.com';

/** A prod stack (production defaults on) in ap-northeast-1 for account 333333333333. */
export function prodStack(): EnvironmentStack {
  return new EnvironmentStack(Testing.app(), { application: 'unit', environment: { name: 'prod', accountId: '333333333333' } });
}

/** The guardrail acknowledgements a synthesized stack records, as rule ID and path. */
export function acknowledgements(stack: EnvironmentStack): Array<{ ruleId: string; path: string }> {
  Testing.synth(stack);
  const json = stack.toTerraform() as { '//': { guardrails: { suppressions: Array<{ ruleId: string; path: string; source: string }> } } };
  return json['//'].guardrails.suppressions.filter((s) => s.source === 'construct').map(({ ruleId, path }) => ({ ruleId, path }));
}

/**
 * Asserts the production posture of a construct customers connect through: its `type` resource
 * carries prevent_destroy in production and not in dev, and `preventDestroy: false` in production
 * drops it and is recorded as an acknowledgement of PL-PROD-2 on the construct (`id` under the stack).
 */
export function expectPreventDestroyInProduction(build: (stack: EnvironmentStack, preventDestroy?: boolean) => void, type: string, id: string): void {
  const lifecycleOf = (stack: EnvironmentStack) => Object.values(resources(synthJson(stack), type))[0].lifecycle;
  const prod = prodStack();
  build(prod);
  expect(lifecycleOf(prod)).toEqual({ prevent_destroy: true });
  const dev = devStack();
  build(dev);
  expect(lifecycleOf(dev)).toBeUndefined();
  const optOut = prodStack();
  build(optOut, false);
  expect(lifecycleOf(optOut)).toBeUndefined();
  expect(acknowledgements(optOut)).toEqual([{ ruleId: 'PL-PROD-2', path: `unit-prod/${id}` }]);
}

/** What a construct's attribute refers to once synthesized (`${aws_kms_key.Guard_Key_Key_1234ABCD.arn}`). */
export function referenceOf(construct: IConstruct, value: string): unknown {
  const stack = TerraformStack.of(construct);
  const id = `Reference${stack.node.children.length}`;
  new TerraformOutput(stack, id, { value });
  return (JSON.parse(Testing.synth(stack)) as { output: Record<string, { value: unknown }> }).output[id].value;
}
