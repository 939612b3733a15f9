import { App, Testing } from 'cdktf';
import { EnvironmentStack } from '../src';

/** A dev stack in ap-northeast-1 for account 111111111111, on a Testing app. */
export function devStack(overrides: Partial<ConstructorParameters<typeof EnvironmentStack>[1]['environment']> = {}): EnvironmentStack {
  const app: App = Testing.app();
  return new EnvironmentStack(app, { application: 'unit', environment: { name: 'dev', accountId: '111111111111', ...overrides } });
}

/** Parses a synthesized stack. */
export function synthJson(stack: EnvironmentStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

export interface SynthesizedStack {
  terraform: { backend: Record<string, Record<string, unknown>> };
  provider: { aws: Array<Record<string, unknown>> };
  resource: Record<string, Record<string, Record<string, unknown>>>;
}
