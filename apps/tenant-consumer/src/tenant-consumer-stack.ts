import {
  AwsServiceEndpoints,
  dynamoDbTableAccessStatements,
  DYNAMODB_READ_WRITE_ACTIONS,
  EndpointAlarms,
  GatewayEndpoint,
  InterfaceEndpoint,
  ResolverEndpointAlarms,
  ResolverInboundEndpoint,
  s3BucketAccessStatements,
  S3_READ_WRITE_ACTIONS,
  ssmAgentBucketStatements,
} from '@privatelink-cdktf/consumer';
import { AlarmTopic, DedicatedSecurityGroup, EnvironmentStack, FlowLogQueries, partitionOf, PrivateNetwork, ReachabilityAnalysis } from '@privatelink-cdktf/core';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { type AppConfig, requireAppConfig } from './config';

/** A regulated customer's VPC that reaches the SaaS service and AWS services through endpoints. */
export class TenantConsumerStack extends EnvironmentStack {
  public readonly network: PrivateNetwork;
  public readonly saasService: InterfaceEndpoint;
  public readonly awsServices: AwsServiceEndpoints;
  public readonly s3: GatewayEndpoint;
  public readonly dynamoDb: GatewayEndpoint;
  /** The group workloads run in: HTTPS to the endpoints, nothing else. */
  public readonly workloads: DedicatedSecurityGroup;
  public readonly resolver?: ResolverInboundEndpoint;
  /** Where the alarms go: an encrypted topic with the environment's subscriptions. */
  public readonly alarmTopic: AlarmTopic;

  constructor(scope: Construct, config: AppConfig) {
    super(scope, { application: 'tenant-consumer', environment: config.environment });
    requireAppConfig(this, config);
    const name = this.node.id;
    const onlyThisAccount = { principalAccountIds: [this.accountId] };

    this.network = new PrivateNetwork(this, 'Network', {
      name,
      cidrBlock: config.network.cidrBlock,
      zones: config.network.zones,
      flowLogs: { retentionDays: config.network.flowLogRetentionDays },
    });
    const placement = { vpc: this.network, subnets: this.network.subnets };

    // The provider accepts each connection; private DNS is switched on after that.
    this.saasService = new InterfaceEndpoint(this, 'SaasService', {
      ...placement,
      name: `${name}-saas`,
      service: { serviceName: config.saasService.serviceName },
      providerAvailabilityZoneIds: config.saasService.availabilityZoneIds,
      ports: config.saasService.ports,
      privateDns: config.saasService.privateDns ?? true,
      // AWS says at plan time whether the zones are offered (a warning, never a failed plan).
      checkServiceZones: true,
      // The customer hears the provider's Accept or Reject, not only the provider.
      connectionNotifications: {},
      serviceRegion: config.saasService.serviceRegion,
    });

    // Someone hears when the SaaS endpoint or the inbound DNS degrades.
    this.alarmTopic = new AlarmTopic(this, 'Alarms', { name, subscriptions: config.alarms?.subscriptions });
    new EndpointAlarms(this, 'SaasServiceAlarms', {
      ...config.alarms?.saasEndpoint,
      name: `${name}-saas`,
      endpoint: { endpointId: this.saasService.endpointId, serviceName: this.saasService.serviceName, vpcId: this.network.vpcId },
      actions: [this.alarmTopic.topicArn],
    });

    this.awsServices = new AwsServiceEndpoints(this, 'AwsServices', {
      ...placement,
      name,
      services: Object.fromEntries(Object.entries(config.awsServices).map(([key, awsService]) => [key, { awsService }])),
      checkServiceZones: true,
    });

    this.s3 = new GatewayEndpoint(this, 'S3', {
      vpcId: this.network.vpcId,
      service: 's3',
      name: `${name}-s3`,
      routeTables: this.network.routeTableIds,
      policy: [
        ...s3BucketAccessStatements(config.dataAccess.s3Buckets, S3_READ_WRITE_ACTIONS, { ...onlyThisAccount, sid: 'WorkloadBuckets' }),
        // Session Manager's agent updates itself from AWS-owned buckets.
        ...ssmAgentBucketStatements(this.region),
      ],
    });
    this.dynamoDb = new GatewayEndpoint(this, 'DynamoDb', {
      vpcId: this.network.vpcId,
      service: 'dynamodb',
      name: `${name}-dynamodb`,
      routeTables: this.network.routeTableIds,
      policy: dynamoDbTableAccessStatements(
        config.dataAccess.dynamoDbTables.map((table) => `arn:${partitionOf(this.region)}:dynamodb:${this.region}:${this.accountId}:table/${table}`),
        DYNAMODB_READ_WRITE_ACTIONS,
        { ...onlyThisAccount, sid: 'WorkloadTables' },
      ),
    });

    this.workloads = new DedicatedSecurityGroup(this, 'Workloads', {
      vpcId: this.network.vpcId,
      name: `${name}-workloads`,
      description: 'Workloads: HTTPS to the interface and gateway endpoints only',
      egress: [{ ports: [443], cidrs: this.network.cidrBlocks, description: 'HTTPS to the interface endpoints' }],
    });
    this.s3.allowEgressFrom(this.workloads);
    this.dynamoDb.allowEgressFrom(this.workloads);

    if (config.onPremises) {
      this.resolver = new ResolverInboundEndpoint(this, 'InboundDns', {
        ...placement,
        name: `${name}-inbound-dns`,
        allowedCidrs: config.onPremises.dnsForwarderCidrs,
        ipAddresses: config.onPremises.resolverIpAddresses,
      });
      new ResolverEndpointAlarms(this, 'InboundDnsAlarms', {
        ...config.alarms?.inboundDns,
        name: `${name}-inbound-dns`,
        resolverEndpointId: this.resolver.resolverEndpointId,
        ipAddressCount: this.network.subnets.length,
        actions: [this.alarmTopic.topicArn],
      });
      new TerraformOutput(this, 'inbound_resolver_ip_addresses', { value: this.resolver.fixedIpAddresses, description: 'Forward the endpoint names from the data centre DNS to these addresses' });
    }

    // The first questions when a connection is refused: who was rejected, from where, at which ENI.
    new FlowLogQueries(this, 'FlowLogQueries', {
      name: `${name}/flow-logs`,
      logGroupNames: [this.network.flowLogs!.logGroupName],
      interfaces: { saas: this.saasService.networkInterfaceIds },
      sources: config.onPremises ? { 'on-premises': config.onPremises.dnsForwarderCidrs } : {},
    });
    if (config.saasService.reachabilityFrom) {
      const proof = new ReachabilityAnalysis(this, 'SaasReachability', {
        name: `${name}-saas`,
        source: config.saasService.reachabilityFrom,
        destination: this.saasService.endpointId,
        destinationPort: (config.saasService.ports ?? [443])[0],
      });
      new TerraformOutput(this, 'saas_path_found', { value: proof.pathFound, description: 'true when routes, security groups and network ACLs let the workload reach the SaaS endpoint' });
    }

    new TerraformOutput(this, 'saas_connection_topic_arn', { value: this.saasService.notifications!.topicArn, description: 'Subscribe to hear when the provider accepts or rejects the connection' });
    new TerraformOutput(this, 'saas_endpoint_id', { value: this.saasService.endpointId, description: 'Give this ID to the SaaS provider to accept the connection' });
    new TerraformOutput(this, 'saas_endpoint_dns_name', { value: this.saasService.regionalDnsName });
    new TerraformOutput(this, 'saas_endpoint_state', { value: this.saasService.state });
    if (config.saasService.privateDnsName) {
      new TerraformOutput(this, 'saas_private_dns_name', { value: config.saasService.privateDnsName, description: 'The name the SaaS service answers to inside the VPC once the provider accepts the endpoint' });
    }
    new TerraformOutput(this, 'alarm_topic_arn', { value: this.alarmTopic.topicArn });
  }
}
