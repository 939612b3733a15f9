/** The ways to connect two VPCs (or a VPC and its clients) privately. */
export type PrivateConnectivityOption = 'privatelink' | 'vpc-lattice' | 'transit-gateway' | 'vpc-peering';

/** One row of the comparison: what an option offers regardless of requirements. */
export interface PrivateConnectivityProfile {
  readonly option: PrivateConnectivityOption;
  /** What builds it: constructs of this project, or a note that it is out of scope. */
  readonly constructs: string;
  /** What the two sides share. */
  readonly exposes: string;
  readonly overlappingCidrs: boolean;
  /** What traffic it carries. */
  readonly protocols: string;
  readonly carriesAnyProtocol: boolean;
  /** Who opens connections. */
  readonly direction: 'consumer-to-service' | 'both-ways';
  readonly crossRegion: boolean;
  /** How it goes across regions, or why it does not. */
  readonly crossRegionNote: string;
  /** Whether on-premises clients behind Direct Connect or VPN on one side reach the other side through it. */
  readonly directConnectEdgeRouting: boolean;
  /** Whether it reaches networks beyond the other VPC (other VPCs, VPN, on-premises). */
  readonly transitive: boolean;
  readonly acceptance: string;
  /** How it grows with consumers. */
  readonly scale: string;
  /** The main cost. */
  readonly cost: string;
}

/**
 * The comparison of the source article (VPC peering against PrivateLink, 2018), kept current and
 * completed with Transit Gateway and VPC Lattice. What changed since: PrivateLink works across
 * regions (cross-region endpoint services, with the regions the provider enables), carries IPv6
 * as well, interface endpoints take endpoint policies and tags, and VPC Lattice reaches services
 * and resources (including TCP ones) across accounts without routing.
 */
export const PRIVATE_CONNECTIVITY_OPTIONS: readonly PrivateConnectivityProfile[] = [
  {
    option: 'privatelink', constructs: 'provider `PrivateLinkService` + consumer `InterfaceEndpoint`',
    exposes: 'one service behind a Network Load Balancer, as ENIs with private IPs in the consumer VPC',
    overlappingCidrs: true, protocols: 'TCP (IPv4 and IPv6)', carriesAnyProtocol: false, direction: 'consumer-to-service',
    crossRegion: true, crossRegionNote: 'cross-region endpoint services: the provider enables the regions, the consumer sets serviceRegion',
    directConnectEdgeRouting: true, transitive: false,
    acceptance: 'the provider allows principals and accepts each endpoint (or auto-accepts)',
    scale: 'any number of consumer VPCs and accounts; each pays its own endpoint',
    cost: 'per endpoint-AZ hour + per GB processed (consumer); NLB (provider)',
  },
  {
    option: 'vpc-lattice', constructs: 'consumer `ServiceNetworkEndpoint`, `ResourceEndpoint` (the service network itself is not built here)',
    exposes: 'services (HTTP, HTTPS, gRPC, TLS) and resources (TCP) of a service network, with IAM auth policies per request',
    overlappingCidrs: true, protocols: 'HTTP/HTTPS/gRPC, TLS passthrough, TCP to resources', carriesAnyProtocol: false, direction: 'consumer-to-service',
    crossRegion: false, crossRegionNote: 'a service network and its services are regional',
    directConnectEdgeRouting: true, transitive: false,
    acceptance: 'service networks shared through AWS RAM; auth policies decide each request',
    scale: 'many services and many consumer VPCs per service network',
    cost: 'per service hour + per GB + per request; per resource-configuration hour and GB',
  },
  {
    option: 'transit-gateway', constructs: 'not built here (network teams own the hub)',
    exposes: 'whole networks, routed through a regional hub (route tables decide who reaches whom)',
    overlappingCidrs: false, protocols: 'any IP protocol (IPv4 and IPv6)', carriesAnyProtocol: true, direction: 'both-ways',
    crossRegion: true, crossRegionNote: 'transit gateway peering between regions',
    directConnectEdgeRouting: true, transitive: true,
    acceptance: 'attachments shared through AWS RAM and accepted by the hub owner',
    scale: 'thousands of attachments per hub',
    cost: 'per attachment hour + per GB processed',
  },
  {
    option: 'vpc-peering', constructs: 'not built here',
    exposes: 'both whole VPCs; routes, network ACLs and security groups narrow it',
    overlappingCidrs: false, protocols: 'any IP protocol (IPv4 and IPv6)', carriesAnyProtocol: true, direction: 'both-ways',
    crossRegion: true, crossRegionNote: 'inter-region peering',
    directConnectEdgeRouting: false, transitive: false,
    acceptance: 'the accepter VPC owner accepts the request',
    scale: 'one connection per pair of VPCs; 50 active per VPC by default, 125 at most',
    cost: 'no hourly charge; data transfer across zones and regions',
  },
];

export interface PrivateConnectivityRequirements {
  /** The VPCs' CIDR blocks overlap, or may (other companies choose their own addresses). */
  readonly overlappingCidrs: boolean;
  /** 'tcp' when clients only open TCP connections to the service; 'any' for UDP, ICMP and the rest. */
  readonly protocol: 'tcp' | 'any';
  /** Who opens connections: clients to one service, or both sides. @default 'consumer-to-service' */
  readonly direction?: 'consumer-to-service' | 'both-ways';
  /** The two sides are in different regions. @default false */
  readonly crossRegion?: boolean;
  /** On-premises clients reach the other side through one side's Direct Connect or VPN (edge-to-edge). @default false */
  readonly directConnectEdgeRouting?: boolean;
  /** Clients must reach networks beyond the other VPC (its peers, its VPN, its data centre). @default false */
  readonly transitiveReach?: boolean;
  /** How many consumer VPCs connect (now or soon). */
  readonly consumers: number;
  /** Who owns the consumer VPCs: your own accounts, or other companies (customers, partners). */
  readonly consumerOwnership: 'same-organization' | 'other-companies';
  /** The service speaks HTTP, HTTPS or gRPC and wants per-request routing or IAM auth. @default false */
  readonly http?: boolean;
}

export interface PrivateConnectivityRecommendation extends PrivateConnectivityProfile {
  /** 1 is the best fit; options that cannot work come last. */
  readonly rank: number;
  /** False when a requirement rules the option out (see `blockers`). */
  readonly fits: boolean;
  /** Higher is better. */
  readonly score: number;
  /** Why it fits, or what speaks against it. */
  readonly reasons: readonly string[];
  /** The requirements it cannot meet. */
  readonly blockers: readonly string[];
}

/**
 * Ranks PrivateLink, VPC Lattice, Transit Gateway and VPC peering for the requirements, best
 * first, each with reasons and the requirements that rule it out, as the source article weighs
 * PrivateLink against peering (overlapping CIDRs, edge-to-edge routing over Direct Connect,
 * direction, protocol) and as current AWS features allow. Pure: same requirements, same answer.
 */
export function choosePrivateConnectivity(requirements: PrivateConnectivityRequirements): PrivateConnectivityRecommendation[] {
  const problems = requirementProblems(requirements);
  if (problems.length > 0) throw new Error(`choosePrivateConnectivity: ${problems.join('; ')}`);
  // Only 'both-ways' matters: a missing direction is 'consumer-to-service'.
  const bothWays = requirements.direction === 'both-ways';
  const external = requirements.consumerOwnership === 'other-companies';
  const many = requirements.consumers > 10;
  const scored = PRIVATE_CONNECTIVITY_OPTIONS.map((profile) => {
    const reasons: string[] = [];
    const blockers: string[] = [];
    let score = 50;
    if (requirements.overlappingCidrs) {
      if (profile.overlappingCidrs) {
        score += 10;
        reasons.push('works with overlapping CIDR blocks: consumers reach private IPs in their own VPC');
      } else blockers.push('overlapping CIDR blocks cannot be routed between the VPCs');
    }
    if (requirements.protocol === 'any' && !profile.carriesAnyProtocol) blockers.push(`carries ${profile.protocols} only, not any protocol`);
    if (bothWays && profile.direction === 'consumer-to-service') blockers.push('only the consumer side opens connections; the service cannot call back');
    if (requirements.crossRegion) {
      if (profile.crossRegion) reasons.push(`across regions: ${profile.crossRegionNote}`);
      else blockers.push(`not across regions: ${profile.crossRegionNote}`);
    }
    if (requirements.directConnectEdgeRouting) {
      if (profile.directConnectEdgeRouting) reasons.push('on-premises clients over Direct Connect or VPN reach it');
      else blockers.push('no edge-to-edge routing: traffic from Direct Connect or VPN on one side never crosses to the other');
    }
    if (requirements.transitiveReach && !profile.transitive) blockers.push('not transitive: it reaches the other side only, not the networks behind it');
    switch (profile.option) {
      case 'privatelink':
        if (external) {
          score += 20;
          reasons.push('exposes one service, never your network: the usual way to offer a service to other companies (allowed principals, acceptance)');
        }
        if (!requirements.http) score += 5;
        break;
      case 'vpc-lattice':
        if (requirements.http) {
          score += 15;
          reasons.push('HTTP-aware: per-request routing and IAM auth policies');
        }
        if (external) {
          score -= 10;
          reasons.push('shared through AWS RAM into service networks: more natural inside one organization than with customers');
        }
        break;
      case 'transit-gateway':
        if (requirements.transitiveReach || requirements.protocol === 'any' || bothWays) {
          score += 10;
          reasons.push('routes whole networks, any protocol, both ways, through one hub');
        }
        if (many) {
          score += 10;
          reasons.push(`one attachment per VPC instead of a mesh of ${requirements.consumers} peering connections`);
        }
        if (external) {
          score -= 25;
          reasons.push("opens routes between your network and other companies' networks: narrow them with hub route tables");
        }
        break;
      case 'vpc-peering':
        reasons.push('no hourly charge and no extra hop');
        if (requirements.consumers > 125) blockers.push(`${requirements.consumers} consumers exceed the 125 active peering connections a VPC can have`);
        else if (many) {
          score -= 15;
          reasons.push(`${requirements.consumers} peering connections, each with its own routes: consider a hub`);
        }
        if (external) {
          score -= 25;
          reasons.push('joins whole VPCs with other companies: every route, network ACL and security group must hold the line');
        }
        break;
    }
    reasons.push(`cost: ${profile.cost}`);
    return { ...profile, score, reasons, blockers, fits: blockers.length === 0 };
  });
  // Array.prototype.sort is stable, so ties keep the order of PRIVATE_CONNECTIVITY_OPTIONS.
  return scored
    .sort((a, b) => Number(b.fits) - Number(a.fits) || b.score - a.score)
    .map((recommendation, index) => ({ ...recommendation, rank: index + 1 }));
}

/** Untyped callers get one message naming every bad requirement. */
function requirementProblems(requirements: PrivateConnectivityRequirements): string[] {
  if (typeof requirements !== 'object' || requirements === null) return ['give the requirements object'];
  const problems: string[] = [];
  const oneOf = (field: keyof PrivateConnectivityRequirements, allowed: readonly unknown[], required: boolean) => {
    const value = requirements[field];
    if (value === undefined ? required : !allowed.includes(value)) problems.push(`'${field}' is ${JSON.stringify(value)}; use ${allowed.map((a) => JSON.stringify(a)).join(' or ')}`);
  };
  oneOf('overlappingCidrs', [true, false], true);
  oneOf('protocol', ['tcp', 'any'], true);
  oneOf('consumerOwnership', ['same-organization', 'other-companies'], true);
  oneOf('direction', ['consumer-to-service', 'both-ways'], false);
  for (const field of ['crossRegion', 'directConnectEdgeRouting', 'transitiveReach', 'http'] as const) oneOf(field, [true, false], false);
  if (!Number.isInteger(requirements.consumers) || requirements.consumers < 1) problems.push(`'consumers' is ${JSON.stringify(requirements.consumers)}; give the number of consumer VPCs, 1 or more`);
  return problems;
}
