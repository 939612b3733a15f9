/**
 * Jest timeout for a hook or test that runs Terraform: a plan may queue behind other processes'
 * plans for a machine-wide slot (see TerraformWorkspace), so it gets minutes where a unit test gets
 * the preset's short default. Pass it where Terraform runs: `beforeAll(() => plans.planAll(), TERRAFORM_TIMEOUT_MS)`.
 */
export const TERRAFORM_TIMEOUT_MS = 10 * 60_000;
