import { FILE_GATEWAY_MONTHLY_COST_USD } from './file-gateway';

/** The protocol the clients speak to reach their files. */
export type ClientProtocol =
  /** The S3 API over HTTPS: AWS CLI, SDKs, S3-compatible tools. */
  | 's3-api'
  | 'sftp'
  | 'smb'
  | 'nfs'
  /** Anything else (FTP, a proprietary protocol): files land on a host first. */
  | 'any';

/** The client protocols, for untyped callers. */
export const CLIENT_PROTOCOLS: readonly ClientProtocol[] = ['s3-api', 'sftp', 'smb', 'nfs', 'any'];

/** The architectures this package builds, each a construct. */
export type S3AccessArchitecture =
  | 's3-interface-endpoint'
  | 's3-gateway-endpoint'
  | 'transfer-sftp'
  | 'https-proxy'
  | 'file-gateway'
  | 'sync-host'
  | 'public-direct-connect'
  | 'client-vpn'
  | 'software-vpn';

/** One row of the comparison: what an architecture offers regardless of requirements. */
export interface S3AccessArchitectureProfile {
  readonly architecture: S3AccessArchitecture;
  /** The construct that builds it. */
  readonly construct: string;
  /** What clients speak, as the comparison table writes it. */
  readonly protocol: string;
  readonly protocols: readonly ClientProtocol[];
  readonly management: 'fully managed' | 'self-managed';
  /** The main cost. */
  readonly cost: string;
  /** The practitioners' rating (1-5) in the published comparison; `undefined` where it gives none. */
  readonly rating?: number;
  /** Where the clients must be. */
  readonly clients: 'on-premises' | 'vpc' | 'both';
  /** True when the S3 interface endpoint now does the job better for S3 API clients. */
  readonly supersededByInterfaceEndpoint: boolean;
  readonly notes: string;
}

/**
 * The comparison of private paths to S3 that practitioners publish (seven on-premises
 * architectures, rated), completed with the two VPC endpoint types. Since S3 gained interface
 * endpoints (PrivateLink), S3 API clients on premises reach S3 through one over Direct Connect
 * or VPN, which makes the proxy, the public virtual interface and the software VPN workarounds.
 */
export const S3_ACCESS_ARCHITECTURES: readonly S3AccessArchitectureProfile[] = [
  {
    architecture: 's3-interface-endpoint', construct: 'S3InterfaceEndpoint', protocol: 'HTTPS (AWS CLI, SDK)', protocols: ['s3-api'],
    management: 'fully managed', cost: 'hourly per Availability Zone plus per GB processed, and the Resolver inbound endpoint per ENI-hour', rating: 5,
    clients: 'both', supersededByInterfaceEndpoint: false,
    notes: 'The default for on-premises S3 API clients over Direct Connect or VPN: private IPs, security group, endpoint policy, private DNS through a Resolver inbound endpoint.',
  },
  {
    architecture: 's3-gateway-endpoint', construct: 'S3GatewayEndpoint', protocol: 'HTTPS (AWS CLI, SDK)', protocols: ['s3-api'],
    management: 'fully managed', cost: 'free', rating: 5, clients: 'vpc', supersededByInterfaceEndpoint: false,
    notes: 'For clients inside the VPC only: route tables send S3 traffic to it; on-premises traffic never uses it unless it is proxied or translated in the VPC.',
  },
  {
    architecture: 'transfer-sftp', construct: 'SftpServer', protocol: 'SFTP', protocols: ['sftp'],
    management: 'fully managed', cost: 'hourly per enabled protocol plus per GB uploaded and downloaded', rating: 5, clients: 'both', supersededByInterfaceEndpoint: false,
    notes: 'Simple, fully managed, and the endpoint security group filters source addresses: the choice whenever clients can only speak SFTP; costly at very large volume.',
  },
  {
    architecture: 'https-proxy', construct: 'HttpsProxy', protocol: 'HTTPS (AWS CLI, SDK)', protocols: ['s3-api'],
    management: 'self-managed', cost: 'the EC2 instance', rating: 3, clients: 'on-premises', supersededByInterfaceEndpoint: true,
    notes: 'Makes on-premises requests VPC requests so the gateway endpoint applies; role assumption needs STS (interface endpoint) or IAM over the internet.',
  },
  {
    architecture: 'file-gateway', construct: 'FileGateway', protocol: 'SMB v2/v3, NFS v3/v4.1', protocols: ['smb', 'nfs'],
    management: 'self-managed',
    cost: `about ${FILE_GATEWAY_MONTHLY_COST_USD.gp3} USD/month in Tokyo for c5.4xlarge and 592 GiB gp3 (about ${FILE_GATEWAY_MONTHLY_COST_USD.io1.toLocaleString('en-US')} with io1), plus S3`,
    rating: 2, clients: 'both', supersededByInterfaceEndpoint: false,
    notes: 'File-server protocols on top of S3, with a local cache; needs 4 vCPUs at least and sizing for throughput: for large-scale use.',
  },
  {
    architecture: 'sync-host', construct: 'SyncHost', protocol: 'any', protocols: ['any', 'sftp', 'smb', 'nfs'],
    management: 'self-managed', cost: 'the EC2 instance and its volumes', rating: 4, clients: 'on-premises', supersededByInterfaceEndpoint: false,
    notes: 'Any protocol you install on the host, pushed one way to S3 on a timer: not real time and nothing flows back; for rare transfers a copy to a host and a CLI push is enough.',
  },
  {
    architecture: 'public-direct-connect', construct: 'PublicDirectConnect', protocol: 'HTTPS (AWS CLI, SDK)', protocols: ['s3-api'],
    management: 'fully managed', cost: 'Direct Connect port hours and data transfer out, on a connection you already have', clients: 'on-premises', supersededByInterfaceEndpoint: true,
    notes: 'Reaches every public AWS endpoint over the line; needs public addresses, NAT and BGP filtering on your routers: too heavy for S3 alone.',
  },
  {
    architecture: 'client-vpn', construct: 'ClientVpn', protocol: 'HTTPS (AWS CLI, SDK)', protocols: ['s3-api', 'sftp'],
    management: 'fully managed', cost: 'hourly per associated subnet plus per connected client', rating: 3, clients: 'on-premises', supersededByInterfaceEndpoint: false,
    notes: 'For people rather than servers: their traffic enters the VPC through the endpoint and uses its S3 endpoints; no proxy needed. Combine with SFTP or the interface endpoint.',
  },
  {
    architecture: 'software-vpn', construct: 'SoftwareVpn', protocol: 'HTTPS (AWS CLI, SDK), SFTP', protocols: ['s3-api', 'sftp'],
    management: 'self-managed', cost: 'the EC2 instance', rating: 3, clients: 'on-premises', supersededByInterfaceEndpoint: true,
    notes: 'A variant of the proxy: a VPN instance source-NATs clients so the gateway endpoint applies.',
  },
];

export interface S3AccessRequirements {
  readonly protocol: ClientProtocol;
  /** @default 'on-premises' */
  readonly clientLocation?: 'on-premises' | 'vpc';
  /** A Direct Connect connection to AWS exists. */
  readonly directConnect: boolean;
  /** A Site-to-Site VPN to the VPC exists. @default false */
  readonly siteToSiteVpn?: boolean;
  /** Only fully managed architectures are acceptable. @default false */
  readonly managedOnly?: boolean;
  /** 'large' for sustained high volume (hundreds of GB a day). @default 'small' */
  readonly scale?: 'small' | 'large';
  /** 'people' for individuals on laptops rather than servers. @default 'applications' */
  readonly clients?: 'applications' | 'people';
}

export interface S3AccessRecommendation extends S3AccessArchitectureProfile {
  /** 1 is the best fit. */
  readonly rank: number;
  /** Higher is better; the rating adjusted for the requirements. */
  readonly score: number;
  /** Why it fits, or what speaks against it. */
  readonly reasons: readonly string[];
  /** What must exist before it works. */
  readonly prerequisites: readonly string[];
}

/**
 * Ranks the architectures that fit the requirements, best first, with reasons. Architectures
 * that cannot carry the clients' protocol, or are self-managed when only managed ones are
 * acceptable, are left out; when that leaves none, it throws and says why. Pure: same
 * requirements, same answer.
 */
export function chooseS3Access(requirements: S3AccessRequirements): S3AccessRecommendation[] {
  requireRequirements(requirements);
  const location = requirements.clientLocation ?? 'on-premises';
  const privatePath = requirements.directConnect || requirements.siteToSiteVpn === true;
  const large = requirements.scale === 'large';
  const people = requirements.clients === 'people';
  const speaking = S3_ACCESS_ARCHITECTURES.filter((a) => a.protocols.includes(requirements.protocol) && (a.clients === 'both' || a.clients === location));
  const candidates = speaking.filter((a) => !(requirements.managedOnly && a.management === 'self-managed'));
  if (candidates.length === 0) {
    // managedOnly is the only filter that can empty the list: every protocol has a self-managed option.
    throw new Error(
      `chooseS3Access: no fully managed architecture serves '${requirements.protocol}' clients ${location === 'vpc' ? 'in the VPC' : 'on premises'}; ` +
        `the ones that do are self-managed (${speaking.map((a) => a.construct).join(', ')}): drop managedOnly, or change the clients' protocol (for example to SFTP, which Transfer Family serves fully managed)`,
    );
  }
  const scored = candidates.map((profile) => {
    let score = (profile.rating ?? 1) * 10;
    const reasons: string[] = [`speaks ${profile.protocol}; ${profile.management}; cost: ${profile.cost}`];
    const prerequisites: string[] = [];
    const needsPath = location === 'on-premises' && !['client-vpn', 'public-direct-connect'].includes(profile.architecture);
    if (needsPath) {
      prerequisites.push('Direct Connect (private virtual interface) or Site-to-Site VPN to the VPC');
      if (!privatePath) {
        score -= 40;
        reasons.push('no private path to the VPC exists yet: set up Direct Connect or a Site-to-Site VPN first');
      }
    }
    switch (profile.architecture) {
      case 's3-interface-endpoint':
        if (location === 'on-premises') {
          score += 5;
          reasons.push('supersedes the proxy, public virtual interface and software VPN workarounds for S3 API clients on premises');
        } else {
          score -= 15;
          reasons.push('inside the VPC the free gateway endpoint does the same; use the interface endpoint only for other VPCs or on premises');
        }
        break;
      case 's3-gateway-endpoint':
        score += 5;
        reasons.push('free, and clients in the VPC use it without configuration');
        break;
      case 'transfer-sftp':
        if (large) {
          score -= 5;
          reasons.push('per-GB charges grow with volume; compare with a File Gateway or a sync host at this scale');
        } else reasons.push('the simplest private SFTP: no servers to run');
        break;
      case 'file-gateway':
        if (large) {
          score += 15;
          reasons.push('built for large volumes: local cache, sized for about 125 MiB/s writes');
        } else reasons.push('a large instance for small volumes: consider a sync host or SFTP if clients allow');
        break;
      case 'sync-host':
        if (requirements.protocol === 'any') {
          score += 10;
          reasons.push('the only architecture that accepts any protocol: install its server on the host');
        } else {
          // It only uploads on a timer: a purpose-built option serves this protocol in both directions, in real time.
          score -= 30;
          reasons.push(`possible by running a ${requirements.protocol.toUpperCase()} server on the host, but it only uploads on a timer and a purpose-built option (${purposeBuilt(requirements.protocol)}) exists`);
        }
        break;
      case 'public-direct-connect':
        if (!requirements.directConnect) {
          score -= 40;
          prerequisites.push('a Direct Connect connection');
          reasons.push('needs a Direct Connect connection, which does not exist');
        }
        prerequisites.push('public addresses, NAT and BGP route filtering on your routers');
        break;
      case 'client-vpn':
        if (people) {
          score += 15;
          reasons.push('made for individual users: each connects with a certificate or single sign-on');
        } else {
          score -= 10;
          reasons.push('connects people, not servers: servers need a network-level path');
        }
        break;
    }
    if (profile.supersededByInterfaceEndpoint) {
      score -= 15;
      reasons.push('superseded by the S3 interface endpoint, which reaches S3 privately without a host or public addresses');
    }
    return { ...profile, score, reasons, prerequisites };
  });
  // Array.prototype.sort is stable and the candidates keep the table's order, so ties stay in the table's order.
  return scored
    .sort((a, b) => b.score - a.score)
    .map((recommendation, index) => ({ ...recommendation, rank: index + 1 }));
}

function purposeBuilt(protocol: ClientProtocol): string {
  return S3_ACCESS_ARCHITECTURES.filter((a) => a.architecture !== 'sync-host' && a.protocols.includes(protocol)).map((a) => a.construct).join(', ');
}

/** Plain errors, as there is no construct: the requirements come from untyped callers and config files too. */
function requireRequirements(requirements: S3AccessRequirements): void {
  if (typeof requirements !== 'object' || requirements === null) throw new Error("chooseS3Access: 'requirements' is missing; give { protocol: 's3-api', directConnect: true }");
  const oneOf = (field: keyof S3AccessRequirements, allowed: readonly unknown[], optional: boolean) => {
    const value = requirements[field];
    if ((value === undefined && optional) || allowed.includes(value)) return;
    throw new Error(`chooseS3Access: '${field}' is ${value === undefined ? 'missing' : JSON.stringify(value)}; use one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  };
  oneOf('protocol', CLIENT_PROTOCOLS, false);
  oneOf('directConnect', [true, false], false);
  oneOf('clientLocation', ['on-premises', 'vpc'], true);
  oneOf('siteToSiteVpn', [true, false], true);
  oneOf('managedOnly', [true, false], true);
  oneOf('scale', ['small', 'large'], true);
  oneOf('clients', ['applications', 'people'], true);
}
