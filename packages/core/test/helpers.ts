import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ConfigError } from '../src/config-error';
import { EnvironmentStack } from '../src/environment-stack';

/** A dev stack in ap-northeast-1 for account 111111111111, on a Testing app. */
export function devStack(overrides: Partial<ConstructorParameters<typeof EnvironmentStack>[1]['environment']> = {}): EnvironmentStack {
  const app: App = Testing.app();
  return new EnvironmentStack(app, { application: 'unit', environment: { name: 'dev', accountId: '111111111111', ...overrides } });
}

/** Parses a synthesized stack. */
export function synthJson(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

export interface SynthesizedStack {
  terraform: { backend: Record<string, Record<string, unknown>> };
  provider: { aws: Array<Record<string, unknown>> };
  resource: Record<string, Record<string, Record<string, unknown>>>;
}

/** The only resource of a type in a synthesized stack. */
export function onlyResource(json: SynthesizedStack, type: string): Record<string, unknown> {
  const all = Object.values(json.resource[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

/** A construct to hang checks on, at 'prod/Service' in a plain stack. */
export class Widget extends Construct {}
export function widget(): Widget {
  return new Widget(new TerraformStack(Testing.app(), 'prod'), 'Service');
}

/** The ConfigError a function throws (fails the test when it throws nothing or something else). */
export function configErrorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw new Error(`expected a ConfigError, got ${String(error)}`);
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}
