import { GatewayEndpoint } from '@privatelink-cdktf/consumer';
import {
  awsContext,
  type DedicatedSecurityGroup,
  type PolicyStatement,
  requireNonEmpty,
  useProvider,
} from '@privatelink-cdktf/core';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { S3PrefixListRef } from './s3-prefix-list';
import { amazonLinuxRepositoryStatement, s3EndpointStatements } from './s3-endpoint-policy';

export interface S3GatewayEndpointProps {
  /** Names the endpoint, for example `s3-private-access-prod-s3`. */
  readonly name: string;
  readonly vpcId: string;
  /** Route tables that get the route to S3, keyed by a stable name such as the zone (core `PrivateNetwork.routeTableIds`). */
  readonly routeTables: Readonly<Record<string, string>>;
  /** The only buckets reachable through the endpoint. */
  readonly bucketNames: readonly string[];
  /**
   * Also allow the region's Amazon Linux 2023 package repositories (S3 buckets), so instances
   * without internet access can install packages. @default false
   */
  readonly allowAmazonLinuxRepositories?: boolean;
  /** More endpoint policy statements. @default [] */
  readonly additionalStatements?: readonly PolicyStatement[];
  /** @default - the default provider */
  readonly provider?: TerraformProvider;
  /** @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * An S3 gateway endpoint for clients inside the VPC: a route to S3's prefix list in each given
 * route table and an endpoint policy limited to the named buckets. Free and fully managed, but
 * reachable only from inside the VPC: on-premises traffic needs the interface endpoint, or a
 * proxy or VPN instance that makes it VPC traffic. Built on the consumer `GatewayEndpoint`.
 */
export class S3GatewayEndpoint extends Construct implements S3PrefixListRef {
  public readonly endpointId: string;
  public readonly prefixListId: string;
  public readonly vpcId: string;
  public readonly gatewayEndpoint: GatewayEndpoint;

  constructor(scope: Construct, id: string, props: S3GatewayEndpointProps) {
    super(scope, id);
    useProvider(this, props.provider);
    const bucketNames = requireNonEmpty(this, 'bucketNames', props.bucketNames, 'name the buckets clients may reach; the endpoint policy allows nothing else');
    const { partition, region } = awsContext(this);
    this.gatewayEndpoint = new GatewayEndpoint(this, 'Endpoint', {
      name: props.name,
      vpcId: props.vpcId,
      service: 's3',
      routeTables: props.routeTables,
      policy: [
        ...s3EndpointStatements(this, 'bucketNames', partition, bucketNames),
        ...(props.allowAmazonLinuxRepositories ? [amazonLinuxRepositoryStatement(partition, region)] : []),
        ...(props.additionalStatements ?? []),
      ],
      dependsOn: props.dependsOn,
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
