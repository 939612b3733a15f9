import { explainReason, renderAttributePath, reviewAction } from './changes';
import type { PlanJson, PlanResourceChange } from './plan-json';

type Values = Record<string, unknown>;

/** Why replacing or destroying a resource of a guarded type hurts, from what the plan knows. */
type Consequence = (change: PlanResourceChange, plan: PlanJson) => string;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const before = (rc: PlanResourceChange): Values => (rc.change.before ?? rc.change.after ?? {}) as Values;
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const others = (plan: PlanJson, type: string): PlanResourceChange[] => (plan.resource_changes ?? []).filter((rc) => rc.type === type && rc.mode === 'managed');
const join = (items: readonly string[], none: string): string => (items.length > 0 ? items.join(', ') : none);

/** Data that goes with a stateful resource when it is destroyed. */
const STATEFUL: Record<string, string> = {
  aws_s3_bucket: 'the objects in the bucket are deleted with it (or the destroy fails on a bucket that is not empty) and its name may be taken by someone else',
  aws_kms_key: 'everything encrypted with the key (state, logs, buckets) becomes unreadable once the key is deleted',
  aws_cloudwatch_log_group: 'its log events, the audit trail, are deleted with it',
  aws_dynamodb_table: 'its items are deleted with it',
  aws_db_instance: 'its data is deleted with it unless a final snapshot is taken',
  aws_rds_cluster: 'its data is deleted with it unless a final snapshot is taken',
  aws_efs_file_system: 'its files are deleted with it',
  aws_ebs_volume: 'its data is deleted with it',
  aws_secretsmanager_secret: 'the secret and its versions are deleted with it',
  aws_storagegateway_gateway: 'the gateway, its cache and its file shares are recreated and must be activated again; clients lose their mounts',
  aws_storagegateway_cache: 'the cached data not yet uploaded is lost',
  aws_route53_zone: 'its records are deleted and its name servers change, so the delegation to it breaks',
  aws_ssm_parameter: 'its value is deleted with it',
};

/** Resources whose identity others depend on: what breaks when each is replaced or destroyed. */
const GUARDED: Record<string, Consequence> = {
  aws_vpc_endpoint_service: (rc, plan) => {
    const service = before(rc);
    const id = str(service.id);
    const mine = (other: PlanResourceChange) => id !== undefined && str(before(other).vpc_endpoint_service_id) === id;
    const principals = others(plan, 'aws_vpc_endpoint_service_allowed_principal').filter(mine).map((p) => str(before(p).principal_arn)).filter((p): p is string => p !== undefined);
    const endpoints = others(plan, 'aws_vpc_endpoint_connection_accepter').filter(mine).map((a) => str(before(a).vpc_endpoint_id)).filter((e): e is string => e !== undefined);
    return (
      `its service name ${str(service.service_name) ?? '(known after apply)'} changes, so every tenant's endpoint to it stops working and must be created again against the new name: ` +
      `tenants' endpoints ${join(endpoints, 'none accepted here')}; allowed principals ${join(principals, 'none')}`
    );
  },
  aws_lb: (rc, plan) => {
    const lb = before(rc);
    const arn = str(lb.arn);
    const services = others(plan, 'aws_vpc_endpoint_service').filter((s) => arn !== undefined && list(before(s).network_load_balancer_arns).includes(arn)).map((s) => s.address);
    const front = services.length > 0 ? `; the endpoint service in front of it (${services.join(', ')}) loses its load balancer until it is pointed at the new one` : '';
    return `its ARN and DNS name change and traffic through it stops while it is recreated${front}`;
  },
  aws_vpc_endpoint: (rc) => {
    const endpoint = before(rc);
    const type = str(endpoint.vpc_endpoint_type) ?? 'Gateway';
    const service = str(endpoint.service_name) ?? str(endpoint.service_network_arn) ?? str(endpoint.resource_configuration_arn) ?? 'its service';
    if (type === 'Gateway') {
      return `its routes to ${service} in route tables ${join(list(endpoint.route_table_ids), '(none recorded)')} are removed and added again: connections through it drop, and bucket policies that name its ID ${str(endpoint.id) ?? ''} deny the new one`;
    }
    const names = Array.isArray(endpoint.dns_entry) ? endpoint.dns_entry.map((e) => str((e as Values).dns_name)).filter(Boolean) : [];
    return `its ID ${str(endpoint.id) ?? ''} and DNS names (${join(names as string[], 'none recorded')}) change: clients that use its endpoint-specific names break, the service provider must accept the new endpoint, and policies that name the old ID stop matching (${service})`;
  },
  aws_transfer_server: (rc) => {
    const server = before(rc);
    return `its server ID ${str(server.id) ?? ''} and host name ${str(server.endpoint) ?? ''} change: SFTP clients and DNS records that point at it break, its users and keys are created again, and open sessions drop`;
  },
  aws_route53_resolver_endpoint: (rc) => {
    const endpoint = before(rc);
    const ips = Array.isArray(endpoint.ip_address) ? endpoint.ip_address.map((a) => str((a as Values).ip)).filter((ip): ip is string => ip !== undefined) : [];
    return `its IP addresses (${join(ips, 'assigned by AWS')}) can change: DNS servers on premises that forward to them stop resolving names through it`;
  },
  ...Object.fromEntries(Object.entries(STATEFUL).map(([type, loss]) => [type, () => loss])),
};

/** The resource types the identity guard protects. */
export const GUARDED_TYPES: readonly string[] = Object.keys(GUARDED).sort();

export interface GuardFinding {
  address: string;
  type: string;
  action: 'replace' | 'delete';
  /** The attributes that force the replacement (`network_load_balancer_arns`), empty for a destroy. */
  forcedBy: string[];
  /** What breaks, in words. */
  breaks: string;
  message: string;
}

export interface GuardResult {
  /** Replacements and destroys of guarded resources that no allow-list entry names: the check fails. */
  violations: GuardFinding[];
  /** Those the allow list names. */
  allowed: GuardFinding[];
}

/**
 * The identity guard: a plan that replaces or destroys an endpoint service, a load balancer, an
 * interface or gateway endpoint, a Transfer server, a Resolver endpoint or a resource that holds
 * data fails review, with a message naming the resource, the attributes forcing it and what breaks,
 * unless the allow list names its address (with or without instance key).
 */
export function checkIdentity(plan: PlanJson, allow: readonly string[] = []): GuardResult {
  const allowed = new Set(allow);
  const result: GuardResult = { violations: [], allowed: [] };
  for (const rc of plan.resource_changes ?? []) {
    const consequence = GUARDED[rc.type];
    const action = reviewAction(rc.change.actions);
    if (!consequence || rc.mode !== 'managed' || (action !== 'replace' && action !== 'delete')) continue;
    const forcedBy = (rc.change.replace_paths ?? []).map(renderAttributePath);
    const breaks = consequence(rc, plan);
    const why = forcedBy.length > 0 ? `forced by ${forcedBy.map((p) => `\`${p}\``).join(', ')}` : rc.action_reason ? explainReason(rc.action_reason) : '';
    const cause = `${action === 'replace' ? 'is replaced' : 'is destroyed'}${why ? ` (${why})` : ''}`;
    const finding: GuardFinding = {
      address: rc.address,
      type: rc.type,
      action,
      forcedBy,
      breaks,
      message: `${rc.address} ${cause}: ${breaks}. If that is intended, allow it by address (--allow-replace ${rc.address}).`,
    };
    const listed = allowed.has(rc.address) || allowed.has(rc.address.replace(/\[[^\]]*\]$/, ''));
    (listed ? result.allowed : result.violations).push(finding);
  }
  return result;
}
