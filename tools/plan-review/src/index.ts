export { planAgainstStates, planChange, type ChangeReview, type StackChange } from './change-review';
export {
  countChanges,
  explainChange,
  explainReason,
  renderAttributePath,
  reviewAction,
  reviewChanges,
  riskyChanges,
  type ChangeCounts,
  type ReviewAction,
  type ReviewedChange,
} from './changes';
export { checkIdentity, GUARDED_TYPES, type GuardFinding, type GuardResult } from './identity-guard';
export { mermaidId, mermaidLabel, renderMermaid } from './mermaid';
export { PLACEHOLDER_ACCOUNT, placeholderArn, placeholderId, placeholderString, placeholderValue, type PlaceholderContext } from './placeholders';
export type { ConfigModule, ConfigResource, PlanAction, PlanJson, PlanResourceChange } from './plan-json';
export { providerSchemas, trimSchemas, type ProviderSchemas, type ResourceSchema, type ValueType } from './provider-schemas';
export { buildState, combineStates, parseTraversal, stackState, STATE_FILE, type BuiltState, type StateFile, type StateInstance, type StateResource } from './state-builder';
export { renderMarkdown, summarizePlan, type PlanSummary, type SummaryOptions } from './summary';
export { buildTopology, SIDES, type Side, type Topology, type TopologyEdge, type TopologyNode } from './topology';
export { writeSummary, type WrittenSummary } from './write-summary';
