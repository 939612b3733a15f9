import { checkIdentity, GUARDED_TYPES } from '../src/identity-guard';
import type { PlanJson, PlanResourceChange } from '../src/plan-json';

const SERVICE_ID = 'vpce-svc-0123456789abcdef0';
const change = (address: string, actions: PlanResourceChange['change']['actions'], before: Record<string, unknown>, replacePaths?: string[][]): PlanResourceChange => ({
  address,
  mode: 'managed',
  type: address.split('.')[0],
  name: address.split('.')[1],
  change: { actions, before, after: actions.includes('create') ? {} : null, replace_paths: replacePaths },
});

/** A provider stack whose endpoint service is replaced because its load balancers changed. */
const plan: PlanJson = {
  resource_changes: [
    change('aws_vpc_endpoint_service.Service', ['create', 'delete'], { id: SERVICE_ID, service_name: `com.amazonaws.vpce.ap-northeast-1.${SERVICE_ID}` }, [['network_load_balancer_arns']]),
    change('aws_vpc_endpoint_service_allowed_principal.Bank', ['create', 'delete'], { vpc_endpoint_service_id: SERVICE_ID, principal_arn: 'arn:aws:iam::555500001111:root' }, [['vpc_endpoint_service_id']]),
    change('aws_vpc_endpoint_service_allowed_principal.Clinic', ['no-op'], { vpc_endpoint_service_id: SERVICE_ID, principal_arn: 'arn:aws:iam::555500002222:root' }),
    change('aws_vpc_endpoint_service_allowed_principal.Elsewhere', ['no-op'], { vpc_endpoint_service_id: 'vpce-svc-other', principal_arn: 'arn:aws:iam::999999999999:root' }),
    change('aws_vpc_endpoint_connection_accepter.Bank', ['no-op'], { vpc_endpoint_service_id: SERVICE_ID, vpc_endpoint_id: 'vpce-0a1b2c3d4e5f60718' }),
    change('aws_lb.Nlb', ['delete'], { arn: 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/x/1', dns_name: 'x.elb.amazonaws.com' }),
    change('aws_vpc_endpoint.Saas', ['delete', 'create'], { id: 'vpce-0123', vpc_endpoint_type: 'Interface', service_name: 'com.amazonaws.vpce.x', dns_entry: [{ dns_name: 'vpce-0123.x.vpce.amazonaws.com' }] }, [['subnet_ids']]),
    change('aws_vpc_endpoint.S3', ['delete', 'create'], { id: 'vpce-0456', vpc_endpoint_type: 'Gateway', service_name: 'com.amazonaws.ap-northeast-1.s3', route_table_ids: ['rtb-1'] }, [['vpc_id']]),
    change('aws_transfer_server.Sftp', ['delete', 'create'], { id: 's-0123', endpoint: 's-0123.server.transfer.ap-northeast-1.amazonaws.com' }, [['endpoint_type']]),
    change('aws_route53_resolver_endpoint.Inbound', ['delete', 'create'], { id: 'rslvr-in-1', ip_address: [{ ip: '10.0.0.53' }] }, [['direction']]),
    change('aws_s3_bucket.Data', ['delete'], { bucket: 'data' }),
    change('aws_kms_key.Key', ['create', 'delete'], { id: 'k' }, [['customer_master_key_spec']]),
    change('aws_security_group.Sg', ['create', 'delete'], { id: 'sg-1' }, [['name']]),
    change('aws_lb_listener.L', ['update'], { arn: 'l' }),
  ],
};

describe('the identity guard', () => {
  const { violations, allowed } = checkIdentity(plan);
  const finding = (address: string) => violations.find((v) => v.address === address);

  it('stops every replacement and destroy of a guarded type, and nothing else', () => {
    expect(violations.map((v) => [v.address, v.action])).toEqual([
      ['aws_vpc_endpoint_service.Service', 'replace'],
      ['aws_lb.Nlb', 'delete'],
      ['aws_vpc_endpoint.Saas', 'replace'],
      ['aws_vpc_endpoint.S3', 'replace'],
      ['aws_transfer_server.Sftp', 'replace'],
      ['aws_route53_resolver_endpoint.Inbound', 'replace'],
      ['aws_s3_bucket.Data', 'delete'],
      ['aws_kms_key.Key', 'replace'],
    ]);
    expect(allowed).toEqual([]);
  });

  it("names the endpoint service's forcing attribute, its service name and every tenant's endpoint and principal", () => {
    expect(finding('aws_vpc_endpoint_service.Service')?.forcedBy).toEqual(['network_load_balancer_arns']);
    expect(finding('aws_vpc_endpoint_service.Service')?.message).toBe(
      'aws_vpc_endpoint_service.Service is replaced (forced by `network_load_balancer_arns`): ' +
        `its service name com.amazonaws.vpce.ap-northeast-1.${SERVICE_ID} changes, so every tenant's endpoint to it stops working and must be created again against the new name: ` +
        "tenants' endpoints vpce-0a1b2c3d4e5f60718; allowed principals arn:aws:iam::555500001111:root, arn:aws:iam::555500002222:root. " +
        'If that is intended, allow it by address (--allow-replace aws_vpc_endpoint_service.Service).',
    );
  });

  it('says what breaks for the other guarded types', () => {
    expect(finding('aws_lb.Nlb')?.message).toMatch(/^aws_lb\.Nlb is destroyed: its ARN and DNS name change and traffic through it stops/);
    expect(finding('aws_vpc_endpoint.Saas')?.breaks).toContain('DNS names (vpce-0123.x.vpce.amazonaws.com) change');
    expect(finding('aws_vpc_endpoint.S3')?.breaks).toContain('routes to com.amazonaws.ap-northeast-1.s3 in route tables rtb-1 are removed');
    expect(finding('aws_transfer_server.Sftp')?.breaks).toContain('server ID s-0123');
    expect(finding('aws_route53_resolver_endpoint.Inbound')?.breaks).toContain('IP addresses (10.0.0.53)');
    expect(finding('aws_s3_bucket.Data')?.breaks).toContain('objects in the bucket are deleted');
  });

  it('lets through what the allow list names, with or without the instance key', () => {
    const result = checkIdentity(plan, ['aws_vpc_endpoint_service.Service', 'aws_lb.Nlb[0]', 'aws_s3_bucket.Data']);
    expect(result.allowed.map((a) => a.address)).toEqual(['aws_vpc_endpoint_service.Service', 'aws_s3_bucket.Data']);
    expect(result.violations.map((v) => v.address)).not.toContain('aws_vpc_endpoint_service.Service');
    expect(result.violations.map((v) => v.address)).toContain('aws_lb.Nlb');
  });

  it('guards the resources the issue names and those that hold data', () => {
    expect(GUARDED_TYPES).toEqual(
      expect.arrayContaining(['aws_vpc_endpoint_service', 'aws_lb', 'aws_vpc_endpoint', 'aws_transfer_server', 'aws_route53_resolver_endpoint', 'aws_s3_bucket', 'aws_kms_key', 'aws_cloudwatch_log_group']),
    );
  });
});
