import { awsServiceName } from '../src/service-name';
import {
  dynamoDbTableAccessStatements,
  s3BucketAccessStatements,
  S3_READ_WRITE_ACTIONS,
  ssmAgentBucketStatements,
} from '../src/endpoint-policies';
import { GatewayEndpoint } from '../src/gateway-endpoint';
import { devStack, resourcesOf, VPC } from './helpers';

describe('endpoint policy helpers', () => {
  test('S3 statements name the buckets and their objects, and narrow to accounts when asked', () => {
    const [statement] = s3BucketAccessStatements(['tenant-data', 'arn:aws:s3:::logs'], S3_READ_WRITE_ACTIONS, { principalAccountIds: ['111111111111'], sid: 'TenantData' });
    expect(statement.resources).toEqual(['arn:aws:s3:::tenant-data', 'arn:aws:s3:::tenant-data/*', 'arn:aws:s3:::logs', 'arn:aws:s3:::logs/*']);
    expect(statement.actions).toContain('s3:PutObject');
    expect(statement.conditions).toEqual([{ test: 'StringEquals', variable: 'aws:PrincipalAccount', values: ['111111111111'] }]);
  });

  test('DynamoDB statements name the tables and their indexes', () => {
    const [statement] = dynamoDbTableAccessStatements(['arn:aws:dynamodb:ap-northeast-1:111111111111:table/sessions']);
    expect(statement.resources).toEqual(['arn:aws:dynamodb:ap-northeast-1:111111111111:table/sessions', 'arn:aws:dynamodb:ap-northeast-1:111111111111:table/sessions/index/*']);
    expect(statement.actions).not.toContain('dynamodb:PutItem');
    expect(statement.conditions).toEqual([]);
  });

  test('an empty account list narrows nothing', () => {
    expect(s3BucketAccessStatements(['tenant-data'], undefined, { principalAccountIds: [] })[0].conditions).toEqual([]);
    expect(dynamoDbTableAccessStatements(['arn:aws:dynamodb:ap-northeast-1:111111111111:table/sessions'], undefined, { principalAccountIds: [] })[0].conditions).toEqual([]);
  });

  test('DynamoDB statements allow any principal that IAM allows, narrowed to accounts when asked', () => {
    const [statement] = dynamoDbTableAccessStatements(['arn:aws:dynamodb:ap-northeast-1:111111111111:table/sessions'], undefined, { principalAccountIds: ['111111111111'], sid: 'Sessions' });
    expect(statement).toMatchObject({ sid: 'Sessions', principals: '*', conditions: [{ test: 'StringEquals', variable: 'aws:PrincipalAccount', values: ['111111111111'] }] });
  });

  test('SSM agent statements read the objects of every bucket the agent downloads from', () => {
    expect(ssmAgentBucketStatements('ap-northeast-1')).toEqual([
      {
        sid: 'SsmAgentBuckets',
        principals: '*',
        actions: ['s3:GetObject'],
        resources: [
          'arn:aws:s3:::aws-ssm-ap-northeast-1/*',
          'arn:aws:s3:::aws-windows-downloads-ap-northeast-1/*',
          'arn:aws:s3:::amazon-ssm-ap-northeast-1/*',
          'arn:aws:s3:::amazon-ssm-packages-ap-northeast-1/*',
          'arn:aws:s3:::ap-northeast-1-birdwatcher-prod/*',
          'arn:aws:s3:::aws-ssm-distributor-file-ap-northeast-1/*',
          'arn:aws:s3:::aws-ssm-document-attachments-ap-northeast-1/*',
          'arn:aws:s3:::patch-baseline-snapshot-ap-northeast-1/*',
        ],
      },
    ]);
  });

  test('SSM agent buckets are regional and in the region\'s partition', () => {
    expect(ssmAgentBucketStatements('ap-northeast-1')[0].resources).toContain('arn:aws:s3:::aws-ssm-ap-northeast-1/*');
    expect(ssmAgentBucketStatements('cn-north-1')[0].resources).toContain('arn:aws-cn:s3:::aws-ssm-cn-north-1/*');
  });

  test('the statements render into a gateway endpoint policy', () => {
    const stack = devStack();
    new GatewayEndpoint(stack, 'S3', { vpcId: VPC.vpcId, service: 's3', routeTables: { a: 'rtb-0123456789abcdef0' }, name: 'unit-s3', policy: [...s3BucketAccessStatements(['tenant-data']), ...ssmAgentBucketStatements('ap-northeast-1')] });
    const policy = JSON.parse(Object.values(resourcesOf(stack, 'aws_vpc_endpoint'))[0].policy as string);
    expect(policy.Statement).toHaveLength(2);
    expect(policy.Statement[0]).toEqual({ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation'], Resource: ['arn:aws:s3:::tenant-data', 'arn:aws:s3:::tenant-data/*'] });
  });
});

describe('awsServiceName', () => {
  test.each([
    ['ap-northeast-1', 'kinesis-streams', 'com.amazonaws.ap-northeast-1.kinesis-streams'],
    ['ap-northeast-1', 'ecr.dkr', 'com.amazonaws.ap-northeast-1.ecr.dkr'],
    ['ap-northeast-1', 'sagemaker.notebook', 'aws.sagemaker.ap-northeast-1.notebook'],
    ['cn-northwest-1', 'sts', 'cn.com.amazonaws.cn-northwest-1.sts'],
    ['cn-north-1', 'ssm', 'com.amazonaws.cn-north-1.ssm'],
    ['cn-north-1', 'transcribe', 'cn.com.amazonaws.cn-north-1.transcribe.cn'],
    ['us-gov-east-1', 'kms', 'com.amazonaws.us-gov-east-1.kms'],
  ])('%s %s is %s', (region, name, expected) => expect(awsServiceName(region, name)).toBe(expected));
});
