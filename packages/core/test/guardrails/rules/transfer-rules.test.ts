import { TransferServer, type TransferServerConfig } from '@cdktf/provider-aws/lib/transfer-server';
import type { EnvironmentStack } from '../../../src/environment-stack';
import { describeRule } from '../helpers';

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
  compliant: [{ name: 'a server in a VPC', build: (stack) => server(stack) }],
  nonCompliant: [
    { name: 'a PUBLIC server', path: 'Sftp', problem: /'endpoint_type' is "PUBLIC"/, build: (stack) => server(stack, { endpointType: 'PUBLIC', endpointDetails: undefined }) },
    { name: 'a server with the default endpoint type', path: 'Sftp', problem: /\(the default\)/, build: (stack) => server(stack, { endpointType: undefined, endpointDetails: undefined }) },
  ],
});

describeRule('PL-TF-2', {
  compliant: [
    { name: 'TransferSecurityPolicy-2024-01', build: (stack) => server(stack) },
    { name: 'a newer FIPS policy', build: (stack) => server(stack, { securityPolicyName: 'TransferSecurityPolicy-FIPS-2024-05' }) },
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
  ],
  nonCompliant: [{ name: 'a server that logs nothing', path: 'Sftp', problem: /logging_role/, build: (stack) => server(stack, { structuredLogDestinations: undefined }) }],
});
