import { Token, Testing } from 'cdktf';
import { requireArn, requireListenerOfLoadBalancer, requirePrincipal } from '../src/aws/arn';
import { requireAzId } from '../src/aws/availability-zones';
import { requireCidr } from '../src/aws/cidr';
import { NAME_RULES, requireName } from '../src/aws/names';
import { requireNarrowCidrs } from '../src/aws/open';
import { requireTlsPolicy, requireTransferSecurityPolicy } from '../src/aws/security-policies';
import { resolveServiceName } from '../src/aws/service-names';
import { ConfigError } from '../src/config-error';
import { EncryptedLogGroup } from '../src/encrypted-log-group';
import { EncryptionKey, type EncryptionKeyProps } from '../src/encryption-key';
import { EnvironmentStack } from '../src/environment-stack';
import { policyDocument } from '../src/policy-document';
import { PrivateNetwork, type PrivateNetworkProps } from '../src/private-network';
import { DedicatedSecurityGroup, type DedicatedSecurityGroupProps } from '../src/security-group';
import { requireSubnetPlacement } from '../src/subnet-ref';
import { requireTimeouts } from '../src/terraform-timeouts';
import { requireInteger, requireOneOf } from '../src/validate';
import { VpcFlowLogs, type VpcFlowLogsProps } from '../src/vpc-flow-logs';
import { devStack, widget } from './helpers';

// One table of bad inputs for core's public constructs and checks. Each case says which field the
// message must name, the value as the user wrote it, and words of the fix; every message must
// also name the construct and its path. Untyped JavaScript input is passed with `as never`.

interface BadInput {
  readonly name: string;
  readonly run: () => unknown;
  readonly field: string;
  /** The value as it must appear in the message. */
  readonly value: string;
  readonly fix: RegExp;
}

const network = (props: Partial<PrivateNetworkProps>) => () => new PrivateNetwork(devStack(), 'Network', { name: 'unit-dev', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1'], ...props });
const group = (props: Partial<DedicatedSecurityGroupProps>) => () => new DedicatedSecurityGroup(devStack(), 'Sg', { vpcId: 'vpc-1', name: 'api', description: 'API', ...props });
const key = (props: Partial<EncryptionKeyProps>) => () => new EncryptionKey(devStack(), 'Key', { alias: 'unit/key', description: 'Unit key', ...props });
const logGroup = (props: Record<string, unknown>) => () => new EncryptedLogGroup(devStack(), 'Logs', { logGroupName: '/unit/app', ...props } as never);
const flowLogs = (props: Partial<VpcFlowLogsProps>) => () => new VpcFlowLogs(devStack(), 'FlowLogs', { vpcId: 'vpc-1', name: 'unit-dev', ...props });
const environment = (env: Record<string, unknown>) => () => new EnvironmentStack(Testing.app(), { application: 'unit', environment: { name: 'dev', accountId: '111111111111', ...env } as never });
const check = (run: (scope: ReturnType<typeof widget>) => unknown) => () => run(widget());
const TOKEN = Token.asString({ Ref: 'x' });
const ALB = 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188';

const BAD: readonly BadInput[] = [
  // PrivateNetwork
  { name: 'network props missing (untyped JS)', run: () => new PrivateNetwork(devStack(), 'Network', undefined as never), field: 'props', value: 'is missing', fix: /pass the props object/ },
  { name: 'network props null (untyped JS)', run: () => new PrivateNetwork(devStack(), 'Network', null as never), field: 'props', value: 'is null', fix: /pass the props object/ },
  { name: 'network CIDR with host bits', run: network({ cidrBlock: '10.0.0.1/16' }), field: 'cidrBlock', value: "'10.0.0.1/16'", fix: /use 10\.0\.0\.0\/16/ },
  { name: 'network CIDR too large', run: network({ cidrBlock: '10.0.0.0/8' }), field: 'cidrBlock', value: "'10.0.0.0/8'", fix: /from \/16 to \/28/ },
  { name: 'network CIDR of IPv6', run: network({ cidrBlock: '2001:db8::/56' }), field: 'cidrBlock', value: "'2001:db8::/56'", fix: /give an IPv4 block/ },
  { name: 'network CIDR missing (untyped JS)', run: network({ cidrBlock: undefined }), field: 'cidrBlock', value: 'is missing', fix: /10\.20\.0\.0\/16/ },
  { name: 'network CIDR as a number (untyped JS)', run: network({ cidrBlock: 10 as never }), field: 'cidrBlock', value: 'is 10', fix: /address\/prefix/ },
  { name: 'network zone of another region', run: network({ zones: ['use1-az1'] }), field: 'zones', value: "'use1-az1'", fix: /give zones of ap-northeast-1, for example apne1-az1/ },
  { name: 'network zone that is no zone', run: network({ zones: ['tokyo-1'] }), field: 'zones', value: "'tokyo-1'", fix: /AZ ID such as apne1-az1/ },
  { name: 'network zones as a string (untyped JS)', run: network({ zones: 'apne1-az1' as never }), field: 'zones', value: "the string 'apne1-az1'", fix: /at least one zone/ },
  { name: 'network zones empty', run: network({ zones: [] }), field: 'zones', value: 'is empty', fix: /at least one zone/ },
  { name: 'network zone twice', run: network({ zones: ['apne1-az1', 'apne1-az1'] }), field: 'zones', value: "'apne1-az1'", fix: /one subnet per zone/ },
  { name: 'network name with spaces', run: network({ name: 'unit dev' }), field: 'name', value: "'unit dev'", fix: /letters, digits and \._-/ },
  { name: 'network name missing (untyped JS)', run: network({ name: undefined }), field: 'name', value: 'is missing', fix: /tenant-consumer-prod/ },
  { name: 'network flow-log retention', run: network({ flowLogs: { retentionDays: 10 } }), field: 'flowLogs.retentionDays', value: 'is 10', fix: /for example 14/ },
  { name: 'network flow logs as true (untyped JS)', run: network({ flowLogs: true as never }), field: 'flowLogs', value: 'the boolean true', fix: /retentionDays: 365/ },
  { name: 'network subnet prefix below the VPC', run: network({ subnetPrefixLength: 8 }), field: 'subnetPrefixLength', value: 'is 8', fix: /from 16 to 28/ },
  { name: 'network subnet prefix NaN', run: network({ subnetPrefixLength: NaN }), field: 'subnetPrefixLength', value: 'is NaN', fix: /whole number/ },
  { name: 'network subnet outside the VPC', run: network({ subnetCidrs: { 'apne1-az1': '192.168.0.0/24' } }), field: 'subnetCidrs.apne1-az1', value: "'192.168.0.0/24'", fix: /inside the VPC/ },
  { name: 'network subnet for another zone', run: network({ subnetCidrs: { 'apne1-az2': '10.0.0.0/24' } }), field: 'subnetCidrs.apne1-az2', value: 'names a zone', fix: /only for apne1-az1/ },
  { name: 'network secondary block overlapping', run: network({ secondaryCidrBlocks: ['10.0.64.0/18'] }), field: 'secondaryCidrBlocks', value: "'10.0.64.0/18'", fix: /do not overlap/ },
  { name: 'network provider that is not one (untyped JS)', run: network({ provider: 'aws.us' as never }), field: 'provider', value: "the string 'aws.us'", fix: /AwsProvider/ },
  { name: 'network dependsOn of IDs (untyped JS)', run: network({ dependsOn: ['vpc-1' as never] }), field: 'dependsOn[0]', value: "the string 'vpc-1'", fix: /not their IDs/ },
  // DedicatedSecurityGroup
  { name: 'group name starting with sg-', run: group({ name: 'sg-api' }), field: 'name', value: "'sg-api'", fix: /not starting with 'sg-'/ },
  { name: 'group name longer than AWS allows', run: group({ name: 'a'.repeat(256) }), field: 'name', value: `'${'a'.repeat(256)}'`, fix: /at most 255 characters/ },
  { name: 'group description with an arrow', run: group({ description: 'clients → api' }), field: 'description', value: "'clients → api'", fix: /letters, digits, spaces/ },
  { name: 'group open to the internet', run: group({ ingress: [{ ports: [443], cidrs: ['0.0.0.0/0'] }] }), field: 'ingress[0].cidrs', value: "'0.0.0.0/0'", fix: /allowOpenIngress: true/ },
  { name: 'group open to the internet in halves', run: group({ ingress: [{ ports: [443], cidrs: ['0.0.0.0/1', '128.0.0.0/1'] }] }), field: 'ingress[0].cidrs', value: "'0.0.0.0/1', '128.0.0.0/1'", fix: /allowOpenIngress: true/ },
  { name: 'group open to IPv6 as 0::/0', run: group({ ingress: [{ ports: [443], cidrs: ['0::/0'] }] }), field: 'ingress[0].cidrs', value: "'0::/0'", fix: /list the client CIDR blocks/ },
  { name: 'group rule without peers', run: group({ ingress: [{ ports: [443] }] }), field: 'ingress[0]', value: 'has no peers', fix: /give cidrs, securityGroupIds or prefixListIds/ },
  { name: 'group port out of range', run: group({ ingress: [{ ports: [0], cidrs: ['10.0.0.0/8'] }] }), field: 'ingress[0].ports', value: 'port 0', fix: /from 1 to 65535/ },
  { name: 'group port as a string (untyped JS)', run: group({ ingress: [{ ports: ['443' as never], cidrs: ['10.0.0.0/8'] }] }), field: 'ingress[0].ports', value: "port '443'", fix: /whole number/ },
  { name: 'group ports not a list (untyped JS)', run: group({ ingress: [{ ports: 443 as never, cidrs: ['10.0.0.0/8'] }] }), field: 'ingress[0].ports', value: 'the number 443', fix: /as a list/ },
  { name: 'group protocol misspelled (untyped JS)', run: group({ ingress: [{ ports: [443], protocol: 'TCP' as never, cidrs: ['10.0.0.0/8'] }] }), field: 'ingress[0].protocol', value: "'TCP'", fix: /write it as 'tcp'/ },
  { name: 'group CIDR with host bits', run: group({ ingress: [{ ports: [443], cidrs: ['10.1.2.3/16'] }] }), field: 'ingress[0].cidrs', value: "'10.1.2.3/16'", fix: /use 10\.1\.0\.0\/16/ },
  { name: 'group allowOpenIngress as a string (untyped JS)', run: group({ allowOpenIngress: 'yes' as never }), field: 'allowOpenIngress', value: "the string 'yes'", fix: /true or false/ },
  { name: 'group over the rule quota', run: group({ ingress: [{ ports: [443, 8443], cidrs: Array.from({ length: 31 }, (_, i) => `10.${i}.0.0/16`) }] }), field: 'ingress[0]', value: '61 ingress rules', fix: /managed prefix list/ },
  { name: 'group ingress not a list (untyped JS)', run: group({ ingress: { ports: [443] } as never }), field: 'ingress', value: 'an object', fix: /list of rules/ },
  { name: 'group vpcId missing (untyped JS)', run: group({ vpcId: undefined }), field: 'vpcId', value: 'is missing', fix: /network\.vpcId/ },
  // EncryptionKey
  { name: 'key deletion window below 7', run: key({ deletionWindowDays: 6 }), field: 'deletionWindowDays', value: 'is 6', fix: /from 7 to 30 days/ },
  { name: 'key deletion window above 30', run: key({ deletionWindowDays: 45 }), field: 'deletionWindowDays', value: 'is 45', fix: /from 7 to 30 days/ },
  { name: 'key deletion window as a string (untyped JS)', run: key({ deletionWindowDays: '7' as never }), field: 'deletionWindowDays', value: "the string '7'", fix: /from 7 to 30 days/ },
  { name: 'key alias under aws/', run: key({ alias: 'aws/logs' }), field: 'alias', value: "'alias/aws/logs'", fix: /not starting with 'alias\/aws\/'/ },
  { name: 'key alias with its prefix', run: key({ alias: 'alias/logs' }), field: 'alias', value: "'alias/logs'", fix: /leave out the 'alias\/' prefix/ },
  { name: 'key service principal that is not one', run: key({ servicePrincipals: ['logs'] }), field: 'servicePrincipals', value: "'logs'", fix: /service principals/ },
  { name: 'key description empty', run: key({ description: '' }), field: 'description', value: 'is empty', fix: /say what the key encrypts/ },
  { name: 'key region unknown', run: key({ region: 'tokyo' }), field: 'region', value: "'tokyo'", fix: /AWS region code/ },
  // EncryptedLogGroup
  { name: 'log group name with spaces', run: logGroup({ logGroupName: '/unit/my app' }), field: 'logGroupName', value: "'/unit/my app'", fix: /letters, digits and \._-\/#/ },
  { name: 'log group name too long', run: logGroup({ logGroupName: `/${'a'.repeat(512)}` }), field: 'logGroupName', value: `'/${'a'.repeat(512)}'`, fix: /at most 512/ },
  { name: 'log group retention not accepted', run: logGroup({ retentionDays: 100 }), field: 'retentionDays', value: 'is 100', fix: /for example 120/ },
  { name: 'log group retention forever (0)', run: logGroup({ retentionDays: 0 }), field: 'retentionDays', value: 'is 0', fix: /periods CloudWatch Logs accepts/ },
  { name: 'log group key of another region', run: logGroup({ kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/abc' }), field: 'kmsKeyArn', value: "'arn:aws:kms:us-east-1:111111111111:key/abc'", fix: /provider for us-east-1/ },
  { name: 'log group key that is an alias ARN', run: logGroup({ kmsKeyArn: 'arn:aws:kms:ap-northeast-1:111111111111:alias/logs' }), field: 'kmsKeyArn', value: "'arn:aws:kms:ap-northeast-1:111111111111:alias/logs'", fix: /use the full ARN/ },
  // VpcFlowLogs
  { name: 'flow-log traffic type lower-case (untyped JS)', run: flowLogs({ trafficType: 'reject' as never }), field: 'trafficType', value: "'reject'", fix: /write it as 'REJECT'/ },
  { name: 'flow-log traffic type unknown (untyped JS)', run: flowLogs({ trafficType: 'SOME' as never }), field: 'trafficType', value: "'SOME'", fix: /'ALL', 'ACCEPT', 'REJECT'/ },
  { name: 'flow-log retention not accepted', run: flowLogs({ retentionDays: 400.5 }), field: 'retentionDays', value: 'is 400.5', fix: /for example 545/ },
  { name: 'flow-log VPC missing (untyped JS)', run: flowLogs({ vpcId: undefined }), field: 'vpcId', value: 'is missing', fix: /network\.vpcId/ },
  { name: 'flow-log name too long', run: flowLogs({ name: 'n'.repeat(65) }), field: 'name', value: `'${'n'.repeat(65)}'`, fix: /at most 64/ },
  // EnvironmentStack
  { name: 'environment account as a number (untyped JS)', run: environment({ accountId: 111111111111 }), field: 'environment.accountId', value: 'is 111111111111', fix: /written as a string/ },
  { name: 'environment name unknown', run: environment({ name: 'production' }), field: 'environment.name', value: "'production'", fix: /dev, stg, prod/ },
  { name: 'environment role of another account', run: environment({ assumeRoleArn: 'arn:aws:iam::222222222222:role/deploy' }), field: 'environment.assumeRoleArn', value: "'arn:aws:iam::222222222222:role/deploy'", fix: /of account 111111111111/ },
  { name: 'environment state bucket name', run: environment({ backend: { type: 's3', bucket: 'State_Bucket' } }), field: 'environment.backend.bucket', value: "'State_Bucket'", fix: /lower-case letters, digits, dots and hyphens/ },
  { name: 'environment production flag (untyped JS)', run: environment({ production: 1 }), field: 'environment.production', value: 'the number 1', fix: /true or false/ },
  // Checks for the other packages
  { name: 'AZ ID of another region', run: check((s) => requireAzId(s, 'providerAvailabilityZoneIds', 'use1-az1', { region: 'ap-northeast-1' })), field: 'providerAvailabilityZoneIds', value: "'use1-az1'", fix: /zones of ap-northeast-1/ },
  { name: 'AZ name where an AZ ID is needed', run: check((s) => requireAzId(s, 'zoneIds', 'ap-northeast-1a')), field: 'zoneIds', value: "'ap-northeast-1a'", fix: /AZ IDs such as apne1-az1/ },
  { name: 'ALB ARN of another region', run: check((s) => requireArn(s, 'albArn', ALB.replace('ap-northeast-1', 'us-west-2'), { service: 'elasticloadbalancing', region: 'ap-northeast-1' })), field: 'albArn', value: `'${ALB.replace('ap-northeast-1', 'us-west-2')}'`, fix: /provider for us-west-2/ },
  { name: 'ALB ARN of another account', run: check((s) => requireArn(s, 'albArn', ALB, { accountId: '111111111111' })), field: 'albArn', value: `'${ALB}'`, fix: /of account 111111111111/ },
  { name: 'listener of another ALB', run: check((s) => requireListenerOfLoadBalancer(s, 'listenerArn', `${ALB.replace('loadbalancer/app/web/50dc6c495c0c9188', 'listener/app/api/1111111111111111')}/2222222222222222`, ALB)), field: 'listenerArn', value: 'listener/app/api', fix: /listener of the same load balancer/ },
  { name: 'AWS service short name misspelled', run: check((s) => resolveServiceName(s, 'service', { awsService: 'kinesis' }, 'ap-northeast-1')), field: 'service.awsService', value: "'kinesis'", fix: /did you mean 'kinesis-streams'/ },
  { name: 'cross-region on a service without it', run: check((s) => resolveServiceName(s, 'service', { awsService: 'sts' }, 'ap-northeast-1', { serviceRegion: 'us-east-1' })), field: 'service.awsService', value: "'sts'", fix: /create the endpoint in us-east-1/ },
  { name: 'gateway endpoint to an interface-only service', run: check((s) => resolveServiceName(s, 'service', { awsService: 'sqs' }, 'ap-northeast-1', { endpointType: 'Gateway' })), field: 'service.awsService', value: "'sqs'", fix: /'s3', 'dynamodb' and 's3express'/ },
  { name: 'unresolved short name', run: check((s) => resolveServiceName(s, 'service', { awsService: TOKEN }, 'ap-northeast-1')), field: 'service.awsService', value: 'an unresolved value', fix: /give the short name literally/ },
  { name: 'TLS policy with TLS 1.0', run: check((s) => requireTlsPolicy(s, 'sslPolicy', 'ELBSecurityPolicy-2016-08', { name: 'allowLegacyTlsPolicy', given: false })), field: 'sslPolicy', value: "'ELBSecurityPolicy-2016-08'", fix: /allowLegacyTlsPolicy: true/ },
  { name: 'TLS policy that does not exist', run: check((s) => requireTlsPolicy(s, 'sslPolicy', 'ELBSecurityPolicy-Strongest')), field: 'sslPolicy', value: "'ELBSecurityPolicy-Strongest'", fix: /ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09/ },
  { name: 'Transfer policy below the floor', run: check((s) => requireTransferSecurityPolicy(s, 'securityPolicyName', 'TransferSecurityPolicy-2018-11')), field: 'securityPolicyName', value: "'TransferSecurityPolicy-2018-11'", fix: /TransferSecurityPolicy-2024-01 or a newer/ },
  { name: 'service principal that is not one', run: check((s) => requirePrincipal(s, 'allowedPrincipals', 'amazonaws.com', ['account', 'role', 'service'])), field: 'allowedPrincipals', value: "'amazonaws.com'", fix: /arn:aws:iam::123456789012:root/ },
  { name: 'principal of every account', run: check((s) => requirePrincipal(s, 'allowedPrincipals', 'arn:aws:iam::*:root', ['account', 'role'])), field: 'allowedPrincipals', value: "'arn:aws:iam::*:root'", fix: /account roots, roles/ },
  { name: 'internet in halves without the opt-in', run: check((s) => requireNarrowCidrs(s, 'sourceCidrs', ['0.0.0.0/1', '128.0.0.0/1'], { name: 'allowInternetSources', given: false })), field: 'sourceCidrs', value: "'0.0.0.0/1', '128.0.0.0/1'", fix: /allowInternetSources: true/ },
  { name: 'CIDR with host bits in IPv6', run: check((s) => requireCidr(s, 'cidrs', '2001:db8::1/64')), field: 'cidrs', value: "'2001:db8::1/64'", fix: /use 2001:db8::\/64/ },
  { name: 'NLB name starting with internal-', run: check((s) => requireName(s, 'name', 'internal-api', NAME_RULES.loadBalancer)), field: 'name', value: "'internal-api'", fix: /not starting with 'internal-'/ },
  { name: 'target group name over 32', run: check((s) => requireName(s, 'targetGroupName', 'a'.repeat(33), NAME_RULES.targetGroup)), field: 'targetGroupName', value: `'${'a'.repeat(33)}'`, fix: /at most 32/ },
  { name: 'Transfer user name with a space', run: check((s) => requireName(s, 'users.partner', 'partner acme', NAME_RULES.transferUser)), field: 'users.partner', value: "'partner acme'", fix: /3 to 100 characters/ },
  { name: 'Resolver endpoint name of digits', run: check((s) => requireName(s, 'name', '2024', NAME_RULES.resolverEndpoint)), field: 'name', value: "'2024'", fix: /tenant-consumer-prod-inbound/ },
  { name: 'deregistration delay out of range', run: check((s) => requireInteger(s, 'deregistrationDelaySeconds', 3601, { min: 0, max: 3600, unit: 'seconds' })), field: 'deregistrationDelaySeconds', value: 'is 3601', fix: /from 0 to 3600 seconds/ },
  { name: 'enumeration from untyped JS', run: check((s) => requireOneOf(s, 'ipAddressType', 'IPv4' as never, ['ipv4', 'dualstack', 'ipv6'])), field: 'ipAddressType', value: "'IPv4'", fix: /write it as 'ipv4'/ },
  { name: 'timeout that is not a duration', run: check((s) => requireTimeouts(s, 'timeouts', { create: '10min' }, ['create', 'delete'])), field: 'timeouts.create', value: "'10min'", fix: /a positive duration such as '30s', '20m' or '1h30m'/ },
  { name: 'subnets of the wrong region', run: check((s) => requireSubnetPlacement(s, 'subnets', [{ subnetId: 'subnet-1', availabilityZoneId: 'euw1-az1' }], 1, { region: 'ap-northeast-1' })), field: 'subnets', value: "'euw1-az1'", fix: /zones of ap-northeast-1/ },
  { name: 'policy statements not a list (untyped JS)', run: check((s) => policyDocument(s, 'policy', { actions: ['s3:GetObject'] } as never)), field: 'policy', value: 'an object', fix: /list of statements/ },
];

describe('bad input', () => {
  it('has at least 60 cases', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(60);
  });

  it.each(BAD.map((c) => [c.name, c] as const))('%s: one ConfigError naming construct, field, value and fix', (_name, c) => {
    let error: unknown;
    try {
      c.run();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { message, field } = error as ConfigError;
    expect(field).toBe(c.field);
    expect(message).toMatch(/^\w+ '[^']+': '/);
    expect(message).toContain(`'${c.field}' `);
    expect(message).toContain(c.value);
    expect(message.split('; ').slice(1).join('; ')).toMatch(c.fix);
    expect(message).not.toMatch(/TfToken|\$\{Token|-1\.8\d*e\+289|\bnull\b.*NaN/);
  });
});

const GOOD: ReadonlyArray<readonly [string, () => unknown]> = [
  ['a network by AZ IDs with secondary blocks and explicit subnets', network({ zones: ['apne1-az1', 'apne1-az2'], secondaryCidrBlocks: ['10.1.0.0/16'], subnetCidrs: { 'apne1-az2': '10.1.0.0/24' } })],
  ['a network by AZ names without flow logs', network({ zones: ['ap-northeast-1a', 'ap-northeast-1c'], flowLogs: false })],
  ['a network at the smallest size', network({ cidrBlock: '10.0.0.0/28', zones: ['apne1-az1'], subnetPrefixLength: 28 })],
  ['a group with IPv4, IPv6, prefix-list and group peers', group({ ingress: [{ ports: [443], cidrs: ['10.0.0.0/8', '2001:db8::/56'], prefixListIds: ['pl-1'], securityGroupIds: ['sg-1'] }] })],
  ['a group open to the internet by its named opt-in', group({ ingress: [{ ports: [443], cidrs: ['::/0'] }], allowOpenIngress: true })],
  ['a group with a raised quota', group({ ingress: [{ ports: [443], cidrs: Array.from({ length: 80 }, (_, i) => `10.${i}.0.0/16`) }], rulesPerDirectionQuota: 100 })],
  ['a key with a 7-day window and a service', key({ deletionWindowDays: 7, servicePrincipals: ['sns.amazonaws.com'] })],
  ['a log group kept ten years', logGroup({ retentionDays: 3653 })],
  ['flow logs of rejected traffic only', flowLogs({ trafficType: 'REJECT', retentionDays: 90 })],
  ['a production environment with its state in S3', environment({ name: 'prod', backend: { type: 's3', bucket: 'acme-terraform-state' }, assumeRoleArn: 'arn:aws:iam::111111111111:role/deploy' })],
  ['an unresolved CIDR', check((s) => requireCidr(s, 'cidrs', TOKEN))],
  ['a cross-region S3 interface endpoint', check((s) => resolveServiceName(s, 'service', { awsService: 's3' }, 'ap-northeast-1', { serviceRegion: 'us-east-1' }))],
  ['a listener of its own load balancer', check((s) => requireListenerOfLoadBalancer(s, 'listenerArn', `${ALB.replace('loadbalancer', 'listener')}/f2f7dc8efc522ab2`, ALB))],
  ['a service principal among allowed principals', check((s) => requirePrincipal(s, 'allowedPrincipals', 'elasticloadbalancing.amazonaws.com', ['account', 'role', 'service']))],
];

describe('good input', () => {
  it.each(GOOD.map(([name, run]) => [name, run] as const))('%s is accepted', (_name, run) => {
    expect(run).not.toThrow();
  });
});
