import { reviewAction, type ReviewAction } from './changes';
import type { ConfigModule, PlanJson, PlanResourceChange } from './plan-json';

/** Where a node is drawn: the three halves of a PrivateLink picture. */
export type Side = 'provider' | 'consumer' | 's3';
export const SIDES: readonly Side[] = ['provider', 'consumer', 's3'];

export interface TopologyNode {
  /** Resource address without instance key, e.g. `aws_lb.Service_Nlb_1A2B3C4D`. */
  address: string;
  type: string;
  kind: string;
  /** A VPC takes the side most of its resources are on, and none when nothing drawn sits in it. */
  side?: Side;
  /** Lines of the label, unescaped. */
  label: string[];
  action: ReviewAction;
  /** Address of the VPC node the resource sits in, if any. */
  vpc?: string;
}

export interface TopologyEdge {
  from: string;
  to: string;
  label?: string;
}

export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

type Values = Record<string, unknown>;

interface NodeKind {
  kind: string;
  side?: Side | ((values: Values) => Side);
  /** Position along the traffic path: edges point from the lower rank to the higher. */
  rank: number | ((values: Values) => number);
  label: (values: Values) => string[];
  /** Draw it only when it links to another drawn node (an SNS topic matters as a notification target). */
  onlyWhenLinked?: boolean;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const tagName = (v: Values): string | undefined => str((v.tags as Values | undefined)?.Name) ?? str((v.tags_all as Values | undefined)?.Name);
const named = (title: string, name: string | undefined): string[] => (name ? [title, name] : [title]);
const isS3Service = (v: Values): boolean => /\.s3$/.test(str(v.service_name) ?? '');

/** `com.amazonaws.ap-northeast-1.ssm` -> `ssm`; custom services stay whole. */
function serviceLabel(serviceName: string | undefined): string {
  if (!serviceName) return 'service known after apply';
  const aws = /^(?:com\.amazonaws|aws\.api|aws\.sagemaker)\.[a-z0-9-]+\.(.+)$/.exec(serviceName);
  return aws && !serviceName.includes('.vpce.') ? aws[1] : serviceName;
}

/** `arn:aws:iam::123456789012:root` -> `123456789012`; a role or user keeps its name. */
function principalLabel(arn: string | undefined): string {
  if (!arn) return 'principal known after apply';
  if (arn === '*') return 'anyone (*)';
  const match = /^arn:aws[a-z-]*:iam::(\d{12}):(.+)$/.exec(arn);
  if (!match) return arn;
  return match[2] === 'root' ? `account ${match[1]}` : `${match[1]} ${match[2]}`;
}

const KINDS: Record<string, NodeKind> = {
  aws_vpc: { kind: 'vpc', rank: 0, label: (v) => named('VPC', [str(v.cidr_block), tagName(v)].filter(Boolean).join(' ') || undefined) },
  aws_vpc_endpoint_service_allowed_principal: {
    kind: 'tenant',
    side: 'provider',
    rank: 1,
    label: (v) => ['Tenant', principalLabel(str(v.principal_arn))],
  },
  aws_vpc_endpoint: {
    kind: 'endpoint',
    side: (v) => (isS3Service(v) ? 's3' : 'consumer'),
    rank: 2,
    label: (v) => {
      const type = str(v.vpc_endpoint_type) ?? 'Gateway';
      const title = type === 'Interface' ? 'Interface endpoint' : type === 'Gateway' ? 'Gateway endpoint' : `${type} endpoint`;
      return [title, serviceLabel(str(v.service_name))];
    },
  },
  aws_route53_resolver_endpoint: {
    kind: 'resolver',
    side: 'consumer',
    rank: 2,
    label: (v) => named(['Resolver', str(v.direction)?.toLowerCase(), 'endpoint'].filter(Boolean).join(' '), str(v.name)),
  },
  aws_ec2_client_vpn_endpoint: { kind: 'client-vpn', side: 's3', rank: 1, label: (v) => named('Client VPN', str(v.client_cidr_block)) },
  aws_dx_public_virtual_interface: { kind: 'dx', side: 's3', rank: 1, label: (v) => named('Direct Connect public VIF', str(v.name)) },
  aws_dx_private_virtual_interface: { kind: 'dx', side: 's3', rank: 1, label: (v) => named('Direct Connect private VIF', str(v.name)) },
  aws_dx_transit_virtual_interface: { kind: 'dx', side: 's3', rank: 1, label: (v) => named('Direct Connect transit VIF', str(v.name)) },
  aws_vpn_connection: { kind: 'vpn', side: 's3', rank: 1, label: (v) => named('Site-to-Site VPN', tagName(v)) },
  aws_transfer_server: {
    kind: 'transfer',
    side: 's3',
    rank: 1,
    label: (v) => {
      const protocols = Array.isArray(v.protocols) ? v.protocols.join(', ') : 'SFTP';
      return ['Transfer Family', `${protocols} (${str(v.endpoint_type) ?? 'PUBLIC'})`];
    },
  },
  aws_storagegateway_gateway: { kind: 'file-gateway', side: 's3', rank: 1, label: (v) => named('Storage Gateway', str(v.gateway_name)) },
  aws_instance: { kind: 'ec2', side: 's3', rank: 1, label: (v) => named('EC2 host', tagName(v)) },
  aws_vpc_endpoint_service: {
    kind: 'endpoint-service',
    side: 'provider',
    rank: 3,
    label: (v) => {
      const lines = ['Endpoint service', v.acceptance_required === false ? 'auto-accept' : 'acceptance required'];
      const dns = str(v.private_dns_name);
      if (dns) lines.push(dns);
      return lines;
    },
  },
  aws_lb: {
    kind: 'load-balancer',
    side: 'provider',
    // Traffic enters the NLB, goes through an `alb` target group to the ALB and its own targets.
    rank: (v) => (str(v.load_balancer_type) === 'application' ? 6 : 4),
    label: (v) => named(str(v.load_balancer_type) === 'network' ? 'NLB' : str(v.load_balancer_type) === 'gateway' ? 'GWLB' : 'ALB', str(v.name)),
  },
  aws_lb_target_group: {
    kind: 'target-group',
    side: 'provider',
    rank: (v) => (str(v.target_type) === 'alb' ? 5 : 7),
    label: (v) => ['Target group', [str(v.protocol), v.port, str(v.target_type) && `(${str(v.target_type)})`].filter((x) => x !== undefined && x !== '').join(' ')],
  },
  aws_s3_bucket_policy: { kind: 'bucket-guard', side: 's3', rank: 8, label: () => ['Bucket policy', 'endpoint guard'] },
  aws_s3_bucket: { kind: 'bucket', side: 's3', rank: 9, label: (v) => named('S3 bucket', str(v.bucket)) },
  aws_sns_topic: { kind: 'topic', side: 'provider', rank: 10, label: (v) => named('SNS topic', str(v.name)), onlyWhenLinked: true },
};

/**
 * Resources that only place a drawn resource in a VPC (subnets, security groups, route tables and
 * their associations). They decide VPC membership but never draw an edge between two resources:
 * sharing a subnet is not a connection.
 */
const PLACEMENT = new Set([
  'aws_subnet',
  'aws_security_group',
  'aws_default_security_group',
  'aws_route_table',
  'aws_route_table_association',
  'aws_vpc_ipv4_cidr_block_association',
  'aws_vpc_endpoint_subnet_association',
  'aws_vpc_endpoint_route_table_association',
  'aws_vpc_endpoint_security_group_association',
  'aws_ec2_client_vpn_network_association',
]);

/** Resources that join two drawn resources; the function labels the edge. */
const LINKS: Record<string, (values: Values) => string | undefined> = {
  aws_lb_listener: (v) => [str(v.protocol), v.port].filter((x) => x !== undefined).join(' ') || 'listener',
  aws_lb_target_group_attachment: () => undefined,
  aws_vpc_endpoint_connection_notification: () => 'notifies',
  aws_vpc_endpoint_connection_accepter: () => 'accepts',
  aws_transfer_user: () => 'home directory',
  aws_storagegateway_nfs_file_share: () => 'NFS share',
  aws_storagegateway_smb_file_share: () => 'SMB share',
  aws_dx_gateway_association: () => undefined,
};

const EDGE_LABELS: Record<string, string> = { 'tenant>endpoint-service': 'allowed' };

/** `aws_subnet.a[0]` or `aws_subnet.a["x"]` -> `aws_subnet.a`, in any module. */
const withoutIndex = (address: string): string => address.replace(/\[[^\]]*\]$/, '');

/** `aws_vpc.main.id` -> `aws_vpc.main`; `var.x`, `local.x`, `each.key` -> undefined. */
function referencedResource(reference: string, prefix: string): string | undefined {
  const parts = reference.split('.');
  const mode = parts[0] === 'data' ? 2 : 1;
  if (['var', 'local', 'each', 'count', 'path', 'terraform', 'self', 'module'].includes(parts[0])) return undefined;
  if (parts.length < mode + 1) return undefined;
  return prefix + withoutIndex(parts.slice(0, mode + 1).join('.'));
}

function collectReferences(expression: unknown, into: Set<string>): void {
  if (Array.isArray(expression)) {
    for (const item of expression) collectReferences(item, into);
  } else if (expression && typeof expression === 'object') {
    for (const [key, value] of Object.entries(expression)) {
      if (key === 'references' && Array.isArray(value)) {
        for (const ref of value) if (typeof ref === 'string') into.add(ref);
      } else {
        collectReferences(value, into);
      }
    }
  }
}

/** Undirected reference graph of the configuration, keyed by address without instance key. */
function referenceGraph(module: ConfigModule | undefined, prefix = '', graph = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const link = (a: string, b: string): void => {
    if (a === b) return;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)!.add(b);
    graph.get(b)!.add(a);
  };
  for (const resource of module?.resources ?? []) {
    const refs = new Set<string>();
    collectReferences(resource.expressions, refs);
    for (const ref of refs) {
      const target = referencedResource(ref, prefix);
      if (target) link(prefix + resource.address, target);
    }
  }
  for (const [name, call] of Object.entries(module?.module_calls ?? {})) referenceGraph(call.module, `${prefix}module.${name}.`, graph);
  return graph;
}

const typeOf = (address: string): string => {
  const parts = address.replace(/^(module\.[^.]+\.)+/, '').split('.');
  return parts[0] === 'data' ? `data.${parts[1]}` : parts[0];
};

/**
 * The PrivateLink topology of a plan: the resources a reviewer recognizes (VPCs, load balancers,
 * endpoint services, tenants, endpoints, S3 paths), the VPC each sits in, and how they connect,
 * derived from the references in the plan's configuration. Resources of other types are left out.
 * A resource that the plan deletes is drawn from its state before the plan.
 */
export function buildTopology(plan: PlanJson): Topology {
  const changes = new Map<string, PlanResourceChange>();
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== 'managed' || !KINDS[rc.type]) continue;
    const address = withoutIndex(rc.address);
    if (!changes.has(address)) changes.set(address, rc);
  }
  const valuesOf = (address: string): Values => {
    const change = changes.get(address)?.change;
    return (change?.after ?? change?.before ?? {}) as Values;
  };
  const graph = referenceGraph(plan.configuration?.root_module);
  const neighbours = (address: string): string[] => [...(graph.get(address) ?? [])];
  const drawable = (address: string): boolean => changes.has(address);

  // The VPC of each resource: directly referenced, or through at most two placement resources.
  const vpcOf = (address: string): string | undefined => {
    let frontier = [address];
    const seen = new Set(frontier);
    for (let depth = 0; depth < 3; depth++) {
      const next: string[] = [];
      for (const current of frontier) {
        for (const n of neighbours(current)) {
          if (seen.has(n)) continue;
          seen.add(n);
          if (typeOf(n) === 'aws_vpc' && drawable(n)) return n;
          if (PLACEMENT.has(typeOf(n))) next.push(n);
        }
      }
      frontier = next;
    }
    return undefined;
  };

  const edges = new Map<string, TopologyEdge>();
  const rankOf = (address: string): number => {
    const rank = KINDS[typeOf(address)].rank;
    return typeof rank === 'function' ? rank(valuesOf(address)) : rank;
  };
  const addEdge = (a: string, b: string, label?: string): void => {
    const [ra, rb] = [rankOf(a), rankOf(b)];
    const [from, to] = ra < rb || (ra === rb && a < b) ? [a, b] : [b, a];
    const key = `${from} ${to}`;
    const named = label ?? EDGE_LABELS[`${KINDS[typeOf(from)].kind}>${KINDS[typeOf(to)].kind}`];
    if (!edges.has(key) || (named && !edges.get(key)!.label)) edges.set(key, { from, to, label: named });
  };
  for (const address of changes.keys()) {
    if (typeOf(address) === 'aws_vpc') continue;
    for (const n of neighbours(address)) {
      if (drawable(n) && typeOf(n) !== 'aws_vpc') addEdge(address, n);
      const link = LINKS[typeOf(n)];
      if (!link) continue;
      const linkValues = findAfter(plan, n) ?? {};
      for (const other of neighbours(n)) {
        if (other !== address && drawable(other) && typeOf(other) !== 'aws_vpc') addEdge(address, other, link(linkValues));
      }
    }
  }

  const linked = new Set([...edges.values()].flatMap((e) => [e.from, e.to]));
  const nodes: TopologyNode[] = [];
  for (const [address, rc] of changes) {
    const kind = KINDS[rc.type];
    if (kind.onlyWhenLinked && !linked.has(address)) continue;
    const values = valuesOf(address);
    nodes.push({
      address,
      type: rc.type,
      kind: kind.kind,
      side: typeof kind.side === 'function' ? kind.side(values) : kind.side,
      label: kind.label(values),
      action: reviewAction(rc.change.actions),
      vpc: kind.kind === 'vpc' ? undefined : vpcOf(address),
    });
  }
  for (const vpc of nodes.filter((n) => n.kind === 'vpc')) {
    const sides = nodes.filter((n) => n.vpc === vpc.address).map((n) => n.side);
    vpc.side = SIDES.map((side) => ({ side, count: sides.filter((s) => s === side).length }))
      .filter((s) => s.count > 0)
      .sort((a, b) => b.count - a.count)[0]?.side;
  }
  nodes.sort((a, b) => rankOf(a.address) - rankOf(b.address) || (a.address < b.address ? -1 : 1));
  const drawn = new Set(nodes.map((n) => n.address));
  return {
    nodes,
    edges: [...edges.values()].filter((e) => drawn.has(e.from) && drawn.has(e.to)).sort((a, b) => rankOf(a.from) - rankOf(b.from) || (`${a.from} ${a.to}` < `${b.from} ${b.to}` ? -1 : 1)),
  };
}

function findAfter(plan: PlanJson, address: string): Values | undefined {
  const rc = (plan.resource_changes ?? []).find((r) => withoutIndex(r.address) === address);
  return (rc?.change.after ?? rc?.change.before ?? undefined) as Values | undefined;
}
