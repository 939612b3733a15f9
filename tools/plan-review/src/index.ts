export {
  countChanges,
  explainChange,
  renderAttributePath,
  reviewAction,
  reviewChanges,
  riskyChanges,
  type ChangeCounts,
  type ReviewAction,
  type ReviewedChange,
} from './changes';
export { mermaidId, mermaidLabel, renderMermaid } from './mermaid';
export type { ConfigModule, ConfigResource, PlanAction, PlanJson, PlanResourceChange } from './plan-json';
export { ENVIRONMENT_NAMES, findStack, listStacks, stackBackend, type StackRef } from './stacks';
export { renderMarkdown, summarizePlan, type PlanSummary } from './summary';
export { buildTopology, SIDES, type Side, type Topology, type TopologyEdge, type TopologyNode } from './topology';
export { writeSummary, type WrittenSummary } from './write-summary';
