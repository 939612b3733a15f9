import { CloudwatchQueryDefinition } from '@cdktf/provider-aws/lib/cloudwatch-query-definition';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { requireCidr } from './aws/cidr';
import { configError, formatValue } from './config-error';
import { applyConstructContract, type MetaArguments } from './meta-arguments';
import { isUnresolved, requireKeys, requireNonEmpty } from './validate';

export interface FlowLogQueriesProps extends MetaArguments {
  /** The folder of the saved queries in the CloudWatch console, for example `tenant-consumer-prod/flow-logs`. */
  readonly name: string;
  /** The log groups of the flow logs (default format), for example `VpcFlowLogs.logGroupName`. */
  readonly logGroupNames: readonly string[];
  /**
   * Network interfaces to watch, keyed by a stable name: an endpoint's `networkInterfaceIds`, or
   * literal `eni-...` IDs. Each key gets a query of who reached those interfaces, accepted or rejected.
   * @default {}
   */
  readonly interfaces?: Readonly<Record<string, readonly string[]>>;
  /**
   * Traffic sources keyed by a stable name (tenants, client networks, the data centre), by CIDR
   * block. Each key gets a query of what those sources reached, accepted or rejected.
   * @default {}
   */
  readonly sources?: Readonly<Record<string, readonly string[]>>;
}

// Logs Insights discovers these fields in flow logs of the default format.
const BY_SOURCE = 'stats count(*) as flows, sum(bytes) as bytes by srcAddr, dstAddr, dstPort, interfaceId, action\n| sort flows desc\n| limit 200';
const ENI_ID = /^eni-[0-9a-f]{8,17}$/;

/**
 * Saved CloudWatch Logs Insights queries over VPC flow logs that answer the first questions of a
 * refused PrivateLink connection: who was rejected, from which source address, at which network
 * interface; and per endpoint or per tenant, what was accepted and what was rejected.
 */
export class FlowLogQueries extends Construct {
  /** The saved query IDs, by query name. */
  public readonly queryIds: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: FlowLogQueriesProps) {
    super(scope, id);
    const { dependsOn } = applyConstructContract(this, props);
    if (typeof props.name !== 'string' || props.name.trim() === '') configError(this, 'name', `is ${formatValue(props.name)}`, 'give the folder of the queries, for example tenant-consumer-prod/flow-logs');
    const logGroupNames = requireNonEmpty(this, 'logGroupNames', props.logGroupNames, 'give the flow log group, for example PrivateNetwork.flowLogs.logGroupName');
    const interfaces = props.interfaces ?? {};
    const sources = props.sources ?? {};
    requireKeys(this, 'interfaces', Object.keys(interfaces));
    requireKeys(this, 'sources', Object.keys(sources));

    const queries: Record<string, string> = {
      'rejected-by-source': `fields @timestamp, srcAddr, dstAddr, dstPort, interfaceId\n| filter action = "REJECT"\n| stats count(*) as flows by srcAddr, dstAddr, dstPort, interfaceId\n| sort flows desc\n| limit 200`,
      'accepted-and-rejected-by-source': BY_SOURCE,
    };
    for (const [key, ids] of Object.entries(interfaces)) {
      const field = `interfaces.${key}`;
      if (!Array.isArray(ids)) configError(this, field, `is ${formatValue(ids)}`, 'give a list of network interface IDs, for example endpoint.networkInterfaceIds');
      if (!isUnresolved(ids)) {
        requireNonEmpty(this, field, ids, 'give the interfaces, for example endpoint.networkInterfaceIds');
        ids.forEach((eni) => !ENI_ID.test(eni) && configError(this, field, `has ${formatValue(eni)}`, 'give network interface IDs such as eni-0123456789abcdef0'));
      }
      // An ID list known only at apply time becomes a JSON array through Terraform's jsonencode.
      const list = isUnresolved(ids) ? Fn.jsonencode(ids) : JSON.stringify(ids);
      queries[`interface/${key}`] = `filter interfaceId in ${list}\n| ${BY_SOURCE}`;
    }
    for (const [key, cidrs] of Object.entries(sources)) {
      const field = `sources.${key}`;
      requireNonEmpty(this, field, cidrs, 'give the CIDR blocks of the source, for example ["10.8.0.0/16"]');
      cidrs.forEach((cidr) => {
        if (isUnresolved(cidr)) configError(this, field, 'has an unresolved value', 'give literal CIDR blocks: they are written into the query');
        requireCidr(this, field, cidr);
      });
      queries[`source/${key}`] = `filter ${cidrs.map((cidr) => `isIpInSubnet(srcAddr, "${cidr}")`).join(' or ')}\n| ${BY_SOURCE}`;
    }

    const queryIds: Record<string, string> = {};
    for (const [query, queryString] of Object.entries(queries)) {
      const name = `${props.name}/${query}`;
      queryIds[name] = new CloudwatchQueryDefinition(this, query.replace(/\//g, '-'), { name, logGroupNames: [...logGroupNames], queryString, dependsOn }).queryDefinitionId;
    }
    this.queryIds = queryIds;
  }
}
