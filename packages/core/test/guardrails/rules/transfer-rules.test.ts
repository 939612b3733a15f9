import { TransferServer, type TransferServerConfig } from '@cdktf/provider-aws/lib/transfer-server';
import type { EnvironmentStack } from '../../../src/environment-stack';
import { describeRule, findingsOf, guardedStack } from '../helpers';

const COMPLIANT: TransferServerConfig = {
  endpointType: 'VPC',
  endpointDetails: { vpcId: 'vpc-0a1b2c3d4e5f60718', subnetIds: ['subnet-0a1b2c3d4e5f60718'], securityGroupIds: ['sg-0a1b2c3d4e5f60718'] },
  securityPolicyName: 'TransferSecurityPolicy-2024-01',
  structuredLogDestinations: ['arn:aws:logs:ap-northeast-1:111111111111:log-group:/privatelink/sftp:*'],
};

function server(stack: EnvironmentStack, config: Partial<TransferServerConfig> = {}): void {
  new TransferServer(stack, 'Sftp', { ...COMPLIANT, ...config });
}

describeRule('PL-TF-1', {
  compliant: [
    { name: 'a server in a VPC', build: (stack) => server(stack) },
    { name: 'a server whose endpoint type Terraform computes', build: (stack) => server(stack, { endpointType: '${var.endpoint_type}' }) },
  ],
  nonCompliant: [
    { name: 'a PUBLIC server', path: 'Sftp', problem: /'endpoint_type' is "PUBLIC"/, build: (stack) => server(stack, { endpointType: 'PUBLIC', endpointDetails: undefined }) },
    { name: 'a server with the default endpoint type', path: 'Sftp', problem: /\(the default\)/, build: (stack) => server(stack, { endpointType: undefined, endpointDetails: undefined }) },
  ],
});

describeRule('PL-TF-2', {
  compliant: [
    { name: 'TransferSecurityPolicy-2024-01', build: (stack) => server(stack) },
    { name: 'a newer FIPS policy', build: (stack) => server(stack, { securityPolicyName: 'TransferSecurityPolicy-FIPS-2024-05' }) },
    { name: 'a policy Terraform computes', build: (stack) => server(stack, { securityPolicyName: '${var.security_policy}' }) },
  ],
  nonCompliant: [
    { name: 'a 2023 policy', path: 'Sftp', problem: /TransferSecurityPolicy-2023-05/, build: (stack) => server(stack, { securityPolicyName: 'TransferSecurityPolicy-2023-05' }) },
    { name: 'the default policy', path: 'Sftp', problem: /2018-11.*\(the default\)/, build: (stack) => server(stack, { securityPolicyName: undefined }) },
  ],
});

describeRule('PL-TF-3', {
  compliant: [
    { name: 'structured logs', build: (stack) => server(stack) },
    { name: 'a logging role', build: (stack) => server(stack, { structuredLogDestinations: undefined, loggingRole: 'arn:aws:iam::111111111111:role/transfer-logs' }) },
    { name: 'destinations Terraform computes', build: (stack) => new TransferServer(stack, 'Sftp', { ...COMPLIANT, structuredLogDestinations: undefined }).addOverride('structured_log_destinations', '${var.log_destinations}') },
  ],
  nonCompliant: [
    { name: 'a server that logs nothing', path: 'Sftp', problem: /logging_role/, build: (stack) => server(stack, { structuredLogDestinations: undefined }) },
    { name: 'an empty logging role and no destinations', path: 'Sftp', build: (stack) => server(stack, { structuredLogDestinations: [], loggingRole: '' }) },
  ],
});

describe('Transfer server findings', () => {
  it('say what is wrong and how to fix it', () => {
    const stack = guardedStack();
    new TransferServer(stack, 'Sftp', {});
    const messages = (id: string) => findingsOf(stack, id).map((f) => [f.problem, f.fix]);
    expect(messages('PL-TF-1')).toEqual([[`'endpoint_type' is "PUBLIC" (the default), so the server is not inside a VPC`, "set endpoint_type = 'VPC' with endpoint_details (subnets, security groups)"]]);
    expect(messages('PL-TF-2')).toEqual([
      [
        `'security_policy_name' is "TransferSecurityPolicy-2018-11" (the default), older than TransferSecurityPolicy-2024-01 or not a Transfer Family security policy`,
        'use TransferSecurityPolicy-2024-01 or newer (for example TransferSecurityPolicy-FIPS-2024-01)',
      ],
    ]);
    expect(messages('PL-TF-3')).toEqual([
      ["neither 'logging_role' nor 'structured_log_destinations' is set, so sessions are not logged", 'send structured logs to an encrypted log group (structured_log_destinations), or give a logging_role'],
    ]);
  });

  it('do not call a value the user wrote the default', () => {
    const stack = guardedStack();
    server(stack, { endpointType: 'PUBLIC', endpointDetails: undefined, securityPolicyName: 'TransferSecurityPolicy-2018-11' });
    expect([...findingsOf(stack, 'PL-TF-1'), ...findingsOf(stack, 'PL-TF-2')].map((f) => f.problem)).toEqual([
      `'endpoint_type' is "PUBLIC", so the server is not inside a VPC`,
      `'security_policy_name' is "TransferSecurityPolicy-2018-11", older than TransferSecurityPolicy-2024-01 or not a Transfer Family security policy`,
    ]);
  });
});
