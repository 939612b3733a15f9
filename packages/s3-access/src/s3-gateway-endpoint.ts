import { GatewayEndpoint } from '@privatelink-cdktf/consumer';
import {
  applyConstructContract,
  awsContext,
  configError,
  type DedicatedSecurityGroup,
  describeKind,
  type MetaArguments,
  providerRegion,
  requireBoolean,
  requireKeys,
  requireNonEmpty,
  requireResourceId,
  requireString,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { requireResourceName } from './resource-name';
import { amazonLinuxRepositoryStatement, type S3EndpointPolicyOptions, s3EndpointStatements } from './s3-endpoint-policy';
import type { S3PrefixListRef } from './s3-prefix-list';

export interface S3GatewayEndpointProps extends MetaArguments, S3EndpointPolicyOptions {
  /** Names the endpoint, for example `s3-private-access-prod-s3`. */
  readonly name: string;
  readonly vpcId: string;
  /** Route tables that get the route to S3, keyed by a stable name such as the zone (core `PrivateNetwork.routeTableIds`). */
  readonly routeTables: Readonly<Record<string, string>>;
  /**
   * Also allow the region's Amazon Linux 2023 package repositories (S3 buckets AWS owns), so
   * instances without internet access can install packages. @default false
   */
  readonly allowAmazonLinuxRepositories?: boolean;
}

/**
 * An S3 gateway endpoint for clients inside the VPC: a route to S3's prefix list in each given
 * route table and an endpoint policy limited to the named buckets, the chosen actions and the
 * VPC's account (or the given accounts or organization). Free and fully managed, but reachable
 * only from inside the VPC: on-premises traffic needs the interface endpoint, or a proxy or VPN
 * instance that makes it VPC traffic. Built on the consumer `GatewayEndpoint`.
 */
export class S3GatewayEndpoint extends Construct implements S3PrefixListRef {
  public readonly endpointId: string;
  public readonly prefixListId: string;
  public readonly vpcId: string;
  public readonly gatewayEndpoint: GatewayEndpoint;

  constructor(scope: Construct, id: string, props: S3GatewayEndpointProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireResourceName(this, props.name);
    requireResourceId(this, 'vpcId', props.vpcId, 'vpc');
    if (typeof props.routeTables !== 'object' || props.routeTables === null || Array.isArray(props.routeTables)) {
      configError(this, 'routeTables', `is ${describeKind(props.routeTables)}`, "give route table IDs by a stable key, for example { 'apne1-az1': 'rtb-...' } (PrivateNetwork.routeTableIds)");
    }
    const keys = requireNonEmpty(this, 'routeTables', Object.keys(props.routeTables), "give the route tables of the subnets that use S3, keyed by a stable name, for example { 'apne1-az1': 'rtb-...' }");
    requireKeys(this, 'routeTables', keys);
    for (const [key, routeTableId] of Object.entries(props.routeTables)) {
      requireString(this, `routeTables.${key}`, routeTableId, "give the route table's ID, for example rtb-0123456789abcdef0");
      requireResourceId(this, `routeTables.${key}`, routeTableId, 'routeTable');
    }
    const allowRepositories = requireBoolean(this, 'allowAmazonLinuxRepositories', props.allowAmazonLinuxRepositories) ?? false;
    const { partition, region, accountId } = awsContext(this, { region: providerRegion(provider) });
    this.gatewayEndpoint = new GatewayEndpoint(this, 'Endpoint', {
      name: props.name,
      vpcId: props.vpcId,
      service: 's3',
      routeTables: props.routeTables,
      policy: [...s3EndpointStatements(this, props, { partition, accountId }), ...(allowRepositories ? [amazonLinuxRepositoryStatement(partition, region)] : [])],
      // The endpoint takes an open statement only by name; s3EndpointStatements checked and acknowledged it.
      allowAll: props.allowAll === true ? true : undefined,
      dependsOn,
      provider,
    });
    this.endpointId = this.gatewayEndpoint.endpointId;
    this.prefixListId = this.gatewayEndpoint.prefixListId;
    this.vpcId = props.vpcId;
  }

  /** Lets a security group reach S3 through this endpoint on port 443. */
  public allowEgressFrom(securityGroup: DedicatedSecurityGroup | string, key?: string): void {
    this.gatewayEndpoint.allowEgressFrom(securityGroup, [443], key);
  }
}
