import type { ReviewAction } from './changes';
import { SIDES, type Side, type Topology, type TopologyNode } from './topology';

const SIDE_TITLES: Record<Side, string> = { provider: 'Provider side', consumer: 'Consumer side', s3: 'S3 paths' };

/** Shown in a node's label when the plan does more than create or keep it. */
const ACTION_NOTES: Partial<Record<ReviewAction, string>> = { update: '~ update', replace: '⚠ replace', delete: '⚠ delete' };

const CLASS_DEFS = [
  'classDef create fill:#dafbe1,stroke:#1a7f37',
  'classDef update fill:#fff8c5,stroke:#9a6700',
  'classDef replace fill:#ffebe9,stroke:#cf222e,stroke-width:3px',
  'classDef delete fill:#ffebe9,stroke:#cf222e,stroke-dasharray:5 5',
];

/**
 * A Mermaid node ID for a Terraform address: letters, digits and underscores only, with a prefix so
 * it can never be a keyword (`end`, `subgraph`, `graph`) and never starts with a digit.
 */
export function mermaidId(address: string): string {
  return `r_${address.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/**
 * Text for a quoted Mermaid label: characters that end the string or that Mermaid and the
 * Markdown around it interpret become entity codes; lines are joined with `<br/>`.
 */
export function mermaidLabel(lines: readonly string[]): string {
  const escape = (text: string): string =>
    text
      .replace(/#/g, '#35;')
      .replace(/"/g, '#quot;')
      .replace(/&/g, '#amp;')
      .replace(/</g, '#lt;')
      .replace(/>/g, '#gt;')
      .replace(/`/g, '#96;')
      .replace(/\|/g, '#124;')
      .replace(/[\r\n]+/g, ' ');
  return `"${lines.map(escape).join('<br/>')}"`;
}

/** A Mermaid `flowchart` of the topology, or undefined when nothing in the plan can be drawn. */
export function renderMermaid(topology: Topology): string | undefined {
  if (topology.nodes.length === 0) return undefined;
  const ids = uniqueIds(topology.nodes.map((n) => n.address));
  const lines = ['flowchart LR'];
  const members = (vpc: string): TopologyNode[] => topology.nodes.filter((n) => n.vpc === vpc);
  const labelOf = (node: TopologyNode): string => {
    const note = ACTION_NOTES[node.action];
    return mermaidLabel(note ? [...node.label, note] : node.label);
  };
  const emitNode = (node: TopologyNode, indent: string): void => {
    lines.push(`${indent}${ids.get(node.address)}[${labelOf(node)}]`);
  };
  const emitVpc = (vpc: TopologyNode, indent: string): void => {
    const inside = members(vpc.address);
    if (inside.length === 0) return emitNode(vpc, indent);
    lines.push(`${indent}subgraph ${ids.get(vpc.address)}[${labelOf(vpc)}]`);
    for (const node of inside) emitNode(node, `${indent}  `);
    lines.push(`${indent}end`);
  };

  const vpcs = topology.nodes.filter((n) => n.kind === 'vpc');
  for (const vpc of vpcs.filter((v) => !v.side)) emitVpc(vpc, '  ');
  for (const side of SIDES) {
    const sideVpcs = vpcs.filter((v) => v.side === side);
    const loose = topology.nodes.filter((n) => n.kind !== 'vpc' && n.side === side && !n.vpc);
    if (sideVpcs.length === 0 && loose.length === 0) continue;
    lines.push(`  subgraph side_${side}[${mermaidLabel([SIDE_TITLES[side]])}]`);
    for (const vpc of sideVpcs) emitVpc(vpc, '    ');
    for (const node of loose) emitNode(node, '    ');
    lines.push('  end');
  }

  for (const edge of topology.edges) {
    const label = edge.label ? `|${mermaidLabel([edge.label])}|` : '';
    lines.push(`  ${ids.get(edge.from)} -->${label} ${ids.get(edge.to)}`);
  }

  lines.push(...CLASS_DEFS.map((c) => `  ${c}`));
  for (const action of ['create', 'update', 'replace', 'delete'] as const) {
    // A VPC drawn as a subgraph carries its action in the title instead.
    const styled = topology.nodes.filter((n) => n.action === action && !(n.kind === 'vpc' && members(n.address).length > 0));
    if (styled.length > 0) lines.push(`  class ${styled.map((n) => ids.get(n.address)).join(',')} ${action}`);
  }
  return lines.join('\n');
}

/** IDs for addresses whose sanitized forms collide (`a-b` and `a_b`) get a numeric suffix. */
function uniqueIds(addresses: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const address of addresses) {
    const base = mermaidId(address);
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    ids.set(address, id);
  }
  return ids;
}
