import { createHash } from 'node:crypto';
import type { ValueType } from './provider-schemas';

/** The account every placeholder ARN names: an offline state has no real one. */
export const PLACEHOLDER_ACCOUNT = '123456789012';

/** Where a placeholder goes: the resource and the attribute path, plus what is known of it. */
export interface PlaceholderContext {
  /** Full address of the resource instance, which seeds every placeholder of it (stable across runs). */
  address: string;
  /** Resource type, e.g. `aws_vpc_endpoint_service`. */
  type: string;
  /** The provider configuration's region. */
  region: string;
  /** The instance's known planned values (for ARNs and IDs built from a name). */
  known: Record<string, unknown>;
}

/** ID prefixes AWS gives, by resource type (`vpc-0a1b...`, `vpce-svc-...`). */
const ID_PREFIXES: Record<string, string> = {
  aws_vpc: 'vpc',
  aws_subnet: 'subnet',
  aws_security_group: 'sg',
  aws_default_security_group: 'sg',
  aws_route_table: 'rtb',
  aws_route_table_association: 'rtbassoc',
  aws_internet_gateway: 'igw',
  aws_egress_only_internet_gateway: 'eigw',
  aws_nat_gateway: 'nat',
  aws_eip: 'eipalloc',
  aws_instance: 'i',
  aws_network_interface: 'eni',
  aws_network_acl: 'acl',
  aws_vpc_endpoint: 'vpce',
  aws_vpc_endpoint_service: 'vpce-svc',
  aws_vpc_endpoint_connection_notification: 'vpce-nfn',
  aws_vpc_peering_connection: 'pcx',
  aws_vpc_dhcp_options: 'dopt',
  aws_flow_log: 'fl',
  aws_ec2_client_vpn_endpoint: 'cvpn-endpoint',
  aws_ec2_client_vpn_network_association: 'cvpn-assoc',
  aws_ec2_managed_prefix_list: 'pl',
  aws_ec2_transit_gateway: 'tgw',
  aws_ec2_transit_gateway_vpc_attachment: 'tgw-attach',
  aws_customer_gateway: 'cgw',
  aws_vpn_gateway: 'vgw',
  aws_vpn_connection: 'vpn',
  aws_ebs_volume: 'vol',
  aws_launch_template: 'lt',
  aws_vpc_security_group_ingress_rule: 'sgr',
  aws_vpc_security_group_egress_rule: 'sgr',
  aws_security_group_rule: 'sgrule',
  aws_transfer_server: 's',
  aws_route53_resolver_endpoint: 'rslvr-in',
  aws_route53_resolver_rule: 'rslvr-rr',
  aws_dx_public_virtual_interface: 'dxvif',
  aws_dx_private_virtual_interface: 'dxvif',
  aws_dx_transit_virtual_interface: 'dxvif',
  aws_dx_gateway: 'dxgw',
  aws_storagegateway_gateway: 'sgw',
};

/** Resource types whose ID is their ARN. */
const ID_IS_ARN = new Set([
  'aws_lb',
  'aws_alb',
  'aws_lb_target_group',
  'aws_alb_target_group',
  'aws_lb_listener',
  'aws_alb_listener',
  'aws_lb_listener_rule',
  'aws_sns_topic',
  'aws_sns_topic_policy',
  'aws_iam_policy',
  'aws_storagegateway_gateway',
  'aws_storagegateway_nfs_file_share',
  'aws_storagegateway_smb_file_share',
  'aws_acm_certificate',
  'aws_sqs_queue_policy',
]);

/** Resource types whose ID is one of their own arguments (a name, a bucket). */
const ID_IS_ATTRIBUTE: Record<string, string> = {
  aws_iam_role: 'name',
  aws_iam_instance_profile: 'name',
  aws_iam_user: 'name',
  aws_cloudwatch_log_group: 'name',
  aws_kms_alias: 'name',
  aws_key_pair: 'key_name',
  aws_s3_bucket: 'bucket',
  aws_s3_bucket_policy: 'bucket',
  aws_s3_bucket_public_access_block: 'bucket',
  aws_s3_bucket_versioning: 'bucket',
  aws_s3_bucket_ownership_controls: 'bucket',
  aws_s3_bucket_server_side_encryption_configuration: 'bucket',
  aws_s3_bucket_lifecycle_configuration: 'bucket',
  aws_s3_bucket_logging: 'bucket',
  aws_ssm_parameter: 'name',
  aws_secretsmanager_secret: 'arn',
};

/** The service in an ARN, where it is not the word after `aws_`. */
const ARN_SERVICES: Record<string, string> = {
  aws_lb: 'elasticloadbalancing',
  aws_alb: 'elasticloadbalancing',
  aws_lb_target_group: 'elasticloadbalancing',
  aws_lb_listener: 'elasticloadbalancing',
  aws_lb_listener_rule: 'elasticloadbalancing',
  aws_cloudwatch_log_group: 'logs',
  aws_route53_resolver_endpoint: 'route53resolver',
  aws_route53_resolver_rule: 'route53resolver',
  aws_vpc: 'ec2',
  aws_subnet: 'ec2',
  aws_security_group: 'ec2',
  aws_route_table: 'ec2',
  aws_instance: 'ec2',
  aws_flow_log: 'ec2',
  aws_network_interface: 'ec2',
  aws_launch_template: 'ec2',
  aws_customer_gateway: 'ec2',
  aws_vpn_gateway: 'ec2',
  aws_vpn_connection: 'ec2',
  aws_dx_public_virtual_interface: 'directconnect',
  aws_dx_private_virtual_interface: 'directconnect',
  aws_dx_transit_virtual_interface: 'directconnect',
};

/** The resource part of an EC2 ARN (`vpc/vpc-...`), where it is not the type without `aws_`. */
const ARN_RESOURCE_KINDS: Record<string, string> = {
  aws_vpc_endpoint_service: 'vpc-endpoint-service',
  aws_vpc_endpoint: 'vpc-endpoint',
  aws_security_group: 'security-group',
  aws_route_table: 'route-table',
  aws_flow_log: 'vpc-flow-log',
  aws_network_interface: 'network-interface',
  aws_launch_template: 'launch-template',
  aws_customer_gateway: 'customer-gateway',
  aws_vpn_gateway: 'vpn-gateway',
  aws_vpn_connection: 'vpn-connection',
  aws_ec2_client_vpn_endpoint: 'client-vpn-endpoint',
  aws_route53_resolver_endpoint: 'resolver-endpoint',
  aws_dx_public_virtual_interface: 'dxvif',
  aws_dx_private_virtual_interface: 'dxvif',
  aws_dx_transit_virtual_interface: 'dxvif',
};

/** ID prefixes by attribute name, for IDs of other resources (`vpc_id` → `vpc-...`). */
const ATTRIBUTE_ID_PREFIXES: Record<string, string> = {
  vpc_id: 'vpc',
  subnet_id: 'subnet',
  subnet_ids: 'subnet',
  security_group_id: 'sg',
  security_group_ids: 'sg',
  security_groups: 'sg',
  route_table_id: 'rtb',
  route_table_ids: 'rtb',
  network_interface_id: 'eni',
  network_interface_ids: 'eni',
  vpc_endpoint_id: 'vpce',
  vpc_endpoint_service_id: 'vpce-svc',
  instance_id: 'i',
  prefix_list_id: 'pl',
  transit_gateway_id: 'tgw',
  internet_gateway_id: 'igw',
  nat_gateway_id: 'nat',
  allocation_id: 'eipalloc',
  association_id: 'assoc',
  default_security_group_id: 'sg',
  default_route_table_id: 'rtb',
  main_route_table_id: 'rtb',
  default_network_acl_id: 'acl',
  dhcp_options_id: 'dopt',
  security_group_rule_id: 'sgr',
  image_id: 'ami',
  volume_id: 'vol',
  primary_network_interface_id: 'eni',
  client_vpn_endpoint_id: 'cvpn-endpoint',
  customer_gateway_id: 'cgw',
  vpn_gateway_id: 'vgw',
};

/** Hex digits derived from the address and path: the same resource gets the same placeholder in every run. */
function hex(seed: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += createHash('sha256').update(`${seed}#${i}`).digest('hex');
  return out.slice(0, length);
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** An ID with the resource's prefix (`vpce-svc-0…`), its ARN, or the argument it equals. */
export function placeholderId(context: PlaceholderContext): string {
  const { type, known, address } = context;
  if (ID_IS_ARN.has(type)) return str(known.arn) ?? placeholderArn(context);
  const attribute = ID_IS_ATTRIBUTE[type];
  if (attribute && str(known[attribute])) return str(known[attribute])!;
  if (type === 'aws_route53_zone') return `Z${hex(address, 20).toUpperCase()}`;
  if (type === 'aws_kms_key') return uuid(address);
  const prefix = ID_PREFIXES[type];
  if (prefix === 'sgw') return `sgw-${hex(address, 8).toUpperCase()}`;
  if (prefix === 'pl' || prefix === 'dxvif') return `${prefix}-${hex(address, 8)}`;
  if (prefix) return `${prefix}-0${hex(address, 16)}`;
  return `${type.replace(/^aws_/, '').replace(/_/g, '-')}-${hex(address, 16)}`;
}

/** An ARN that parses as an ARN of the resource's own service. */
export function placeholderArn(context: PlaceholderContext): string {
  const { type, region, known, address } = context;
  const account = PLACEHOLDER_ACCOUNT;
  const name = str(known.name) ?? `placeholder-${hex(address, 8)}`;
  switch (type) {
    case 'aws_lb':
    case 'aws_alb':
      return `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/${known.load_balancer_type === 'network' ? 'net' : known.load_balancer_type === 'gateway' ? 'gwy' : 'app'}/${name}/${hex(address, 16)}`;
    case 'aws_lb_target_group':
    case 'aws_alb_target_group':
      return `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/${name}/${hex(address, 16)}`;
    case 'aws_lb_listener':
    case 'aws_alb_listener':
      return `arn:aws:elasticloadbalancing:${region}:${account}:listener/net/placeholder/${hex(address, 16)}/${hex(`${address}/listener`, 16)}`;
    case 'aws_iam_role':
    case 'aws_iam_policy':
    case 'aws_iam_user':
    case 'aws_iam_instance_profile':
      return `arn:aws:iam::${account}:${type.replace('aws_iam_', '').replace(/_/g, '-')}/${name}`;
    case 'aws_s3_bucket':
      return `arn:aws:s3:::${str(known.bucket) ?? name}`;
    case 'aws_sns_topic':
      return `arn:aws:sns:${region}:${account}:${name}`;
    case 'aws_cloudwatch_log_group':
      return `arn:aws:logs:${region}:${account}:log-group:${name}`;
    case 'aws_kms_key':
      return `arn:aws:kms:${region}:${account}:key/${uuid(address)}`;
    case 'aws_kms_alias':
      return `arn:aws:kms:${region}:${account}:${name}`;
    case 'aws_storagegateway_gateway':
      return `arn:aws:storagegateway:${region}:${account}:gateway/sgw-${hex(address, 8).toUpperCase()}`;
    case 'aws_transfer_server':
      return `arn:aws:transfer:${region}:${account}:server/${placeholderIdOrKnown(context)}`;
    default: {
      const service = ARN_SERVICES[type] ?? (type.startsWith('aws_vpc') || type.startsWith('aws_ec2') ? 'ec2' : type.split('_')[1]);
      const kind = ARN_RESOURCE_KINDS[type] ?? type.replace(/^aws_(ec2_)?/, '').replace(/_/g, '-');
      return `arn:aws:${service}:${region}:${account}:${kind}/${placeholderIdOrKnown(context)}`;
    }
  }
}

function placeholderIdOrKnown(context: PlaceholderContext): string {
  return str(context.known.id) ?? (ID_IS_ARN.has(context.type) ? `${context.type.replace(/^aws_/, '')}-${hex(context.address, 16)}` : placeholderId(context));
}

function uuid(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A string of the right shape for an attribute known only after apply, by its name. */
export function placeholderString(context: PlaceholderContext, path: readonly (string | number)[]): string {
  const name = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
  const seed = `${context.address}.${path.join('.')}`;
  const topLevel = path.length === 1;
  if (topLevel && name === 'id') return placeholderId(context);
  if (topLevel && name === 'arn') return placeholderArn(context);
  if (name === 'service_name') return `com.amazonaws.vpce.${context.region}.vpce-svc-0${hex(seed, 16)}`;
  if (name.endsWith('_arn') || name === 'arn') return `arn:aws:${context.type.split('_')[1]}:${context.region}:${PLACEHOLDER_ACCOUNT}:${name.replace(/_arn$/, '').replace(/_/g, '-')}/${hex(seed, 16)}`;
  if (name === 'owner_id' || name === 'account_id') return PLACEHOLDER_ACCOUNT;
  const prefix = ATTRIBUTE_ID_PREFIXES[name];
  if (prefix) return prefix === 'pl' ? `pl-${hex(seed, 8)}` : `${prefix}-0${hex(seed, 16)}`;
  if (name === 'zone_id' || name === 'hosted_zone_id') return `Z${hex(seed, 20).toUpperCase()}`;
  if (name === 'ip' || name.endsWith('_ip') || name === 'ip_address') return placeholderIp(seed);
  if (name === 'cidr_block' || name.endsWith('_cidr_block')) return `10.${parseInt(hex(seed, 2), 16)}.0.0/16`;
  if (name === 'dns_name' || name.endsWith('_dns_name') || name === 'fqdn' || name === 'endpoint' || name === 'domain_name') {
    return `placeholder-${hex(seed, 12)}.${context.region}.example.amazonaws.com`;
  }
  if (name === 'state' || name === 'status') return 'available';
  if (name === 'availability_zone') return `${context.region}a`;
  if (name === 'availability_zone_id') return 'use1-az1';
  if (name.endsWith('_id')) return `${name.replace(/_id$/, '').replace(/_/g, '-')}-${hex(seed, 16)}`;
  if (name === 'name' || name.endsWith('_name') || name === 'value' || name === 'key') return `${name.replace(/_/g, '-')}-${hex(seed, 12)}`;
  // Anything else (a computed setting the configuration leaves out) is empty, as the AWS provider
  // stores an unset string: a made-up value could trip its checks (`fifo_throughput_scope` on a
  // standard topic).
  return '';
}

function placeholderIp(seed: string): string {
  const h = hex(seed, 4);
  return `10.255.${parseInt(h.slice(0, 2), 16)}.${(parseInt(h.slice(2, 4), 16) % 250) + 4}`;
}

/** What AWS reports for an optional argument the configuration leaves out: nothing. */
export function emptyValue(type: ValueType | undefined): unknown {
  switch (type?.kind) {
    case 'number':
      return 0;
    case 'bool':
      return false;
    case 'list':
    case 'set':
      return [];
    case 'map':
      return {};
    case 'object':
      return null;
    default:
      return '';
  }
}

/**
 * A placeholder of the right type for an attribute known only after apply. Collections are empty,
 * except where the configuration reads into them (`dns_entry[0].dns_name`, `private_dns_name_configuration[0]`):
 * those get one element, so the reference resolves.
 */
export function placeholderValue(type: ValueType | undefined, context: PlaceholderContext, path: readonly (string | number)[], isRead: (path: readonly (string | number)[]) => boolean): unknown {
  switch (type?.kind) {
    case undefined:
    case 'dynamic':
    case 'string':
      return placeholderString(context, path);
    case 'number':
      return 0;
    case 'bool':
      return false;
    case 'map':
      return {};
    case 'list':
    case 'set':
      return isRead(path) ? [placeholderValue(type.element, context, [...path, 0], isRead)] : [];
    case 'object':
      return Object.fromEntries(Object.entries(type.attributes).map(([name, attribute]) => [name, placeholderValue(attribute, context, [...path, name], isRead)]));
  }
}
