export { AppPlans } from './app-plans';
export {
  HARNESS_TMP_ROOT,
  detectMirrorAwsVersion,
  ensureCliConfig,
  renderCliConfig,
  resolveMirrorDir,
  type TerraformCliConfig,
} from './cli-config';
export type {
  ChangeAction,
  Diagnostic,
  PlannedModule,
  PlannedResource,
  ResourceChange,
  TerraformPlan,
  ValidateOutput,
} from './plan-json';
export {
  formatDiagnostic,
  harnessConcurrency,
  planConfig,
  planStackDir,
  summarizeChanges,
  type ChangeSummary,
  type PlanOptions,
  type PlanResult,
  type PlanTimings,
} from './plan';
export { prepareForOfflinePlan, type PrepareOptions } from './prepare';
export { findSynthesizedStacks, type SynthesizedStack } from './synthesized-stacks';
export {
  TERRAFORM_NOT_FOUND_MESSAGE,
  runTerraform,
  terraformBin,
  type RunTerraformOptions,
  type TerraformRunResult,
} from './terraform';
