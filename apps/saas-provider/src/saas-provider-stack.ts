import { EnvironmentStack, PrivateNetwork, type SubnetRef, type VpcRef } from '@privatelink-cdktf/core';
import { PrivateLinkService, type PrivateLinkTarget } from '@privatelink-cdktf/provider';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { requireAppConfig, type AppConfig } from './config';
import { DemoApplication } from './demo-application';

/** The SaaS vendor side: an ALB-fronted application published over PrivateLink to tenants. */
export class SaasProviderStack extends EnvironmentStack {
  /** The VPC created for the environment (dev); stg and prod use the application's VPC. */
  public readonly network?: PrivateNetwork;
  public readonly demoApplication?: DemoApplication;
  public readonly service: PrivateLinkService;

  constructor(scope: Construct, config: AppConfig) {
    super(scope, { application: 'saas-provider', environment: config.environment });
    requireAppConfig(this, config);
    const name = this.node.id;

    let vpc: VpcRef;
    let subnets: readonly SubnetRef[];
    if (config.network.type === 'create') {
      this.network = new PrivateNetwork(this, 'Network', {
        name,
        cidrBlock: config.network.cidrBlock,
        zones: config.network.zones,
        flowLogs: { retentionDays: config.service.flowLogRetentionDays },
      });
      vpc = this.network;
      subnets = this.network.subnets;
    } else {
      vpc = { vpcId: config.network.vpcId, cidrBlocks: config.network.cidrBlocks };
      subnets = config.network.subnets;
    }

    let target: PrivateLinkTarget;
    if (config.application.type === 'create') {
      this.demoApplication = new DemoApplication(this, 'Application', { name, vpc, subnets, certificateArn: config.application.certificateArn, targetPort: config.application.targetPort });
      target = { type: 'alb', albArn: this.demoApplication.albArn, albListener: this.demoApplication.listener, albSecurityGroupId: this.demoApplication.securityGroupId };
    } else {
      const { albArn, listenerArn, listenerPort, securityGroupId } = config.application;
      target = { type: 'alb', albArn, albListener: { listenerArn, port: listenerPort, protocol: 'HTTPS' }, albSecurityGroupId: securityGroupId };
    }

    const { service } = config;
    this.service = new PrivateLinkService(this, 'Service', {
      name,
      vpc,
      subnets,
      target,
      deletionProtection: service.deletionProtection,
      enforceInboundRulesOnPrivateLinkTraffic: service.enforceInboundRulesOnPrivateLinkTraffic,
      consumerCidrs: service.consumerCidrs,
      tenants: service.tenants,
      notifications: { subscriptions: service.connectionSubscriptions },
      alarms: service.alarms,
      contributorInsights: service.contributorInsights,
      privateDns: { name: service.privateDnsName, hostedZoneId: service.hostedZoneId },
      // A created network brings its flow logs; an existing VPC gets them here.
      flowLogs: this.network ? undefined : { retentionDays: service.flowLogRetentionDays },
      // Losing the NLB or the endpoint service cuts every tenant off: prevent_destroy is on in prod by default.
    });

    // What tenants need to create their endpoints (the handoff document is written from
    // service_name, availability_zone_ids, private_dns_name, supported_regions and
    // supported_ip_address_types: npm run handoff), and what the DNS and on-call teams need.
    const endpointService = this.service.endpointService.resource;
    new TerraformOutput(this, 'service_name', { value: this.service.serviceName });
    new TerraformOutput(this, 'service_id', { value: this.service.serviceId });
    new TerraformOutput(this, 'nlb_arn', { value: this.service.nlbArn });
    new TerraformOutput(this, 'nlb_dns_name', { value: this.service.nlbDnsName });
    new TerraformOutput(this, 'availability_zone_ids', { value: this.service.availabilityZoneIds });
    new TerraformOutput(this, 'private_dns_name', { value: service.privateDnsName });
    new TerraformOutput(this, 'verification_record_name', { value: this.service.verificationRecordName });
    new TerraformOutput(this, 'verification_record_value', { value: this.service.verificationRecordValue });
    new TerraformOutput(this, 'supported_regions', { value: endpointService.supportedRegions });
    new TerraformOutput(this, 'supported_ip_address_types', { value: endpointService.supportedIpAddressTypes });
    new TerraformOutput(this, 'endpoints_to_reject', {
      value: this.service.endpointService.endpointsToReject,
      description: 'Endpoints of offboarded tenants: aws ec2 reject-vpc-endpoint-connections --service-id <service_id> --vpc-endpoint-ids <these> rejects any Terraform did not accept',
    });
    new TerraformOutput(this, 'connection_topic_arn', { value: this.service.notifications?.topicArn });
    new TerraformOutput(this, 'alarm_topic_arn', { value: this.service.alarmTopic?.topicArn });
  }
}
