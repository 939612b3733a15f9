import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointRouteTableAssociation } from '@cdktf/provider-aws/lib/vpc-endpoint-route-table-association';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import {
  applyConstructContract,
  AWS_SERVICE_ENDPOINT_POLICY,
  awsContext,
  configError,
  constructKey,
  describeKind,
  type DedicatedSecurityGroup,
  GATEWAY_SERVICES,
  type GatewayService,
  Guardrails,
  isUnresolved,
  type MetaArguments,
  nameTags,
  policyDocument,
  type PolicyStatement,
  providerRegion,
  requireBoolean,
  requireKeys,
  requireOneOf,
  requirePorts,
  requireResourceId,
  requireString,
  requireTimeouts,
  type ResourceTimeouts,
  S3_ENDPOINT_POLICY,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { requireNarrowStatements } from './endpoint-perimeter';

// Core owns the list; the type stays importable from here, where it was first published.
export type { GatewayService } from '@privatelink-cdktf/core';

export interface GatewayEndpointProps extends MetaArguments {
  readonly vpcId: string;
  readonly service: GatewayService;
  /**
   * The route tables that get a route to the service, keyed by a stable name (for example the
   * zone, as core `PrivateNetwork.routeTableIds` gives them). Each key becomes its own
   * association, so adding a route table never touches the others.
   */
  readonly routeTables: Readonly<Record<string, string>>;
  /**
   * Endpoint policy statements: name the principals, actions and buckets or tables (see
   * `s3BucketAccessStatements`, `dynamoDbTableAccessStatements`). Required unless `allowAll`.
   * @default - none; give a policy or set allowAll
   */
  readonly policy?: readonly PolicyStatement[];
  /**
   * Full access by name: AWS's default policy, which allows every action on every bucket or
   * table of every account through the endpoint (a path for data to leave), or, with `policy`,
   * those statements even when one of them allows everything. Acknowledges guardrail PL-EP-2
   * (S3) or PL-EP-3 (DynamoDB, S3 Express), recorded in the synthesized JSON.
   * @default false
   */
  readonly allowAll?: boolean;
  /** Names the endpoint, for example `tenant-consumer-prod-s3`. */
  readonly name: string;
  /** The endpoint's region. @default - the provider's literal region, else the stack's */
  readonly region?: string;
  /** Extra tags for the endpoint. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** How long Terraform waits to create, update or delete the endpoint. @default - the provider's (10m each) */
  readonly timeouts?: ResourceTimeouts;
}

/**
 * A gateway VPC endpoint for S3, DynamoDB or S3 Express One Zone: a route to the service's prefix list in each given
 * route table, and a least-privilege endpoint policy. Free, in-region only, reachable only from
 * inside the VPC (not over VPN, Direct Connect or peering: use an interface endpoint for those).
 */
export class GatewayEndpoint extends Construct {
  public readonly endpointId: string;
  public readonly endpointArn: string;
  /** The service's managed prefix list (`pl-...`), for security group egress rules. */
  public readonly prefixListId: string;
  /** For example `com.amazonaws.ap-northeast-1.s3`. */
  public readonly serviceName: string;
  public readonly endpoint: VpcEndpoint;

  constructor(scope: Construct, id: string, props: GatewayEndpointProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireResourceId(this, 'vpcId', props.vpcId, 'vpc');
    requireOneOf(this, 'service', props.service, GATEWAY_SERVICES);
    requireString(this, 'name', props.name, 'give a name such as tenant-consumer-prod-s3', { nonEmpty: true });
    const routeTables = props.routeTables;
    const fix = 'give the route tables of the subnets that use the service, keyed by a stable name, for example { "apne1-az1": "rtb-..." }';
    // A list would key each association by its position, so reordering it would replace them.
    if (typeof routeTables !== 'object' || routeTables === null || Array.isArray(routeTables)) configError(this, 'routeTables', `is ${describeKind(routeTables)}`, fix);
    if (Object.keys(routeTables).length === 0) configError(this, 'routeTables', 'is empty', fix);
    const keys = Object.keys(routeTables);
    requireKeys(this, 'routeTables', keys);
    keys.forEach((key) => requireResourceId(this, `routeTables.${key}`, routeTables[key], 'routeTable'));
    const allowAll = requireBoolean(this, 'allowAll', props.allowAll) ?? false;
    const what = props.service === 'dynamodb' ? 'table' : 'bucket';
    if (!allowAll) {
      if (props.policy === undefined) {
        configError(this, 'policy', 'is missing', `the default endpoint policy allows access to every ${what} of every account; give least-privilege statements, or set allowAll: true`);
      }
      // A statement that writes AWS's full-access default out by hand needs allowAll as well.
      requireNarrowStatements(this, 'policy', props.policy, 'allowAll');
    }
    if (allowAll) {
      const what = props.policy === undefined ? 'it keeps the default full-access policy' : 'its policy may grant full access';
      Guardrails.acknowledge(this, props.service === 's3' ? S3_ENDPOINT_POLICY : AWS_SERVICE_ENDPOINT_POLICY, `allowAll: true was set on the ${props.service} gateway endpoint, so ${what}`);
    }
    const timeouts = requireTimeouts(this, 'timeouts', props.timeouts);
    const { region } = awsContext(this, { region: props.region ?? providerRegion(provider) });
    // Gateway endpoints keep the com.amazonaws prefix in every partition.
    this.serviceName = `com.amazonaws.${region}.${props.service}`;

    this.endpoint = new VpcEndpoint(this, 'Endpoint', {
      vpcId: props.vpcId,
      vpcEndpointType: 'Gateway',
      serviceName: this.serviceName,
      policy: props.policy ? policyDocument(this, 'policy', props.policy) : undefined,
      tags: nameTags(props.name, props.tags),
      dependsOn,
      timeouts,
    });
    // One association per key instead of the inline route_table_ids list, so each is its own resource.
    for (const key of keys) {
      new VpcEndpointRouteTableAssociation(this, `RouteTable-${key}`, { vpcEndpointId: this.endpoint.id, routeTableId: routeTables[key] });
    }
    this.endpointId = this.endpoint.id;
    this.endpointArn = this.endpoint.arn;
    this.prefixListId = this.endpoint.prefixListId;
  }

  /**
   * Lets a security group send traffic to the service through this endpoint: an egress rule per
   * port to the service's prefix list. The rules live in this construct, keyed by the group's
   * construct path, or by `key` for a group given by ID (required when the ID is not a literal),
   * so the order of calls never renames a rule.
   */
  public allowEgressFrom(securityGroup: DedicatedSecurityGroup | string, ports: readonly number[] = [443], key?: string): void {
    requirePorts(this, 'ports', ports);
    if (typeof securityGroup === 'string') requireResourceId(this, 'allowEgressFrom.securityGroup', securityGroup, 'securityGroup');
    const groupId = typeof securityGroup === 'string' ? securityGroup : securityGroup.securityGroupId;
    const ruleKey = key ?? (typeof securityGroup === 'string' ? (isUnresolved(securityGroup) ? undefined : securityGroup) : constructKey(securityGroup));
    if (ruleKey === undefined) {
      configError(this, 'allowEgressFrom.key', 'is missing for a security group ID known only at apply time', 'pass a stable key as the third argument, for example allowEgressFrom(group.id, [443], "workers")');
    }
    if (key !== undefined) requireKeys(this, 'allowEgressFrom.key', [key]);
    for (const port of ports) {
      const id = `Egress-${ruleKey}-${port}`;
      if (this.node.tryFindChild(id)) continue;
      new VpcSecurityGroupEgressRule(this, id, {
        securityGroupId: groupId,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        prefixListId: this.prefixListId,
        description: `To ${this.serviceName} through the gateway endpoint`,
      });
    }
  }
}

