import { DxPublicVirtualInterface } from '@cdktf/provider-aws/lib/dx-public-virtual-interface';
import {
  cidrContains,
  configError,
  formatValue,
  isUnresolved,
  parseCidr,
  type ParsedCidr,
  requireCidr,
  requireNonEmpty,
  requireUnique,
  useProvider,
} from '@privatelink-cdktf/core';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';

const CONNECTION_ID = /^(dxcon|dxlag)-[0-9a-z]{8,}$/;
const NAME = /^[A-Za-z0-9 ._:/=+@-]{1,100}$/;
/** Address ranges that cannot be advertised on a public virtual interface. */
const NON_PUBLIC = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '0.0.0.0/8', '224.0.0.0/4', '240.0.0.0/4'];

export interface PublicDirectConnectProps {
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
  /** @default - the default provider */
  readonly provider?: TerraformProvider;
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
    useProvider(this, props.provider);
    if (!NAME.test(props.name)) configError(this, 'name', `is ${formatValue(props.name)}`, 'use 1-100 letters, digits, spaces and ._:/=+@-');
    if (!isUnresolved(props.connectionId) && !CONNECTION_ID.test(props.connectionId)) {
      configError(this, 'connectionId', `is ${formatValue(props.connectionId)}, which is not a Direct Connect connection ID`, 'use the ID of your connection or LAG, for example dxcon-fg5678gh');
    }
    if (!isUnresolved(props.vlan) && (!Number.isInteger(props.vlan) || props.vlan < 1 || props.vlan > 4094)) {
      configError(this, 'vlan', `is ${formatValue(props.vlan)}`, 'use the VLAN ID from 1 to 4094 your Direct Connect partner assigned');
    }
    if (!isUnresolved(props.bgpAsn) && (!Number.isInteger(props.bgpAsn) || props.bgpAsn < 1 || props.bgpAsn > 4294967294)) {
      configError(this, 'bgpAsn', `is ${formatValue(props.bgpAsn)}`, 'use your router\'s ASN, from 1 to 4294967294');
    }
    requirePeeringPair(this, props.amazonAddress, props.customerAddress);
    const prefixes = requireNonEmpty(this, 'routeFilterPrefixes', props.routeFilterPrefixes, 'list the public prefixes your routers NAT clients to, for example ["203.0.113.0/28"]');
    requireUnique(this, 'routeFilterPrefixes', prefixes, 'list each prefix once');
    for (const prefix of prefixes) {
      requireCidr(this, 'routeFilterPrefixes', prefix);
      if (!isUnresolved(prefix) && NON_PUBLIC.some((range) => cidrContains(range, prefix))) {
        configError(this, 'routeFilterPrefixes', `has ${formatValue(prefix)}, which is not a public prefix`, 'a public virtual interface carries public addresses only: NAT your clients to public addresses you own and list those');
      }
    }
    const vif = new DxPublicVirtualInterface(this, 'VirtualInterface', {
      name: props.name,
      connectionId: props.connectionId,
      vlan: props.vlan,
      bgpAsn: props.bgpAsn,
      addressFamily: 'ipv4',
      amazonAddress: props.amazonAddress,
      customerAddress: props.customerAddress,
      routeFilterPrefixes: prefixes,
      bgpAuthKey: props.bgpAuthKey,
    });
    this.virtualInterfaceId = vif.id;
    this.virtualInterfaceArn = vif.arn;
  }
}


/** Peering addresses are `address/prefix`, /30 or /31, in the same subnet and different. */
function requirePeeringPair(scope: Construct, amazonAddress: string, customerAddress: string): void {
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
