import type { TenantConfig } from '@privatelink-cdktf/provider';
import { planConfigs, TERRAFORM_TIMEOUT_MS, type PlanResult, type ResourceChange } from '@privatelink-cdktf/terraform-harness';
import type { AppConfig } from '../../../apps/saas-provider/src/config';
import { prod } from '../../../apps/saas-provider/src/environments/prod';
import { SaasProviderStack } from '../../../apps/saas-provider/src/saas-provider-stack';
import { isUnder, resourcesOf, synthesizeApp, type StackJson } from './synthesize';

/*
 * Real Terraform on both versions of a tenant change to saas-provider-prod: version 1 has the
 * production tenants, version 2 drops acme-bank and onboards river-clinic.
 *
 * Why two offline plans and not a plan of version 2 against the state of version 1: that state
 * only exists after `terraform apply`, which needs the AWS account. Offline, each version is
 * planned from an empty state, so every action is `create`; what we can prove is that Terraform
 * resolves both configurations to the same resource addresses with the same planned values
 * (`change.after`, and which values stay unknown until apply), except exactly the resources of the
 * two tenants. Against a real state, resources with the same address and the same planned values
 * are no-ops, so the real plan of version 2 adds river-clinic's resources, destroys acme-bank's,
 * and leaves everything else alone.
 */

const REMOVED = 'acme-bank';
const ADDED: TenantConfig = { key: 'river-clinic', principals: ['arn:aws:iam::555500009999:root'], endpointIds: ['vpce-0123456789abcdef0'] };
const SERVICE = 'saas-provider-prod/Service/EndpointService';

const version1: AppConfig = prod;
const version2: AppConfig = { ...prod, service: { ...prod.service, tenants: [...prod.service.tenants.filter((t) => t.key !== REMOVED), ADDED] } };

function synth(config: AppConfig): StackJson {
  return JSON.parse(Object.values(synthesizeApp((app) => new SaasProviderStack(app, config)))[0]) as StackJson;
}

/** Addresses of the synthesized resources that lie under a construct path. */
function addressesUnder(json: StackJson, constructPath: string): string[] {
  return [...resourcesOf(json).values()].filter((r) => isUnder(r.path, constructPath)).map((r) => r.address).sort();
}

function byAddress(plan: PlanResult): Map<string, ResourceChange> {
  return new Map(plan.resourceChanges.filter((rc) => rc.mode === 'managed').map((rc) => [rc.address, rc]));
}

describe('a tenant change planned with real Terraform', () => {
  let json1: StackJson;
  let json2: StackJson;
  let plan1: PlanResult;
  let plan2: PlanResult;

  beforeAll(async () => {
    json1 = synth(version1);
    json2 = synth(version2);
    // Both versions in one Terraform run.
    [plan1, plan2] = await planConfigs([
      { name: 'tenants-v1', config: json1 },
      { name: 'tenants-v2', config: json2 },
    ]);
  }, TERRAFORM_TIMEOUT_MS);

  it('validates and plans both versions', () => {
    for (const plan of [plan1, plan2]) {
      expect(plan.validation.valid).toBe(true);
      expect(plan.summary.add).toBeGreaterThan(10);
    }
  });

  it("adds exactly river-clinic's resources and removes exactly acme-bank's", () => {
    const before = byAddress(plan1);
    const after = byAddress(plan2);
    const added = [...after.keys()].filter((address) => !before.has(address)).sort();
    const removed = [...before.keys()].filter((address) => !after.has(address)).sort();
    const expectedAdded = addressesUnder(json2, `${SERVICE}/Tenant-${ADDED.key}`);
    const expectedRemoved = addressesUnder(json1, `${SERVICE}/Tenant-${REMOVED}`);
    // A principal and an accepter each: the test would pass vacuously on empty sets.
    expect(expectedAdded).toHaveLength(2);
    expect(expectedRemoved).toHaveLength(2);
    expect(added).toEqual(expectedAdded);
    expect(removed).toEqual(expectedRemoved);
    expect(after.get(expectedAdded.find((a) => a.startsWith('aws_vpc_endpoint_service_allowed_principal.')) ?? '')?.change.after).toMatchObject({ principal_arn: ADDED.principals[0] });
  });

  it('plans every other resource at the same address with the same values', () => {
    const before = byAddress(plan1);
    const after = byAddress(plan2);
    const kept = [...before.keys()].filter((address) => after.has(address));
    expect(kept.length).toBeGreaterThan(20);
    for (const address of kept) {
      const [v1, v2] = [before.get(address), after.get(address)];
      expect({ address, after: v2?.change.after, unknown: v2?.change.after_unknown, actions: v2?.change.actions }).toEqual({
        address,
        after: v1?.change.after,
        unknown: v1?.change.after_unknown,
        actions: v1?.change.actions,
      });
    }
  });
});
