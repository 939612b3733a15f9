export { AppPlans } from './app-plans';
export {
  HARNESS_TMP_ROOT,
  detectMirrorAwsVersion,
  ensureCliConfig,
  renderCliConfig,
  resolveMirrorDir,
  type TerraformCliConfig,
} from './cli-config';
export { harnessConcurrency } from './concurrency';
export { acquireFileSlot, withFileLock, withFileSlots, type HeldSlot } from './file-lock';
export { fuzzRuns, fuzzSeed, validateGenerated, type GeneratedFailure, type GeneratedOptions, type GeneratedReport } from './generated';
export { memberPlan } from './member-plan';
export type {
  ChangeAction,
  CheckResult,
  ConfiguredModule,
  ConfiguredResource,
  Diagnostic,
  PlannedModule,
  PlannedResource,
  ProviderConfig,
  ResourceChange,
  TerraformPlan,
  ValidateOutput,
} from './plan-json';
export {
  formatDiagnostic,
  planBatch,
  planConfig,
  planConfigs,
  planStackDir,
  stackMember,
  summarizeChanges,
  type ChangeSummary,
  type PlanOptions,
  type PlanOutcome,
  type PlanResult,
} from './plan';
export { OFFLINE_PROVIDER_SETTINGS, prepareForOfflinePlan, type PrepareOptions } from './prepare';
export type { PlanTimings } from './step-timer';
export { findSynthesizedStacks, type SynthesizedStack } from './synthesized-stacks';
export {
  TERRAFORM_NOT_FOUND_MESSAGE,
  runTerraform,
  terraformBin,
  type RunTerraformOptions,
  type TerraformRunResult,
} from './terraform';
export { TERRAFORM_TIMEOUT_MS } from './timeout';
export { validateCases, type CaseValidation, type ValidateCasesResult } from './validate-cases';
export { TerraformWorkspace, type Member, type ProviderMode } from './workspace';
