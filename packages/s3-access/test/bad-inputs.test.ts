import { ConfigError } from '@privatelink-cdktf/core';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Token } from 'cdktf';
import { requireBucketPrefix } from '../src/bucket';
import { BucketGuard, type BucketGuardProps } from '../src/bucket-guard';
import { ClientVpn, type ClientVpnProps } from '../src/client-vpn';
import { FileGateway, type FileGatewayProps } from '../src/file-gateway';
import { HttpsProxy, type HttpsProxyProps } from '../src/https-proxy';
import { PrivateInstance, type PrivateInstanceProps } from '../src/private-instance';
import { PublicDirectConnect, type PublicDirectConnectProps } from '../src/public-direct-connect';
import { S3GatewayEndpoint, type S3GatewayEndpointProps } from '../src/s3-gateway-endpoint';
import { S3InterfaceEndpoint, type S3InterfaceEndpointProps } from '../src/s3-interface-endpoint';
import { ServiceRole, type ServiceRoleProps } from '../src/service-role';
import { SftpServer, type SftpServerProps } from '../src/sftp-server';
import { SoftwareVpn, type SoftwareVpnProps } from '../src/software-vpn';
import { SyncHost, type SyncHostProps } from '../src/sync-host';
import { AMI, devStack, PREFIX_LIST, SSH_KEY, SUBNETS, VPC } from './helpers';

// One table of bad inputs over every public construct and check of the package. Each case names
// the field the message must name (the one the user wrote), the value as written, and words of
// the fix; every message also names the construct and its path. Untyped JavaScript input is
// passed with `as never`.

const BUCKET = 'acme-dev-exchange';
const ADMIN = 'arn:aws:iam::111111111111:role/terraform';
const TOKEN = Token.asString({ Ref: 'x' });

const guard = (props: Partial<BucketGuardProps>) => () => new BucketGuard(devStack(), 'Guard', { bucketName: BUCKET, endpointIds: ['vpce-0123456789abcdef0'], exemptPrincipalArns: [ADMIN], ...props });
const gateway = (props: Partial<S3GatewayEndpointProps>) => () =>
  new S3GatewayEndpoint(devStack(), 'Gateway', { name: 'gw', vpcId: VPC.vpcId, routeTables: { a: 'rtb-0123456789abcdef0' }, bucketNames: [BUCKET], ...props });
const s3Interface = (props: Partial<S3InterfaceEndpointProps>) => () =>
  new S3InterfaceEndpoint(devStack(), 'S3', { name: 's3', vpc: VPC, subnets: SUBNETS, bucketNames: [BUCKET], clientCidrs: ['192.168.0.0/16'], privateDnsOnlyForInboundResolverEndpoint: false, ...props });
const sftp = (props: Partial<SftpServerProps>) => () =>
  new SftpServer(devStack(), 'Sftp', { name: 'sftp', vpcId: VPC.vpcId, subnets: SUBNETS, bucketName: BUCKET, sourceCidrs: ['192.168.0.0/16'], users: { partner: { sshPublicKeys: [SSH_KEY], homeDirectory: `/${BUCKET}/partner` } }, ...props });
const sftpUser = (user: Record<string, unknown>) => sftp({ users: { partner: { sshPublicKeys: [SSH_KEY], homeDirectory: `/${BUCKET}/partner`, ...user } as never } });
const clientVpn = (props: Partial<ClientVpnProps>) => () =>
  new ClientVpn(devStack(), 'Vpn', {
    name: 'vpn',
    vpc: VPC,
    subnets: SUBNETS,
    clientCidrBlock: '172.20.0.0/22',
    serverCertificateArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/server',
    authentication: { type: 'certificate', rootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/root' },
    ...props,
  });
const dx = (props: Partial<PublicDirectConnectProps>) => () =>
  new PublicDirectConnect(devStack(), 'Vif', { name: 'vif', connectionId: 'dxcon-fg5678gh', vlan: 100, bgpAsn: 65000, amazonAddress: '203.0.113.1/30', customerAddress: '203.0.113.2/30', routeFilterPrefixes: ['198.51.100.0/28'], ...props });
const instance = (props: Partial<PrivateInstanceProps>) => () =>
  new PrivateInstance(devStack(), 'Host', { name: 'host', vpcId: VPC.vpcId, subnetId: SUBNETS[0].subnetId, amiId: AMI, instanceType: 't3.micro', ...props });
const proxy = (props: Partial<HttpsProxyProps>) => () =>
  new HttpsProxy(devStack(), 'Proxy', { name: 'proxy', vpc: VPC, subnet: SUBNETS[0], amiId: AMI, clientCidrs: ['192.168.0.0/16'], s3GatewayEndpoint: PREFIX_LIST, ...props });
const sync = (props: Partial<SyncHostProps>) => () =>
  new SyncHost(devStack(), 'Sync', { name: 'sync', vpc: VPC, subnetId: SUBNETS[0].subnetId, amiId: AMI, bucketName: BUCKET, clientCidrs: ['192.168.0.0/16'], clientPorts: [21], s3GatewayEndpoint: PREFIX_LIST, ...props });
const vpn = (props: Partial<SoftwareVpnProps>) => () =>
  new SoftwareVpn(devStack(), 'Vpn', { name: 'vpn', vpc: VPC, subnetId: SUBNETS[0].subnetId, amiId: AMI, peerAddress: '192.168.0.1', onPremisesCidrs: ['192.168.0.0/16'], preSharedKeyParameterName: '/vpn/psk', s3GatewayEndpoint: PREFIX_LIST, ...props });
const fileGateway = (props: Partial<FileGatewayProps>) => () =>
  new FileGateway(devStack(), 'Gateway', {
    name: 'file-gateway',
    vpc: VPC,
    subnetId: SUBNETS[0].subnetId,
    amiId: AMI,
    activation: { type: 'activation-key', activationKey: 'ABCDE-12345-FGHIJ-67890-KLMNO' },
    bucketName: BUCKET,
    clientCidrs: ['192.168.0.0/16'],
    s3GatewayEndpoint: PREFIX_LIST,
    ...props,
  });
const role = (props: Partial<ServiceRoleProps>) => () => new ServiceRole(devStack(), 'Role', { roleName: 'role', servicePrincipal: 'ec2.amazonaws.com', ...props });
const OPEN_STATEMENT = { principals: '*' as const, actions: ['s3:*'], resources: ['*'] };

const BAD: readonly BadInputCase[] = [
  // BucketGuard
  { name: 'guard props missing (untyped JS)', run: () => new BucketGuard(devStack(), 'Guard', undefined as never), field: 'props', value: 'is missing', fix: /pass the props object/ },
  { name: 'guard bucket name in capitals', run: guard({ bucketName: 'Acme_Exchange' }), field: 'bucketName', value: "'Acme_Exchange'", fix: /lower-case letters/ },
  { name: 'guard bucket name missing (untyped JS)', run: guard({ bucketName: undefined }), field: 'bucketName', value: 'is missing', fix: /acme-reports-111111111111/ },
  { name: 'guard bucket name like an IP address', run: guard({ bucketName: '192.168.1.1' }), field: 'bucketName', value: "'192.168.1.1'", fix: /for example 'acme-reports/ },
  { name: 'guard bucket name with a reserved suffix', run: guard({ bucketName: 'acme-s3alias' }), field: 'bucketName', value: "'acme-s3alias'", fix: /3 to 63 characters/ },
  { name: 'guard endpoint that is a VPC ID', run: guard({ endpointIds: ['vpc-0123456789abcdef0'] }), field: 'endpointIds', value: "'vpc-0123456789abcdef0'", fix: /vpce-0123456789abcdef0/ },
  { name: 'guard without endpoints', run: guard({ endpointIds: [] }), field: 'endpointIds', value: 'is empty', fix: /vpce-/ },
  { name: 'guard endpoint twice', run: guard({ endpointIds: ['vpce-0123456789abcdef0', 'vpce-0123456789abcdef0'] }), field: 'endpointIds', value: "'vpce-0123456789abcdef0'", fix: /each endpoint once/ },
  { name: 'guard exempting every principal of an account', run: guard({ exemptPrincipalArns: ['arn:aws:iam::111111111111:*'] }), field: 'exemptPrincipalArns', value: "'arn:aws:iam::111111111111:*'", fix: /named administrator roles/ },
  { name: 'guard exempting an account root', run: guard({ exemptPrincipalArns: ['arn:aws:iam::111111111111:root'] }), field: 'exemptPrincipalArns', value: "'arn:aws:iam::111111111111:root'", fix: /role\/terraform-deploy/ },
  { name: 'guard exempting every role', run: guard({ exemptPrincipalArns: ['arn:aws:iam::111111111111:role/*'] }), field: 'exemptPrincipalArns', value: "'arn:aws:iam::111111111111:role/*'", fix: /named administrator roles/ },
  { name: 'guard exempting nobody', run: guard({ exemptPrincipalArns: [] }), field: 'exemptPrincipalArns', value: 'is empty', fix: /locks you out/ },
  { name: 'guard exempting a non-IAM ARN', run: guard({ exemptPrincipalArns: ['arn:aws:s3:::bucket'] }), field: 'exemptPrincipalArns', value: "'arn:aws:s3:::bucket'", fix: /full ARN/ },
  { name: 'guard encryption misspelt (untyped JS)', run: guard({ createBucket: true, encryption: 'sse-kms' as never }), field: 'encryption', value: "'sse-kms'", fix: /write it as 'SSE-KMS'/ },
  { name: 'guard versioning without createBucket', run: guard({ versioning: false }), field: 'versioning', value: 'is set but createBucket is not', fix: /createBucket: true/ },
  { name: 'guard createBucket as a string (untyped JS)', run: guard({ createBucket: 'yes' as never }), field: 'createBucket', value: "the string 'yes'", fix: /true or false/ },
  { name: 'guard key of another region', run: guard({ createBucket: true, kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/k' }), field: 'kmsKeyArn', value: "'arn:aws:kms:us-east-1:111111111111:key/k'", fix: /ap-northeast-1/ },
  { name: 'guard key with SSE-S3', run: guard({ createBucket: true, encryption: 'SSE-S3', kmsKeyArn: 'arn:aws:kms:ap-northeast-1:111111111111:key/k' }), field: 'kmsKeyArn', value: 'is set with SSE-S3', fix: /encryption: 'SSE-KMS'/ },
  { name: 'guard dependsOn of IDs (untyped JS)', run: guard({ dependsOn: ['vpce-1' as never] }), field: 'dependsOn[0]', value: "the string 'vpce-1'", fix: /not their IDs/ },
  // S3GatewayEndpoint
  { name: 'gateway props null (untyped JS)', run: () => new S3GatewayEndpoint(devStack(), 'Gateway', null as never), field: 'props', value: 'is null', fix: /pass the props object/ },
  { name: 'gateway name with spaces', run: gateway({ name: 's3 gateway' }), field: 'name', value: "'s3 gateway'", fix: /letters, digits and \._-/ },
  { name: 'gateway VPC ID of a subnet', run: gateway({ vpcId: 'subnet-0123456789abcdef0' }), field: 'vpcId', value: "'subnet-0123456789abcdef0'", fix: /vpc-0123456789abcdef0/ },
  { name: 'gateway route table that is no ID', run: gateway({ routeTables: { a: 'main' } }), field: 'routeTables.a', value: "'main'", fix: /rtb-0123456789abcdef0/ },
  { name: 'gateway without route tables', run: gateway({ routeTables: {} }), field: 'routeTables', value: 'is empty', fix: /keyed by a stable name/ },
  { name: 'gateway route table key with capitals', run: gateway({ routeTables: { AZ1: 'rtb-0123456789abcdef0' } }), field: 'routeTables', value: "'AZ1'", fix: /lower-case letters/ },
  { name: 'gateway route tables as a list (untyped JS)', run: gateway({ routeTables: ['rtb-0123456789abcdef0'] as never }), field: 'routeTables', value: 'a list', fix: /stable key/ },
  { name: 'gateway without buckets', run: gateway({ bucketNames: [] }), field: 'bucketNames', value: 'is empty', fix: /name the buckets/ },
  { name: 'gateway bucket in capitals', run: gateway({ bucketNames: ['Bad_Bucket'] }), field: 'bucketNames', value: "'Bad_Bucket'", fix: /lower-case letters/ },
  { name: 'gateway access misspelt (untyped JS)', run: gateway({ access: 'write' as never }), field: 'access', value: "'write'", fix: /'read', 'read-write'/ },
  { name: 'gateway access of another service', run: gateway({ access: ['dynamodb:GetItem'] }), field: 'access', value: "'dynamodb:GetItem'", fix: /s3:GetObject/ },
  { name: 'gateway access empty', run: gateway({ access: [] }), field: 'access', value: 'is empty', fix: /name the S3 actions/ },
  { name: 'gateway principal account of 11 digits', run: gateway({ principalAccountIds: ['11111111111'] }), field: 'principalAccountIds', value: "'11111111111'", fix: /exactly 12 digits/ },
  { name: 'gateway principal accounts empty', run: gateway({ principalAccountIds: [] }), field: 'principalAccountIds', value: 'is empty', fix: /VPC's account/ },
  { name: 'gateway organization ID that is none', run: gateway({ organizationId: 'acme' }), field: 'organizationId', value: "'acme'", fix: /o-a1b2c3d4e5/ },
  { name: 'gateway open statement without allowAll', run: gateway({ additionalStatements: [OPEN_STATEMENT] }), field: 'additionalStatements[0]', value: 'allows any principal every S3 action on every resource', fix: /allowAll: true/ },
  { name: 'gateway open statement spelt with NotPrincipal-free { AWS: * }', run: gateway({ additionalStatements: [{ principals: { AWS: ['*'] }, actions: ['*'], resources: ['arn:aws:s3:::*'] }] }), field: 'additionalStatements[0]', value: 'allows any principal', fix: /allowAll: true/ },
  { name: 'gateway statement without actions', run: gateway({ additionalStatements: [{ actions: [] }] }), field: 'additionalStatements[0].actions', value: 'is empty', fix: /s3:GetObject/ },
  { name: 'gateway allowAll as a string (untyped JS)', run: gateway({ allowAll: 'true' as never }), field: 'allowAll', value: "the string 'true'", fix: /true or false/ },
  { name: 'gateway repositories as a number (untyped JS)', run: gateway({ allowAmazonLinuxRepositories: 1 as never }), field: 'allowAmazonLinuxRepositories', value: 'the number 1', fix: /true or false/ },
  // S3InterfaceEndpoint
  { name: 'interface props missing (untyped JS)', run: () => new S3InterfaceEndpoint(devStack(), 'S3', undefined as never), field: 'props', value: 'is missing', fix: /pass the props object/ },
  { name: 'interface open to the whole internet', run: s3Interface({ clientCidrs: ['0.0.0.0/0'] }), field: 'clientCidrs', value: "'0.0.0.0/0'", fix: /never admitted/ },
  { name: 'interface open to the internet in halves', run: s3Interface({ clientCidrs: ['0.0.0.0/1', '128.0.0.0/1'] }), field: 'clientCidrs', value: "'0.0.0.0/1', '128.0.0.0/1'", fix: /never admitted/ },
  { name: 'interface client CIDR with host bits', run: s3Interface({ clientCidrs: ['192.168.0.1/16'] }), field: 'clientCidrs', value: "'192.168.0.1/16'", fix: /use 192\.168\.0\.0\/16/ },
  { name: 'interface without clients', run: s3Interface({ clientCidrs: [] }), field: 'clientCidrs', value: 'is empty', fix: /on-premises/ },
  { name: 'interface DNS option unset (untyped JS)', run: s3Interface({ privateDnsOnlyForInboundResolverEndpoint: undefined }), field: 'privateDnsOnlyForInboundResolverEndpoint', value: 'is not set', fix: /set it explicitly/ },
  { name: 'interface DNS option as a string (untyped JS)', run: s3Interface({ privateDnsOnlyForInboundResolverEndpoint: 'true' as never }), field: 'privateDnsOnlyForInboundResolverEndpoint', value: "the string 'true'", fix: /set it explicitly/ },
  { name: 'interface inbound-only without a gateway endpoint', run: s3Interface({ privateDnsOnlyForInboundResolverEndpoint: true }), field: 'privateDnsOnlyForInboundResolverEndpoint', value: 'no S3 gateway endpoint', fix: /pass gatewayEndpoint/ },
  { name: 'interface gateway endpoint of another VPC', run: s3Interface({ gatewayEndpoint: { endpointId: 'vpce-0123456789abcdef0', vpcId: 'vpc-0fffffffffffffff0' } }), field: 'gatewayEndpoint', value: 'is in another VPC', fix: /same VPC/ },
  { name: 'interface gateway endpoint ID that is none', run: s3Interface({ gatewayEndpoint: { endpointId: 'gw', vpcId: VPC.vpcId } }), field: 'gatewayEndpoint.endpointId', value: "'gw'", fix: /vpce-0123456789abcdef0/ },
  { name: 'interface resolver in one zone', run: s3Interface({ subnets: [SUBNETS[0]] }), field: 'subnets', value: 'has 1 subnet', fix: /at least 2 Availability Zones/ },
  { name: 'interface subnet of another region', run: s3Interface({ subnets: [{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'use1-az1' }, SUBNETS[1]] }), field: 'subnets', value: "'use1-az1'", fix: /ap-northeast-1/ },
  { name: 'interface VPC without blocks (untyped JS)', run: s3Interface({ vpc: { vpcId: VPC.vpcId } as never }), field: 'vpc.cidrBlocks', value: 'is empty', fix: /10\.0\.0\.0\/16/ },
  { name: 'interface resolver address outside its subnet', run: s3Interface({ subnets: [{ ...SUBNETS[0], cidrBlock: '10.30.0.0/20' }, SUBNETS[1]], inboundResolver: { ipAddresses: { 'apne1-az1': '10.31.0.10' } } }), field: 'inboundResolver.ipAddresses.apne1-az1', value: "'10.31.0.10'", fix: /inside 10\.30\.0\.0\/20/ },
  { name: 'interface resolver address keyed by no subnet', run: s3Interface({ inboundResolver: { ipAddresses: { 'apne1-az4': '10.30.0.10' } } }), field: 'inboundResolver.ipAddresses.apne1-az4', value: 'names no subnet', fix: /apne1-az1, apne1-az2/ },
  { name: 'interface preventDestroy as a string (untyped JS)', run: s3Interface({ preventDestroy: 'no' as never }), field: 'preventDestroy', value: "the string 'no'", fix: /true or false/ },
  { name: 'interface open statement without allowAll', run: s3Interface({ additionalStatements: [OPEN_STATEMENT] }), field: 'additionalStatements[0]', value: 'allows any principal', fix: /allowAll: true/ },
  // SftpServer
  { name: 'SFTP props missing (untyped JS)', run: () => new SftpServer(devStack(), 'Sftp', undefined as never), field: 'props', value: 'is missing', fix: /pass the props object/ },
  { name: 'SFTP sources open to the internet', run: sftp({ sourceCidrs: ['0.0.0.0/0'] }), field: 'sourceCidrs', value: "'0.0.0.0/0'", fix: /allowInternetSources: true/ },
  { name: 'SFTP with Elastic IPs and split-internet sources', run: sftp({ elasticIps: true, sourceCidrs: ['0.0.0.0/1', '128.0.0.0/1'] }), field: 'sourceCidrs', value: "'0.0.0.0/1', '128.0.0.0/1'", fix: /allowInternetSources: true/ },
  { name: 'SFTP sources open over IPv6 as 0::/0', run: sftp({ sourceCidrs: ['0::/0'] }), field: 'sourceCidrs', value: "'0::/0'", fix: /allowInternetSources: true/ },
  { name: 'SFTP without sources', run: sftp({ sourceCidrs: [] }), field: 'sourceCidrs', value: 'is empty', fix: /192\.168\.10\.0\/24/ },
  { name: 'SFTP elasticIps as a string (untyped JS)', run: sftp({ elasticIps: 'true' as never }), field: 'elasticIps', value: "the string 'true'", fix: /true or false/ },
  { name: 'SFTP old security policy', run: sftp({ securityPolicyName: 'TransferSecurityPolicy-2020-06' }), field: 'securityPolicyName', value: "'TransferSecurityPolicy-2020-06'", fix: /TransferSecurityPolicy-2024-01 or a newer/ },
  { name: 'SFTP security policy that does not exist', run: sftp({ securityPolicyName: 'Modern' }), field: 'securityPolicyName', value: "'Modern'", fix: /TransferSecurityPolicy-2024-01/ },
  { name: 'SFTP log retention CloudWatch refuses', run: sftp({ logRetentionDays: 10 }), field: 'logRetentionDays', value: 'is 10', fix: /for example 14/ },
  { name: 'SFTP name with punctuation for its log group', run: sftp({ name: 'sftp server!' }), field: 'name', value: "'sftp server!'", fix: /letters, digits and \._-/ },
  { name: 'SFTP VPC ID that is none', run: sftp({ vpcId: 'vpc-1' }), field: 'vpcId', value: "'vpc-1'", fix: /vpc-0123456789abcdef0/ },
  { name: 'SFTP bucket in capitals', run: sftp({ bucketName: 'Not_A_Bucket' }), field: 'bucketName', value: "'Not_A_Bucket'", fix: /lower-case letters/ },
  { name: 'SFTP key of another service', run: sftp({ bucketKmsKeyArn: 'arn:aws:iam::111111111111:role/x' }), field: 'bucketKmsKeyArn', value: "'arn:aws:iam::111111111111:role/x'", fix: /arn:aws:kms/ },
  { name: 'SFTP users missing (untyped JS)', run: sftp({ users: undefined }), field: 'users', value: 'is missing', fix: /sshPublicKeys/ },
  { name: 'SFTP users empty', run: sftp({ users: {} }), field: 'users', value: 'is empty', fix: /at least one user/ },
  { name: 'SFTP user name too short', run: sftp({ users: { ab: { sshPublicKeys: [SSH_KEY], homeDirectory: `/${BUCKET}/ab` } } }), field: 'users', value: "'ab'", fix: /3 to 100 characters/ },
  { name: 'SFTP user name in capitals', run: sftp({ users: { Partner: { sshPublicKeys: [SSH_KEY], homeDirectory: `/${BUCKET}/p` } } }), field: 'users', value: "'Partner'", fix: /lower-case letters/ },
  { name: 'SFTP home with a wildcard', run: sftpUser({ homeDirectory: `/${BUCKET}/partners/p*` }), field: 'users.partner.homeDirectory', value: `'/${BUCKET}/partners/p*'`, fix: /without '\*' or '\?'/ },
  { name: 'SFTP home in another bucket', run: sftpUser({ homeDirectory: '/other-bucket/partner' }), field: 'users.partner.homeDirectory', value: "'/other-bucket/partner'", fix: /inside the server's bucket/ },
  { name: 'SFTP home at the bucket root', run: sftpUser({ homeDirectory: `/${BUCKET}/` }), field: 'users.partner.homeDirectory', value: `'/${BUCKET}/'`, fix: /inside the server's bucket/ },
  { name: 'SFTP home escaping with ..', run: sftpUser({ homeDirectory: `/${BUCKET}/a/../b` }), field: 'users.partner.homeDirectory', value: "'a/../b'", fix: /without '\.' or '\.\.' segments/ },
  { name: 'SFTP home missing (untyped JS)', run: sftpUser({ homeDirectory: undefined }), field: 'users.partner.homeDirectory', value: 'is missing', fix: /inside the server's bucket/ },
  { name: 'SFTP key that is no OpenSSH key', run: sftpUser({ sshPublicKeys: ['not a key'] }), field: 'users.partner.sshPublicKeys', value: "'not a key'", fix: /ssh-ed25519/ },
  { name: 'SFTP user without keys', run: sftpUser({ sshPublicKeys: [] }), field: 'users.partner.sshPublicKeys', value: 'is empty', fix: /public key/ },
  { name: 'SFTP readOnly as a string (untyped JS)', run: sftpUser({ readOnly: 'yes' }), field: 'users.partner.readOnly', value: "the string 'yes'", fix: /true or false/ },
  { name: 'SFTP custom host name with a space', run: sftp({ customHostname: { zoneId: 'Z0123456789ABCDEFGHIJ', name: 'sftp partner.example.com' } }), field: 'customHostname.name', value: "'sftp partner.example.com'", fix: /lower-case labels/ },
  { name: 'SFTP hosted zone with its prefix', run: sftp({ customHostname: { zoneId: '/hostedzone/Z0123', name: 'sftp.example.com' } }), field: 'customHostname.zoneId', value: "'/hostedzone/Z0123'", fix: /without its \/hostedzone\/ prefix/ },
  { name: 'SFTP subnets in one zone twice', run: sftp({ subnets: [SUBNETS[0], { ...SUBNETS[1], availabilityZoneId: 'apne1-az1' }] }), field: 'subnets', value: 'has two subnets in apne1-az1', fix: /one subnet per Availability Zone/ },
  // ClientVpn
  { name: 'VPN props null (untyped JS)', run: () => new ClientVpn(devStack(), 'Vpn', null as never), field: 'props', value: 'is null', fix: /pass the props object/ },
  { name: 'VPN client range overlapping the VPC', run: clientVpn({ clientCidrBlock: '10.30.4.0/22' }), field: 'clientCidrBlock', value: "'10.30.4.0/22'", fix: /outside the VPC/ },
  { name: 'VPN client range too large', run: clientVpn({ clientCidrBlock: '10.0.0.0/8' }), field: 'clientCidrBlock', value: "'10.0.0.0/8'", fix: /from \/12 to \/22/ },
  { name: 'VPN client range of IPv6', run: clientVpn({ clientCidrBlock: '2001:db8::/56' }), field: 'clientCidrBlock', value: "'2001:db8::/56'", fix: /give an IPv4 block/ },
  { name: 'VPN client range missing (untyped JS)', run: clientVpn({ clientCidrBlock: undefined }), field: 'clientCidrBlock', value: 'is missing', fix: /172\.20\.0\.0\/22/ },
  { name: 'VPN certificate of another region', run: clientVpn({ serverCertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/s' }), field: 'serverCertificateArn', value: "'arn:aws:acm:us-east-1:111111111111:certificate/s'", fix: /ap-northeast-1/ },
  { name: 'VPN certificate that is no ARN', run: clientVpn({ serverCertificateArn: 'cert' }), field: 'serverCertificateArn', value: "'cert'", fix: /full ARN/ },
  { name: 'VPN authentication type misspelt (untyped JS)', run: clientVpn({ authentication: { type: 'cert' } as never }), field: 'authentication.type', value: "'cert'", fix: /'certificate', 'saml'/ },
  { name: 'VPN SAML provider that is a certificate', run: clientVpn({ authentication: { type: 'saml', samlProviderArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/x' } }), field: 'authentication.samlProviderArn', value: "'arn:aws:acm:ap-northeast-1:111111111111:certificate/x'", fix: /saml-provider/ },
  { name: 'VPN transport misspelt (untyped JS)', run: clientVpn({ transportProtocol: 'UDP' as never }), field: 'transportProtocol', value: "'UDP'", fix: /write it as 'udp'/ },
  { name: 'VPN port AWS does not listen on', run: clientVpn({ vpnPort: 8443 as never }), field: 'vpnPort', value: 'is 8443', fix: /443 or 1194/ },
  { name: 'VPN authorizations empty', run: clientVpn({ authorizations: [] }), field: 'authorizations', value: 'is empty', fix: /VPC CIDR block/ },
  { name: 'VPN authorization with host bits', run: clientVpn({ authorizations: [{ targetCidr: '10.30.0.1/16' }] }), field: 'authorizations[0].targetCidr', value: "'10.30.0.1/16'", fix: /use 10\.30\.0\.0\/16/ },
  { name: 'VPN splitTunnel as a string (untyped JS)', run: clientVpn({ splitTunnel: 'false' as never }), field: 'splitTunnel', value: "the string 'false'", fix: /true or false/ },
  { name: 'VPN log retention CloudWatch refuses', run: clientVpn({ logRetentionDays: 0 }), field: 'logRetentionDays', value: 'is 0', fix: /for example 1 / },
  { name: 'VPN prefix list that is no ID', run: clientVpn({ s3GatewayEndpoint: { prefixListId: 's3' } }), field: 's3GatewayEndpoint.prefixListId', value: "'s3'", fix: /pl-61a54008/ },
  // PublicDirectConnect
  { name: 'DX route filter of the whole internet', run: dx({ routeFilterPrefixes: ['0.0.0.0/0'] }), field: 'routeFilterPrefixes', value: "'0.0.0.0/0'", fix: /public prefixes you own/ },
  { name: 'DX route filter of the internet in halves', run: dx({ routeFilterPrefixes: ['0.0.0.0/1', '128.0.0.0/1'] }), field: 'routeFilterPrefixes', value: "'0.0.0.0/1', '128.0.0.0/1'", fix: /public prefixes you own/ },
  { name: 'DX route filter of a private range', run: dx({ routeFilterPrefixes: ['192.168.10.0/24'] }), field: 'routeFilterPrefixes', value: "'192.168.10.0/24'", fix: /NAT your clients/ },
  { name: 'DX route filter containing a private range', run: dx({ routeFilterPrefixes: ['8.0.0.0/5'] }), field: 'routeFilterPrefixes', value: "'8.0.0.0/5'", fix: /NAT your clients/ },
  { name: 'DX route filter of IPv6', run: dx({ routeFilterPrefixes: ['2001:db8::/48'] }), field: 'routeFilterPrefixes', value: "'2001:db8::/48'", fix: /give an IPv4 block/ },
  { name: 'DX connection ID that is none', run: dx({ connectionId: 'conn-1' }), field: 'connectionId', value: "'conn-1'", fix: /dxcon-fg5678gh/ },
  { name: 'DX VLAN out of range', run: dx({ vlan: 5000 }), field: 'vlan', value: 'is 5000', fix: /from 1 to 4094/ },
  { name: 'DX VLAN NaN', run: dx({ vlan: NaN }), field: 'vlan', value: 'is NaN', fix: /whole number/ },
  { name: 'DX ASN of 0', run: dx({ bgpAsn: 0 }), field: 'bgpAsn', value: 'is 0', fix: /from 1 to 4294967294/ },
  { name: 'DX peering addresses of two subnets', run: dx({ customerAddress: '203.0.113.6/30' }), field: 'customerAddress', value: "'203.0.113.6/30'", fix: /one \/30 or \/31/ },
  { name: 'DX peering prefix too wide', run: dx({ amazonAddress: '203.0.113.1/24' }), field: 'amazonAddress', value: "'203.0.113.1/24'", fix: /\/30 or \/31/ },
  { name: 'DX name with a comma', run: dx({ name: 'a,b' }), field: 'name', value: "'a,b'", fix: /1-100 letters/ },
  { name: 'DX name missing (untyped JS)', run: dx({ name: undefined }), field: 'name', value: 'is missing', fix: /onprem-s3-public/ },
  // PrivateInstance
  { name: 'instance AMI that is no ID', run: instance({ amiId: 'al2023' }), field: 'amiId', value: "'al2023'", fix: /ami-0123456789abcdef0/ },
  { name: 'instance root volume of 0 GiB', run: instance({ rootVolumeSizeGiB: 0 }), field: 'rootVolumeSizeGiB', value: 'is 0', fix: /from 1 to 16384 GiB/ },
  { name: 'instance io1 root volume below 4 GiB', run: instance({ rootVolumeType: 'io1', rootVolumeSizeGiB: 2, rootVolumeIops: 100 }), field: 'rootVolumeSizeGiB', value: 'is 2', fix: /from 4 to 16384 GiB/ },
  { name: 'instance io2 volume without IOPS', run: instance({ dataVolumes: [{ deviceName: '/dev/sdb', sizeGiB: 100, volumeType: 'io2' }] }), field: 'dataVolumes[0].iops', value: 'is missing for an io2 volume', fix: /from 100 to 256000/ },
  { name: 'instance gp3 IOPS above its ratio', run: instance({ dataVolumes: [{ deviceName: '/dev/sdb', sizeGiB: 8, iops: 16000 }] }), field: 'dataVolumes[0].iops', value: 'is 16000 for 8 GiB', fix: /at most 4000 IOPS/ },
  { name: 'instance gp3 volume too large', run: instance({ dataVolumes: [{ deviceName: '/dev/sdb', sizeGiB: 20000 }] }), field: 'dataVolumes[0].sizeGiB', value: 'is 20000', fix: /16384 GiB/ },
  { name: 'instance volume type misspelt (untyped JS)', run: instance({ dataVolumes: [{ deviceName: '/dev/sdb', sizeGiB: 10, volumeType: 'GP3' as never }] }), field: 'dataVolumes[0].volumeType', value: "'GP3'", fix: /write it as 'gp3'/ },
  { name: 'instance device name of the root', run: instance({ dataVolumes: [{ deviceName: '/dev/xvda', sizeGiB: 10 }] }), field: 'dataVolumes[0].deviceName', value: "'/dev/xvda'", fix: /'\/dev\/sdb' to '\/dev\/sdz'/ },
  { name: 'instance device name twice', run: instance({ dataVolumes: [{ deviceName: '/dev/sdb', sizeGiB: 10 }, { deviceName: '/dev/sdb', sizeGiB: 20 }] }), field: 'dataVolumes', value: "'/dev/sdb' twice", fix: /its own device name/ },
  { name: 'instance type missing (untyped JS)', run: instance({ instanceType: undefined }), field: 'instanceType', value: 'is missing', fix: /t3\.small/ },
  { name: 'instance subnet ID that is none', run: instance({ subnetId: 'private-a' }), field: 'subnetId', value: "'private-a'", fix: /subnet-0123456789abcdef0/ },
  { name: 'instance sourceDestCheck as a string (untyped JS)', run: instance({ sourceDestCheck: 'off' as never }), field: 'sourceDestCheck', value: "the string 'off'", fix: /true or false/ },
  // HttpsProxy
  { name: 'proxy open to the whole internet', run: proxy({ clientCidrs: ['0.0.0.0/0'] }), field: 'clientCidrs', value: "'0.0.0.0/0'", fix: /never admitted/ },
  { name: 'proxy open to all of IPv6', run: proxy({ clientCidrs: ['::/0'] }), field: 'clientCidrs', value: "'::/0'", fix: /never admitted/ },
  { name: 'proxy port 0', run: proxy({ port: 0 }), field: 'port', value: 'port 0', fix: /1 to 65535/ },
  { name: 'proxy credentials path misspelt (untyped JS)', run: proxy({ credentialsPath: 'nat' as never }), field: 'credentialsPath', value: "'nat'", fix: /'new-sts-endpoint', 'existing-sts-endpoint', 'nat-gateway'/ },
  { name: 'proxy AMI that is no ID', run: proxy({ amiId: 'ubuntu' }), field: 'amiId', value: "'ubuntu'", fix: /ami-0123456789abcdef0/ },
  { name: 'proxy subnet missing (untyped JS)', run: proxy({ subnet: undefined }), field: 'subnet', value: 'is missing', fix: /subnetId: 'subnet-/ },
  { name: 'proxy gateway endpoint missing (untyped JS)', run: proxy({ s3GatewayEndpoint: undefined }), field: 's3GatewayEndpoint', value: 'is missing', fix: /S3GatewayEndpoint/ },
  { name: 'proxy VPC ID that is none', run: proxy({ vpc: { ...VPC, vpcId: 'default' } }), field: 'vpc.vpcId', value: "'default'", fix: /vpc-0123456789abcdef0/ },
  // SyncHost
  { name: 'sync host admitting SSH', run: sync({ clientPorts: [21, 22] }), field: 'clientPorts', value: 'includes 22', fix: /SftpServer/ },
  { name: 'sync host data volume of 0 GiB', run: sync({ dataVolumeSizeGiB: 0 }), field: 'dataVolumeSizeGiB', value: 'is 0', fix: /from 1 to 16384 GiB/ },
  { name: 'sync host interval of 0', run: sync({ syncIntervalMinutes: 0 }), field: 'syncIntervalMinutes', value: 'is 0', fix: /from 1 to 1440 minutes/ },
  { name: 'sync host relative directory', run: sync({ localDirectory: 'outbox' }), field: 'localDirectory', value: "'outbox'", fix: /\/srv\/outbox/ },
  { name: 'sync host prefix with a wildcard', run: sync({ bucketPrefix: 'in*' }), field: 'bucketPrefix', value: "'in*'", fix: /without '\*' or '\?'/ },
  { name: 'sync host clients open to the internet', run: sync({ clientCidrs: ['0.0.0.0/0'] }), field: 'clientCidrs', value: "'0.0.0.0/0'", fix: /never admitted/ },
  { name: 'sync host mirrorDeletes as a string (untyped JS)', run: sync({ mirrorDeletes: 'yes' as never }), field: 'mirrorDeletes', value: "the string 'yes'", fix: /true or false/ },
  { name: 'sync host ports missing (untyped JS)', run: sync({ clientPorts: undefined }), field: 'clientPorts', value: 'is empty', fix: /\[443\]/ },
  // SoftwareVpn
  { name: 'VPN peer that is no address', run: vpn({ peerAddress: '300.1.1.1' }), field: 'peerAddress', value: "'300.1.1.1'", fix: /IPv4 address/ },
  { name: 'VPN on-premises network equal to the VPC', run: vpn({ onPremisesCidrs: ['10.30.0.0/16'] }), field: 'onPremisesCidrs', value: "'10.30.0.0/16'", fix: /must not overlap/ },
  { name: 'VPN on-premises network inside the VPC', run: vpn({ onPremisesCidrs: ['10.30.5.0/24'] }), field: 'onPremisesCidrs', value: "'10.30.5.0/24'", fix: /must not overlap/ },
  { name: 'VPN on-premises network of IPv6', run: vpn({ onPremisesCidrs: ['fd00::/8'] }), field: 'onPremisesCidrs', value: "'fd00::/8'", fix: /give an IPv4 block/ },
  { name: 'VPN on-premises network of the whole internet', run: vpn({ onPremisesCidrs: ['0.0.0.0/0'] }), field: 'onPremisesCidrs', value: "'0.0.0.0/0'", fix: /never admitted/ },
  { name: 'VPN parameter name without a slash', run: vpn({ preSharedKeyParameterName: 'psk' }), field: 'preSharedKeyParameterName', value: "'psk'", fix: /\/vpn\/onprem\/psk/ },
  { name: 'VPN parameter missing (untyped JS)', run: vpn({ preSharedKeyParameterName: undefined }), field: 'preSharedKeyParameterName', value: 'is missing', fix: /SecureString/ },
  // FileGateway
  { name: 'file gateway time zone as an IANA name', run: fileGateway({ timezone: 'Asia/Tokyo' }), field: 'timezone', value: "'Asia/Tokyo'", fix: /'GMT\+9:00'/ },
  { name: 'file gateway time zone beyond +14', run: fileGateway({ timezone: 'GMT+15:00' }), field: 'timezone', value: "'GMT+15:00'", fix: /GMT\+hours:minutes/ },
  { name: 'file gateway guest password too short', run: fileGateway({ protocol: 'SMB', smbGuestPassword: 'abc' }), field: 'smbGuestPassword', value: 'has 3 characters', fix: /6 to 512 printable ASCII/ },
  { name: 'file gateway guest password with non-ASCII', run: fileGateway({ protocol: 'SMB', smbGuestPassword: 'pässwörd' }), field: 'smbGuestPassword', value: 'outside printable ASCII', fix: /6 to 512 printable ASCII/ },
  { name: 'file gateway guest password for NFS', run: fileGateway({ smbGuestPassword: 'guest-password' }), field: 'protocol', value: "is 'NFS' but SMB settings are given", fix: /protocol: 'SMB'/ },
  { name: 'file gateway SMB without authentication', run: fileGateway({ protocol: 'SMB' }), field: 'smbActiveDirectory', value: 'both set or both missing', fix: /give exactly one/ },
  { name: 'file gateway protocol misspelt (untyped JS)', run: fileGateway({ protocol: 'nfs' as never }), field: 'protocol', value: "'nfs'", fix: /write it as 'NFS'/ },
  { name: 'file gateway with 2 vCPUs', run: fileGateway({ instanceType: 'm5.large' }), field: 'instanceType', value: "'m5.large'", fix: /at least 4 vCPUs/ },
  { name: 'file gateway cache of 0 GiB', run: fileGateway({ cacheVolumeSizeGiB: 0 }), field: 'cacheVolumeSizeGiB', value: 'is 0', fix: /from 150 to 16384 GiB/ },
  { name: 'file gateway cache above a gp3 volume', run: fileGateway({ cacheVolumeSizeGiB: 65536 }), field: 'cacheVolumeSizeGiB', value: 'is 65536', fix: /from 150 to 16384 GiB/ },
  { name: 'file gateway root below the AMI', run: fileGateway({ rootVolumeSizeGiB: 40 }), field: 'rootVolumeSizeGiB', value: 'is 40', fix: /needs 80 GiB/ },
  { name: 'file gateway activation type misspelt (untyped JS)', run: fileGateway({ activation: { type: 'key' } as never }), field: 'activation.type', value: "'key'", fix: /'ip-address', 'activation-key'/ },
  { name: 'file gateway activation open to the internet', run: fileGateway({ activation: { type: 'ip-address', terraformRunnerCidrs: ['0.0.0.0/0'] } }), field: 'activation.terraformRunnerCidrs', value: "'0.0.0.0/0'", fix: /never admitted/ },
  { name: 'file gateway activation missing (untyped JS)', run: fileGateway({ activation: undefined }), field: 'activation', value: 'is missing', fix: /terraformRunnerCidrs/ },
  { name: 'file gateway log retention CloudWatch refuses', run: fileGateway({ logRetentionDays: 400.5 }), field: 'logRetentionDays', value: 'is 400.5', fix: /periods CloudWatch Logs accepts/ },
  { name: 'file gateway directory domain with a space', run: fileGateway({ protocol: 'SMB', smbActiveDirectory: { domainName: 'corp example', username: 'join', password: TOKEN } }), field: 'smbActiveDirectory.domainName', value: "'corp example'", fix: /lower-case labels/ },
  { name: 'file gateway prefix escaping with ..', run: fileGateway({ bucketPrefix: 'files/../other' }), field: 'bucketPrefix', value: "'files/../other'", fix: /without '\.' or '\.\.' segments/ },
  { name: 'file gateway name with a space for its log group', run: fileGateway({ name: 'file gateway' }), field: 'name', value: "'file gateway'", fix: /letters, digits and \._-/ },
  // ServiceRole
  { name: 'role service principal that is an account', run: role({ servicePrincipal: '111111111111' }), field: 'servicePrincipal', value: "'111111111111'", fix: /service principals, for example elasticloadbalancing\.amazonaws\.com/ },
  { name: 'role service principal that is a role', run: role({ servicePrincipal: 'arn:aws:iam::111111111111:role/x' }), field: 'servicePrincipal', value: "'arn:aws:iam::111111111111:role/x'", fix: /service principals/ },
  { name: 'role of Transfer Family without a source ARN', run: role({ servicePrincipal: 'transfer.amazonaws.com', sourceAccountId: '111111111111' }), field: 'sourceArn', value: "'transfer.amazonaws.com'", fix: /with sourceAccountId/ },
  { name: 'role source ARN without the account', run: role({ sourceArn: 'arn:aws:ec2:ap-northeast-1:111111111111:instance/*' }), field: 'sourceArn', value: 'without sourceAccountId', fix: /give both/ },
  { name: 'role name too long', run: role({ roleName: 'r'.repeat(65) }), field: 'roleName', value: `'${'r'.repeat(65)}'`, fix: /at most 64 characters/ },
  { name: 'role managed policy given as an ARN', run: role({ managedPolicyNames: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }), field: 'managedPolicyNames', value: "'arn:aws:iam::aws:policy/ReadOnlyAccess'", fix: /without its ARN/ },
  { name: 'role source account of 11 digits', run: role({ sourceAccountId: '11111111111' }), field: 'sourceAccountId', value: "'11111111111'", fix: /exactly 12 digits/ },
  // requireBucketPrefix
  { name: 'bucket prefix with a question mark', run: () => requireBucketPrefix(devStack(), 'bucketPrefix', 'part?ers'), field: 'bucketPrefix', value: "'part?ers'", fix: /without '\*' or '\?'/ },
  { name: 'bucket prefix with a double slash', run: () => requireBucketPrefix(devStack(), 'bucketPrefix', 'a//b'), field: 'bucketPrefix', value: "'a//b'", fix: /single slashes/ },
];

describe('bad input', () => {
  it('has at least 90 cases', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(90);
  });

  it.each(BAD.map((c) => [c.name, c] as const))('%s: one ConfigError naming construct, field, value and fix', (_name, c) => assertBadInput(c));
});

const GOOD: ReadonlyArray<readonly [string, () => unknown]> = [
  ['an open endpoint statement with allowAll', gateway({ additionalStatements: [OPEN_STATEMENT], allowAll: true })],
  ['an endpoint for an organization only', s3Interface({ organizationId: 'o-a1b2c3d4e5', access: 'read' })],
  ['an endpoint with listed actions for two accounts', gateway({ access: ['s3:GetObject', 's3:DeleteObject'], principalAccountIds: ['111111111111', '222222222222'] })],
  ['an SFTP server open to the internet by its named opt-in', sftp({ elasticIps: true, sourceCidrs: ['0.0.0.0/1', '128.0.0.0/1'], allowInternetSources: true })],
  ['an SFTP home under a nested prefix', sftpUser({ homeDirectory: `/${BUCKET}/partners/acme` })],
  ['a guard exempting a role pattern inside a name', guard({ exemptPrincipalArns: ['arn:aws:iam::111111111111:role/ci-*'] })],
  ['a file gateway on SMB with a guest password from a variable, at GMT-3:30', fileGateway({ protocol: 'SMB', smbGuestPassword: TOKEN, timezone: 'GMT-3:30' })],
  ['a file gateway with the largest gp3 cache', fileGateway({ cacheVolumeSizeGiB: 16384 })],
  ['an instance with an io2 volume at its IOPS ratio', instance({ dataVolumes: [{ deviceName: '/dev/sdc', sizeGiB: 100, volumeType: 'io2', iops: 100000 }] })],
  ['unresolved IDs and CIDRs', instance({ vpcId: TOKEN, subnetId: TOKEN, amiId: TOKEN })],
  ['a VPN to on-premises networks beside the VPC', vpn({ onPremisesCidrs: ['10.31.0.0/16', '192.168.0.0/16'] })],
  ['a Direct Connect filter of two public prefixes', dx({ routeFilterPrefixes: ['198.51.100.0/28', '203.0.113.128/25'] })],
];

describe('good input', () => {
  it.each(GOOD.map(([name, run]) => [name, run] as const))('%s is accepted', (_name, run) => {
    expect(run).not.toThrow();
  });
});

// Every prop of every construct, left out or set to null by an untyped JavaScript caller: the
// construct accepts it (an optional prop) or refuses it with a ConfigError, never a TypeError.
const VALID: ReadonlyArray<readonly [string, (props: Record<string, unknown>) => unknown, Record<string, unknown>]> = [
  ['BucketGuard', (p) => new BucketGuard(devStack(), 'Guard', p as never), { bucketName: BUCKET, endpointIds: ['vpce-0123456789abcdef0'], exemptPrincipalArns: [ADMIN], createBucket: true, encryption: 'SSE-KMS', versioning: true, forceDestroy: false }],
  ['S3GatewayEndpoint', (p) => new S3GatewayEndpoint(devStack(), 'Gateway', p as never), { name: 'gw', vpcId: VPC.vpcId, routeTables: { a: 'rtb-0123456789abcdef0' }, bucketNames: [BUCKET], access: 'read', principalAccountIds: ['111111111111'], organizationId: 'o-a1b2c3d4e5', additionalStatements: [], allowAll: false, allowAmazonLinuxRepositories: true }],
  ['S3InterfaceEndpoint', (p) => new S3InterfaceEndpoint(devStack(), 'S3', p as never), { name: 's3', vpc: VPC, subnets: SUBNETS, bucketNames: [BUCKET], clientCidrs: ['192.168.0.0/16'], privateDnsOnlyForInboundResolverEndpoint: false, inboundResolver: { ipAddresses: {} }, preventDestroy: true }],
  ['SftpServer', (p) => new SftpServer(devStack(), 'Sftp', p as never), { name: 'sftp', vpcId: VPC.vpcId, subnets: SUBNETS, bucketName: BUCKET, sourceCidrs: ['192.168.0.0/16'], users: { partner: { sshPublicKeys: [SSH_KEY], homeDirectory: `/${BUCKET}/partner`, readOnly: true } }, elasticIps: false, allowInternetSources: false, securityPolicyName: 'TransferSecurityPolicy-2024-01', logRetentionDays: 365, customHostname: { zoneId: 'Z0123456789ABCDEFGHIJ', name: 'sftp.example.com' }, bucketKmsKeyArn: 'arn:aws:kms:ap-northeast-1:111111111111:key/k' }],
  ['ClientVpn', (p) => new ClientVpn(devStack(), 'Vpn', p as never), { name: 'vpn', vpc: VPC, subnets: SUBNETS, clientCidrBlock: '172.20.0.0/22', serverCertificateArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/s', authentication: { type: 'certificate', rootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/r' }, authorizations: [{ targetCidr: '10.30.0.0/16', accessGroupId: 'ops' }], splitTunnel: true, transportProtocol: 'udp', vpnPort: 443, s3GatewayEndpoint: PREFIX_LIST, logRetentionDays: 365 }],
  ['PublicDirectConnect', (p) => new PublicDirectConnect(devStack(), 'Vif', p as never), { name: 'vif', connectionId: 'dxcon-fg5678gh', vlan: 100, bgpAsn: 65000, amazonAddress: '203.0.113.1/30', customerAddress: '203.0.113.2/30', routeFilterPrefixes: ['198.51.100.0/28'], bgpAuthKey: 'key' }],
  ['PrivateInstance', (p) => new PrivateInstance(devStack(), 'Host', p as never), { name: 'host', vpcId: VPC.vpcId, subnetId: SUBNETS[0].subnetId, amiId: AMI, instanceType: 't3.micro', rootVolumeSizeGiB: 20, rootVolumeType: 'gp3', rootVolumeIops: 3000, dataVolumes: [{ deviceName: '/dev/sdb', sizeGiB: 10 }], volumeKmsKeyArn: 'arn:aws:kms:ap-northeast-1:111111111111:key/k', userData: '#!/bin/bash', ingress: [], egress: [], statements: [], sourceDestCheck: true }],
  ['HttpsProxy', (p) => new HttpsProxy(devStack(), 'Proxy', p as never), { name: 'proxy', vpc: VPC, subnet: SUBNETS[0], stsEndpointSubnets: SUBNETS, amiId: AMI, instanceType: 't3.small', clientCidrs: ['192.168.0.0/16'], port: 3128, s3GatewayEndpoint: PREFIX_LIST, credentialsPath: 'new-sts-endpoint' }],
  ['SyncHost', (p) => new SyncHost(devStack(), 'Sync', p as never), { name: 'sync', vpc: VPC, subnetId: SUBNETS[0].subnetId, amiId: AMI, instanceType: 't3.small', bucketName: BUCKET, bucketPrefix: 'in', bucketKmsKeyArn: 'arn:aws:kms:ap-northeast-1:111111111111:key/k', clientCidrs: ['192.168.0.0/16'], clientPorts: [21], setupScript: 'true', localDirectory: '/srv/outbox', syncIntervalMinutes: 5, mirrorDeletes: false, dataVolumeSizeGiB: 100, s3GatewayEndpoint: PREFIX_LIST }],
  ['SoftwareVpn', (p) => new SoftwareVpn(devStack(), 'Vpn', p as never), { name: 'vpn', vpc: VPC, subnetId: SUBNETS[0].subnetId, amiId: AMI, instanceType: 't3.small', peerAddress: '192.168.0.1', onPremisesCidrs: ['192.168.0.0/16'], preSharedKeyParameterName: '/vpn/psk', s3GatewayEndpoint: PREFIX_LIST }],
  ['FileGateway', (p) => new FileGateway(devStack(), 'Gateway', p as never), { name: 'file-gateway', vpc: VPC, subnetId: SUBNETS[0].subnetId, amiId: AMI, instanceType: 'c5.4xlarge', rootVolumeSizeGiB: 80, cacheVolumeSizeGiB: 512, activation: { type: 'activation-key', activationKey: 'ABCDE-12345-FGHIJ-67890-KLMNO' }, cacheDiskId: '/dev/nvme1n1', bucketName: BUCKET, bucketPrefix: 'files', bucketKmsKeyArn: 'arn:aws:kms:ap-northeast-1:111111111111:key/k', protocol: 'SMB', clientCidrs: ['192.168.0.0/16'], smbGuestPassword: 'guest-password', s3GatewayEndpoint: PREFIX_LIST, gatewayVpcEndpointDnsName: 'vpce-1.storagegateway.ap-northeast-1.vpce.amazonaws.com', timezone: 'GMT', logRetentionDays: 365 }],
  ['ServiceRole', (p) => new ServiceRole(devStack(), 'Role', p as never), { roleName: 'role', servicePrincipal: 'transfer.amazonaws.com', sourceAccountId: '111111111111', sourceArn: 'arn:aws:transfer:ap-northeast-1:111111111111:server/*', statements: [{ actions: ['s3:GetObject'] }], managedPolicyNames: ['ReadOnlyAccess'] }],
];

describe('every prop left out or null (untyped JS)', () => {
  it.each(VALID.map(([name, build, props]) => [name, build, props] as const))('%s: accepted with every prop given', (_name, build, props) => {
    expect(() => build(props)).not.toThrow();
  });

  const cases = VALID.flatMap(([name, build, props]) => Object.keys(props).flatMap((key) => [undefined, null].map((value) => [`${name}.${key} = ${value}`, build, { ...props, [key]: value }] as const)));
  it.each(cases)('%s: accepted, or refused with a ConfigError (never a TypeError)', (_name, build, props) => {
    try {
      build(props);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
    }
  });
});
