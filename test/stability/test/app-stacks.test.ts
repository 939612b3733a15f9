import { Guardrails, PRIVATELINK_RULES } from '@privatelink-cdktf/core';
import { TerraformStack, Testing, type App } from 'cdktf';
import { ENVIRONMENTS as S3_ENVIRONMENTS } from '../../../apps/s3-private-access/src/environments';
import { S3PrivateAccessStack } from '../../../apps/s3-private-access/src/s3-private-access-stack';
import { ENVIRONMENTS as PROVIDER_ENVIRONMENTS } from '../../../apps/saas-provider/src/environments';
import { SaasProviderStack } from '../../../apps/saas-provider/src/saas-provider-stack';
import { ENVIRONMENTS as CONSUMER_ENVIRONMENTS } from '../../../apps/tenant-consumer/src/environments';
import { TenantConsumerStack } from '../../../apps/tenant-consumer/src/tenant-consumer-stack';
import { synthesizeApp } from './synthesize';

// Each app as its main.ts builds it: one stack per environment.
const APPS: Record<string, (app: App) => void> = {
  'saas-provider': (app) => PROVIDER_ENVIRONMENTS.forEach((config) => new SaasProviderStack(app, config)),
  'tenant-consumer': (app) => CONSUMER_ENVIRONMENTS.forEach((config) => new TenantConsumerStack(app, config)),
  's3-private-access': (app) => S3_ENVIRONMENTS.forEach((config) => new S3PrivateAccessStack(app, config)),
};

describe.each(Object.entries(APPS))('%s', (name, build) => {
  it('runs the guardrail pack on every stack, with no unsuppressed finding', () => {
    const app = Testing.app();
    build(app);
    const stacks = app.node.children.filter((child): child is TerraformStack => child instanceof TerraformStack);
    expect(stacks).toHaveLength(3);
    for (const stack of stacks) {
      const guardrails = Guardrails.of(stack);
      expect(guardrails.rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(PRIVATELINK_RULES.map((rule) => rule.id)));
      expect(guardrails.findings().filter((finding) => !finding.suppression)).toEqual([]);
    }
  });

  it('synthesizes byte-identical cdk.tf.json twice in a row', () => {
    const first = synthesizeApp(build);
    const second = synthesizeApp(build);
    expect(Object.keys(first)).toEqual([`${name}-dev`, `${name}-prod`, `${name}-stg`]);
    for (const stack of Object.keys(first)) {
      expect(Buffer.from(second[stack]).equals(Buffer.from(first[stack]))).toBe(true);
      // Not an empty agreement: the guardrail record and real resources are in there.
      expect(JSON.parse(first[stack])['//'].guardrails.rules.length).toBeGreaterThan(0);
      expect(Object.keys(JSON.parse(first[stack]).resource ?? {}).length).toBeGreaterThan(3);
    }
  });
});
