import { Ec2NetworkInsightsAnalysis } from '@cdktf/provider-aws/lib/ec2-network-insights-analysis';
import { Ec2NetworkInsightsPath } from '@cdktf/provider-aws/lib/ec2-network-insights-path';
import { type IResolvable } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import { requireArn } from './aws/arn';
import { isIpAddress } from './aws/cidr';
import { configError, formatValue } from './config-error';
import { applyConstructContract, type MetaArguments } from './meta-arguments';
import { nameTags } from './tags';
import { isUnresolved, requireOneOf, requirePort } from './validate';

export interface ReachabilityAnalysisProps extends MetaArguments {
  /** Names the path and the analysis (Name tag), for example `tenant-consumer-prod-saas`. */
  readonly name: string;
  /**
   * Where the traffic starts: the ID or ARN of an instance (`i-`), network interface (`eni-`),
   * VPC endpoint (`vpce-`), internet gateway, transit gateway (attachment), peering connection
   * or VPN gateway. A consumer's workload instance or ENI, for example.
   */
  readonly source: string;
  /**
   * Where it should arrive: the ID or ARN of a resource of the same kinds, or of a VPC endpoint
   * service (`vpce-svc-`). An interface endpoint, for example.
   * @default - none; give destinationIp instead
   */
  readonly destination?: string;
  /** The destination address (IPv4): a target's IP behind a load balancer, or one address of `destination`. @default - any address of the destination */
  readonly destinationIp?: string;
  /** The service port, for example 443. @default - any port */
  readonly destinationPort?: number;
  /** @default 'tcp' */
  readonly protocol?: 'tcp' | 'udp';
  /** The source address (IPv4), when the source has several. @default - any address of the source */
  readonly sourceIp?: string;
  /**
   * Components the path must pass through (`filter_in_arns`), for example a Network Load
   * Balancer's ARN to prove the path from a client through the NLB to its target.
   * @default [] - the shortest path
   */
  readonly throughArns?: readonly string[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

// Reachability Analyzer sources and destinations, by ID prefix (ARNs are accepted as well).
const RESOURCE_ID = /^(i|eni|vpce|vpce-svc|igw|tgw|tgw-attach|pcx|vgw)-[0-9a-f]{8,17}$/;

/**
 * Proof of connectivity after apply: a Reachability Analyzer path from a source (a consumer's
 * ENI or instance) to a destination (the endpoint, or a load balancer's target), and an analysis
 * that runs once when it is created. `pathFound` is true when the configuration lets the traffic
 * through; expose it as an output and read it after apply. It checks routes, security groups,
 * network ACLs and load balancers without sending a packet; each analysis is billed, and a new
 * one runs only when the analysis is replaced (`terraform apply -replace=<address>`).
 */
export class ReachabilityAnalysis extends Construct {
  public readonly pathId: string;
  public readonly analysisId: string;
  public readonly analysisArn: string;
  /** True when the path is reachable; known after apply. */
  public readonly pathFound: IResolvable;
  /** `running`, `succeeded` or `failed` (the analysis itself, not the path). */
  public readonly status: string;
  /** Why the path is blocked, when it is (explanation codes such as `ENI_SG_RULES_MISMATCH`). */
  public readonly explanations: Ec2NetworkInsightsAnalysis['explanations'];

  constructor(scope: Construct, id: string, props: ReachabilityAnalysisProps) {
    super(scope, id);
    const { dependsOn } = applyConstructContract(this, props);
    if (typeof props.name !== 'string' || props.name === '') configError(this, 'name', `is ${formatValue(props.name)}`, 'give a name such as tenant-consumer-prod-saas');
    requireReachabilityEndpoint(this, 'source', props.source);
    if (props.destination === undefined && props.destinationIp === undefined) {
      configError(this, 'destination', 'is missing', 'give the destination ID (for example the endpoint, vpce-...) or a destinationIp');
    }
    if (props.destination !== undefined) requireReachabilityEndpoint(this, 'destination', props.destination, true);
    for (const field of ['sourceIp', 'destinationIp'] as const) {
      const ip = props[field];
      if (ip !== undefined && !isUnresolved(ip) && !isIpAddress(ip, 'ipv4')) configError(this, field, `is ${formatValue(ip)}`, 'give one IPv4 address, for example 10.0.0.10');
    }
    if (props.destinationPort !== undefined) requirePort(this, 'destinationPort', props.destinationPort);
    const protocol = requireOneOf(this, 'protocol', props.protocol ?? 'tcp', ['tcp', 'udp']);
    const throughArns = props.throughArns ?? [];
    throughArns.forEach((arn) => requireArn(this, 'throughArns', arn));

    const tags = nameTags(props.name, props.tags);
    const path = new Ec2NetworkInsightsPath(this, 'Path', {
      source: props.source,
      destination: props.destination,
      sourceIp: props.sourceIp,
      destinationIp: props.destinationIp,
      destinationPort: props.destinationPort,
      protocol,
      tags,
      dependsOn,
    });
    const analysis = new Ec2NetworkInsightsAnalysis(this, 'Analysis', {
      networkInsightsPathId: path.id,
      filterInArns: throughArns.length > 0 ? [...throughArns] : undefined,
      waitForCompletion: true,
      tags,
    });
    this.pathId = path.id;
    this.analysisId = analysis.id;
    this.analysisArn = analysis.arn;
    this.pathFound = analysis.pathFound;
    this.status = analysis.status;
    this.explanations = analysis.explanations;
  }
}

/**
 * Checks a path's source or destination: an ID Reachability Analyzer can start or end a path at,
 * or an ARN. Exported for configuration files that name one, so their own field is named.
 */
export function requireReachabilityEndpoint(scope: IConstruct, field: string, value: unknown, destination = false): void {
  if (typeof value !== 'string' || value === '') configError(scope, field, `is ${formatValue(value)}`, `give the ID or ARN of the ${destination ? 'destination' : 'source'}, for example ${destination ? 'vpce-0123456789abcdef0' : 'i-0123456789abcdef0 or eni-0123456789abcdef0'}`);
  if (isUnresolved(value)) return;
  if (value.startsWith('arn:')) {
    requireArn(scope, field, value);
    return;
  }
  if (!RESOURCE_ID.test(value)) {
    configError(scope, field, `is ${formatValue(value)}, which Reachability Analyzer cannot start or end a path at`, 'give an instance (i-), network interface (eni-), VPC endpoint (vpce-), endpoint service (vpce-svc-), gateway, transit gateway or peering connection ID, or an ARN');
  }
}
