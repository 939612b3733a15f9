import {
  awsServiceInfo,
  awsServiceName,
  awsServiceShortNames,
  CROSS_REGION_SERVICES,
  fipsVariantOf,
  GATEWAY_SERVICES,
  suggestAwsService,
} from '../../src/aws/service-catalogue';

describe('the AWS service catalogue', () => {
  it('builds full names per partition', () => {
    expect(awsServiceName('ap-northeast-1', 'kinesis-streams')).toBe('com.amazonaws.ap-northeast-1.kinesis-streams');
    expect(awsServiceName('cn-north-1', 'ecr.dkr')).toBe('cn.com.amazonaws.cn-north-1.ecr.dkr');
    expect(awsServiceName('cn-north-1', 'sns')).toBe('com.amazonaws.cn-north-1.sns');
    expect(awsServiceName('cn-north-1', 'transcribe')).toBe('cn.com.amazonaws.cn-north-1.transcribe.cn');
    expect(awsServiceName('us-gov-west-1', 'sts')).toBe('com.amazonaws.us-gov-west-1.sts');
    expect(awsServiceName('ap-northeast-1', 'sagemaker.notebook')).toBe('aws.sagemaker.ap-northeast-1.notebook');
  });

  it.each([
    ['sagemaker.studio', 'aws.sagemaker.eu-west-1.studio'],
    ['sagemaker.partner-app', 'aws.sagemaker.eu-west-1.partner-app'],
    ['freetier', 'aws.api.eu-west-1.freetier'],
    ['bcm-data-exports', 'aws.api.eu-west-1.bcm-data-exports'],
    ['kendra-ranking', 'aws.api.eu-west-1.kendra-ranking'],
    ['qbusiness', 'aws.api.eu-west-1.qbusiness'],
    ['codecatalyst', 'aws.api.global.codecatalyst'],
  ])('names %s, whose full name has its own form, %s', (service, fullName) => {
    expect(awsServiceName('eu-west-1', service)).toBe(fullName);
  });

  it('knows global services, which have no region in their name', () => {
    expect(awsServiceName('ap-northeast-1', 'iam')).toBe('com.amazonaws.iam');
    expect(awsServiceName('ap-northeast-1', 's3-global.accesspoint')).toBe('com.amazonaws.s3-global.accesspoint');
    expect(awsServiceInfo('s3-global.accesspoint')).toMatchObject({ global: true, interface: true, gateway: false });
  });

  it('knows gateway, cross-region, S3 Express and FIPS services', () => {
    expect(GATEWAY_SERVICES).toEqual(['s3', 'dynamodb', 's3express']);
    expect(awsServiceInfo('s3express')).toMatchObject({ gateway: true, interface: true });
    expect(awsServiceInfo('dynamodb')).toMatchObject({ gateway: true, interface: true, crossRegion: false });
    expect(awsServiceInfo('s3')).toMatchObject({ crossRegion: true });
    expect(awsServiceInfo('sts')).toMatchObject({ crossRegion: false, fips: false });
    expect(awsServiceInfo('kms-fips')).toMatchObject({ fips: true, crossRegion: true });
    expect(fipsVariantOf('kms')).toBe('kms-fips');
    expect(fipsVariantOf('sagemaker.api')).toBe('sagemaker.api-fips');
    expect(fipsVariantOf('ssmmessages')).toBeUndefined();
    for (const service of CROSS_REGION_SERVICES) expect(awsServiceInfo(service)).toBeDefined();
  });

  it('lists the services the libraries and apps reach', () => {
    for (const service of ['ssm', 'ssmmessages', 'ec2messages', 'logs', 'monitoring', 'sts', 'kms', 'ecr.api', 'ecr.dkr', 'secretsmanager', 'execute-api', 'transfer.server', 'storagegateway']) {
      expect([service, awsServiceInfo(service)?.interface]).toEqual([service, true]);
    }
    expect(awsServiceShortNames().length).toBeGreaterThan(300);
  });

  it('has an interface endpoint for every service, the gateway services included', () => {
    expect(awsServiceShortNames().filter((service) => !awsServiceInfo(service)?.interface)).toEqual([]);
  });

  it('lists each short name once, sorted', () => {
    const names = awsServiceShortNames();
    expect(names).toEqual([...new Set(names)].sort());
    expect(names.slice(0, 3)).toEqual(['access-analyzer', 'account', 'acm']);
  });

  it.each([
    ['kinesis', 'kinesis-streams'],
    ['cloudwatch', 'monitoring'],
    ['secrets-manager', 'secretsmanager'],
    ['ssm-messages', 'ssmmessages'],
    ['kinesis-stream', 'kinesis-streams'],
    ['sqss', 'sqs'],
    ['stepfunctions', 'states'],
    [' Kinesis ', 'kinesis-streams'],
    ['SQS', 'sqs'],
    // Of the names one edit away (ec2, ecs), the first in the catalogue's order.
    ['ec3', 'ec2'],
    ['kms-fip', 'kms-fips'],
    // Two edits are close enough in a long name.
    ['secrtsmanagr', 'secretsmanager'],
    // Far from every name, but the start of one.
    ['codeartifact', 'codeartifact.api'],
    ['license', 'license-manager'],
  ])('suggests %p → %s', (wrong, right) => {
    expect(suggestAwsService(wrong)).toBe(right);
  });

  it('suggests nothing for a name far from every service', () => {
    expect(suggestAwsService('zzzzzzzzzzzz')).toBeUndefined();
  });
});
