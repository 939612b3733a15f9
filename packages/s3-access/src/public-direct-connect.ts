import { DxPublicVirtualInterface } from '@cdktf/provider-aws/lib/dx-public-virtual-interface';
import {
  applyConstructContract,
  cidrsOverlap,
  configError,
  describeOpenCidrs,
  formatValue,
  isUnresolved,
  type MetaArguments,
  openCidrs,
  parseCidr,
  type ParsedCidr,
  requireCidr,
  requireInteger,
  requireNonEmpty,
  requirePreventDestroy,
  requireResourceId,
  requireString,
  requireUnique,
  terraformLiteral,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';

// Direct Connect virtual interface names: 1-100 letters, digits, spaces and ._:/=+@-.
const NAME = /^[A-Za-z0-9 ._:/=+@-]{1,100}$/;
/** Address ranges that cannot be advertised on a public virtual interface (a prefix that contains one of them is refused too). */
const NON_PUBLIC = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '0.0.0.0/8', '224.0.0.0/4', '240.0.0.0/4'];

export interface PublicDirectConnectProps extends MetaArguments {
  /** The virtual interface's name. */
  readonly name: string;
  /** An existing Direct Connect connection or LAG (`dxcon-...`, `dxlag-...`). */
  readonly connectionId: string;
  /** The 802.1Q VLAN ID agreed with your Direct Connect partner (1-4094). */
  readonly vlan: number;
  /** Your router's BGP ASN (public ASN, or a private one that AWS strips; 1-4294967294). */
  readonly bgpAsn: number;
  /**
   * The /30 or /31 point-to-point peering addresses, both public: your own, or ones AWS assigns
   * (request them in the console, then write them here).
   */
  readonly amazonAddress: string;
  readonly customerAddress: string;
  /**
   * The public prefixes you own and advertise to AWS: the addresses your routers NAT the
   * on-premises clients to. AWS verifies ownership before the interface comes up.
   */
  readonly routeFilterPrefixes: readonly string[];
  /** The BGP MD5 key (sensitive; pass a TerraformVariable). @default - AWS generates one */
  readonly bgpAuthKey?: string;
  /**
   * `lifecycle { prevent_destroy }` on the virtual interface on-premises traffic takes. An
   * explicit `false` in production is recorded as an acknowledgement of PL-PROD-2.
   * @default - true in production, false elsewhere
   */
  readonly preventDestroy?: boolean;
}

/**
 * A public virtual interface on an existing AWS Direct Connect connection: AWS advertises the
 * public prefixes of every AWS service (S3 included) to your router over BGP, and your traffic
 * reaches the public S3 endpoints over the dedicated line instead of the internet. No VPC and no
 * endpoint are involved, and it affects your whole network's routing.
 *
 * BGP: your router peers with `amazonAddress` from `customerAddress` with `bgpAsn`; filter what
 * AWS advertises (BGP communities 7224:8100 for the local region, 7224:8200 for the continent)
 * so that only S3's prefixes, not all of AWS, prefer the line. NAT: the traffic uses public
 * addresses, so your routers must source-NAT on-premises clients to public addresses you own (or
 * AWS assigned) and advertise them in `routeFilterPrefixes`.
 *
 * Managed by AWS (the interface), not by you (the routers). Costs the port hours of the
 * connection and data transfer out; heavy to set up just for S3: prefer an interface endpoint over
 * a private virtual interface unless you need many public AWS services.
 */
export class PublicDirectConnect extends Construct {
  public readonly virtualInterfaceId: string;
  public readonly virtualInterfaceArn: string;

  constructor(scope: Construct, id: string, props: PublicDirectConnectProps) {
    super(scope, id);
    const { dependsOn } = applyConstructContract(this, props);
    requireString(this, 'name', props.name, "give the interface a name, for example 'onprem-s3-public'");
    if (!isUnresolved(props.name) && !NAME.test(props.name)) configError(this, 'name', `is ${formatValue(props.name)}`, 'use 1-100 letters, digits, spaces and ._:/=+@-');
    requireResourceId(this, 'connectionId', props.connectionId, 'directConnectConnection');
    requireInteger(this, 'vlan', props.vlan, { min: 1, max: 4094, unit: '(the VLAN ID your Direct Connect partner assigned)' });
    requireInteger(this, 'bgpAsn', props.bgpAsn, { min: 1, max: 4294967294, unit: "(your router's ASN)" });
    requirePeeringPair(this, props.amazonAddress, props.customerAddress);
    const prefixes = requireNonEmpty(this, 'routeFilterPrefixes', props.routeFilterPrefixes, 'list the public prefixes your routers NAT clients to, for example ["203.0.113.0/28"]');
    prefixes.forEach((prefix) => requireCidr(this, 'routeFilterPrefixes', prefix, { family: 'ipv4' }));
    requireUnique(this, 'routeFilterPrefixes', prefixes, 'list each prefix once');
    // Advertising the whole internet (in any spelling) would draw every destination onto the line.
    const open = openCidrs(prefixes);
    if (open) configError(this, 'routeFilterPrefixes', `includes ${describeOpenCidrs(open)}`, 'list only the public prefixes you own that your routers NAT clients to, for example ["203.0.113.0/28"]');
    for (const prefix of prefixes) {
      if (!isUnresolved(prefix) && NON_PUBLIC.some((range) => cidrsOverlap(range, prefix))) {
        configError(this, 'routeFilterPrefixes', `has ${formatValue(prefix)}, which is or contains a non-public range`, 'a public virtual interface carries public addresses only: NAT your clients to public addresses you own and list those');
      }
    }
    if (props.bgpAuthKey !== undefined) requireString(this, 'bgpAuthKey', props.bgpAuthKey, 'pass a sensitive TerraformVariable', { nonEmpty: true });
    const preventDestroy = requirePreventDestroy(this, 'preventDestroy', props.preventDestroy, 'the public virtual interface');
    const vif = new DxPublicVirtualInterface(this, 'VirtualInterface', {
      name: props.name,
      connectionId: props.connectionId,
      vlan: props.vlan,
      bgpAsn: props.bgpAsn,
      addressFamily: 'ipv4',
      amazonAddress: props.amazonAddress,
      customerAddress: props.customerAddress,
      routeFilterPrefixes: prefixes,
      bgpAuthKey: props.bgpAuthKey === undefined ? undefined : terraformLiteral(props.bgpAuthKey),
      dependsOn,
      lifecycle: preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.virtualInterfaceId = vif.id;
    this.virtualInterfaceArn = vif.arn;
  }
}


/** Peering addresses are `address/prefix`, /30 or /31, in the same subnet and different. */
function requirePeeringPair(scope: Construct, amazonAddress: string, customerAddress: string): void {
  requireString(scope, 'amazonAddress', amazonAddress, 'give the peering address with its prefix, for example 203.0.113.1/30');
  requireString(scope, 'customerAddress', customerAddress, 'give the peering address with its prefix, for example 203.0.113.2/30');
  if (isUnresolved(amazonAddress) || isUnresolved(customerAddress)) return;
  const parsed = (field: string, value: string): ParsedCidr => {
    const cidr = parseCidr(value);
    if (!cidr || cidr.family !== 'ipv4' || (cidr.prefixLength !== 30 && cidr.prefixLength !== 31)) configError(scope, field, `is ${formatValue(value)}`, 'give the peering address with its prefix, /30 or /31, for example 203.0.113.1/30');
    return cidr;
  };
  const amazon = parsed('amazonAddress', amazonAddress);
  const customer = parsed('customerAddress', customerAddress);
  if (amazon.first !== customer.first || amazon.prefixLength !== customer.prefixLength || amazonAddress === customerAddress) {
    configError(scope, 'customerAddress', `is ${formatValue(customerAddress)}, not the other end of ${formatValue(amazonAddress)}`, 'the two peering addresses are different addresses of one /30 or /31');
  }
}
