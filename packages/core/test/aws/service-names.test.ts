import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { isAwsServiceName, parseServiceName, resolveServiceName } from '../../src/aws/service-names';
import { guardedStack, synthesizeToFile } from '../guardrails/helpers';
import { assertBadInput, type BadInputCase } from '../../src/testing';
import { widget } from '../helpers';

const scope = widget();
const REGION = 'ap-northeast-1';

describe('resolveServiceName', () => {
  it('turns a listed short name into the full name of the region', () => {
    expect(resolveServiceName(scope, 'service', { awsService: 'kinesis-streams' }, REGION)).toMatchObject({
      serviceName: 'com.amazonaws.ap-northeast-1.kinesis-streams',
      isAwsService: true,
      region: REGION,
      shortName: 'kinesis-streams',
    });
    const iam = resolveServiceName(scope, 'service', { awsService: 'iam' }, REGION);
    expect(iam.serviceName).toBe('com.amazonaws.iam');
    expect(iam.region).toBeUndefined();
  });

  it("refuses a short name AWS does not list, with the closest one as the fix", () => {
    expect(() => resolveServiceName(scope, 'service', { awsService: 'kinesis' }, REGION)).toThrow(
      "'service.awsService' is 'kinesis', which is not an AWS service reachable through a VPC endpoint; did you mean 'kinesis-streams'? use the short name AWS lists, or set unlisted: true for a service newer than this library",
    );
  });

  it('refuses service_region for services without cross-region access (hashicorp/terraform-provider-aws#42970)', () => {
    expect(() => resolveServiceName(scope, 'service', { awsService: 'bedrock' }, REGION, { serviceRegion: 'us-east-1' })).toThrow(/'bedrock' in us-east-1, but bedrock cannot be reached from another region/);
    expect(resolveServiceName(scope, 'service', { awsService: 's3' }, REGION, { serviceRegion: 'us-east-1' }).serviceName).toBe('com.amazonaws.us-east-1.s3');
    expect(() => resolveServiceName(scope, 'service', { serviceName: 'com.amazonaws.us-east-1.sts' }, REGION, { serviceRegion: 'us-east-1' })).toThrow(/sts cannot be reached from another region/);
  });

  it('gives gateway endpoints only gateway services', () => {
    expect(() => resolveServiceName(scope, 'service', { awsService: 'sts' }, REGION, { endpointType: 'Gateway' })).toThrow(/'sts', which has no gateway endpoint/);
    expect(resolveServiceName(scope, 'service', { awsService: 's3express' }, REGION, { endpointType: 'Gateway' }).serviceName).toBe('com.amazonaws.ap-northeast-1.s3express');
  });

  it('accepts full names of custom, AWS and global services', () => {
    expect(resolveServiceName(scope, 'service', { serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0' }, REGION)).toMatchObject({ isAwsService: false, region: REGION });
    expect(resolveServiceName(scope, 'service', { serviceName: 'com.amazonaws.s3-global.accesspoint' }, REGION)).toMatchObject({ isAwsService: true, shortName: 's3-global.accesspoint' });
    expect(resolveServiceName(scope, 'service', { serviceName: 'com.amazonaws.iam' }, REGION)).toMatchObject({ isAwsService: true });
    expect(() => resolveServiceName(scope, 'service', { serviceName: 'com.amazonaws.ap-northeast-1.kinesis' }, REGION)).toThrow(/did you mean \{ awsService: 'kinesis-streams' \}/);
    expect(() => resolveServiceName(scope, 'service', { serviceName: 'vpce-svc-0123' }, REGION)).toThrow(/not an endpoint service name/);
  });

  it('refuses full names and tokens given as short names, and refs of the wrong shape', () => {
    expect(() => resolveServiceName(scope, 'service', { awsService: 'com.amazonaws.ap-northeast-1.sts' }, REGION)).toThrow(/a full service name; pass it as \{ serviceName/);
    expect(() => resolveServiceName(scope, 'service', { awsService: Token.asString({ Ref: 'x' }) }, REGION)).toThrow(/'service.awsService' is an unresolved value/);
    expect(() => resolveServiceName(scope, 'service', undefined as never, REGION)).toThrow(/'service' is undefined/);
  });

  it('reaches a service newer than the catalogue with unlisted: true, recorded in the synthesized JSON', () => {
    const stack = guardedStack();
    const endpoint = new Construct(stack, 'Endpoint');
    expect(resolveServiceName(endpoint, 'service', { awsService: 'brand-new-service', unlisted: true }, REGION).serviceName).toBe('com.amazonaws.ap-northeast-1.brand-new-service');
    const record = synthesizeToFile(stack)['//'].guardrails;
    expect(record.optIns).toEqual([{ path: 'guard-dev/Endpoint', optIn: 'unlisted', detail: "service.awsService 'brand-new-service' is not in the AWS service catalogue and was accepted unchecked" }]);
  });

  it('reaches any service from an unresolved region, and an unresolved service region from any', () => {
    const region = Token.asString({ Ref: 'region' });
    expect(resolveServiceName(scope, 'service', { awsService: 'bedrock' }, REGION, { serviceRegion: region }).region).toBe(region);
    expect(resolveServiceName(scope, 'service', { awsService: 'bedrock' }, region, { serviceRegion: 'us-east-1' }).serviceName).toBe('com.amazonaws.us-east-1.bedrock');
  });

  it('passes an unresolved full name through as a service of a provider', () => {
    const name = Token.asString({ Ref: 'service' });
    expect(resolveServiceName(scope, 'service', { serviceName: name }, REGION)).toEqual({ serviceName: name, isAwsService: false });
  });

  it('refuses unlisted: true for a listed service, so the escape hatch cannot skip the checks', () => {
    expect(() => resolveServiceName(scope, 'service', { awsService: 'sts', unlisted: true }, REGION)).toThrow(
      /'service.unlisted' is true for 'sts', which the catalogue lists; remove unlisted: the service is known and checked$/,
    );
  });

  it('gives an unlisted service as an AWS service of the service region', () => {
    const stack = guardedStack();
    const endpoint = new Construct(stack, 'Endpoint');
    expect(resolveServiceName(endpoint, 'service', { awsService: 'brand-new-service', unlisted: true }, REGION, { serviceRegion: 'us-east-1' })).toEqual({
      serviceName: 'com.amazonaws.us-east-1.brand-new-service',
      isAwsService: true,
      region: 'us-east-1',
      shortName: 'brand-new-service',
    });
  });

  it('accepts a full name of the aws. form that the catalogue does not list', () => {
    expect(resolveServiceName(scope, 'service', { serviceName: 'aws.api.ap-northeast-1.brand-new-service' }, REGION)).toEqual({
      serviceName: 'aws.api.ap-northeast-1.brand-new-service',
      isAwsService: true,
      region: REGION,
      shortName: 'brand-new-service',
      info: undefined,
    });
  });
});

describe('parseServiceName', () => {
  it('tells AWS services from providers\' services', () => {
    expect(isAwsServiceName('com.amazonaws.ap-northeast-1.ssm')).toBe(true);
    expect(isAwsServiceName('cn.com.amazonaws.cn-north-1.ecr.dkr')).toBe(true);
    expect(isAwsServiceName('aws.sagemaker.ap-northeast-1.notebook')).toBe(true);
    expect(isAwsServiceName('com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0')).toBe(false);
    expect(parseServiceName('com.amazonaws.xx-nowhere-1.ssm')).toBeUndefined();
  });

  it('reads the short name of SageMaker, China and global names', () => {
    expect(parseServiceName('aws.sagemaker.ap-northeast-1.notebook')).toMatchObject({ region: REGION, shortName: 'sagemaker.notebook' });
    expect(parseServiceName('aws.api.ap-northeast-1.qbusiness')).toMatchObject({ region: REGION, shortName: 'qbusiness' });
    expect(parseServiceName('cn.com.amazonaws.cn-north-1.transcribe.cn')).toMatchObject({ region: 'cn-north-1', shortName: 'transcribe' });
    // Only a trailing '.cn' is the China suffix.
    expect(parseServiceName('com.amazonaws.ap-northeast-1.example.cnapi')).toMatchObject({ shortName: 'example.cnapi' });
    expect(parseServiceName('aws.api.global.codecatalyst')).toMatchObject({ isAwsService: true, shortName: 'codecatalyst' });
  });

  it('takes only global services by a name without a region', () => {
    expect(parseServiceName('com.amazonaws.sts')).toBeUndefined();
    expect(parseServiceName('com.amazonaws.unknown-service')).toBeUndefined();
    expect(parseServiceName('com.amazonaws.vpce.iam')).toBeUndefined();
    expect(isAwsServiceName('ssm')).toBe(false);
  });

  it('parses only strings', () => {
    // A list of one name would read as the name if it were turned into text.
    expect(parseServiceName(['com.amazonaws.iam'] as never)).toBeUndefined();
  });
});

describe('resolveServiceName messages', () => {
  const fullNameFix = /^give \{ awsService: 'kinesis-streams' \} for an AWS service or \{ serviceName: 'com\.amazonaws\.vpce\.<region>\.vpce-svc-\.\.\.' \} for any other$/;
  const cases: BadInputCase[] = [
    {
      name: 'no reference, under the field given',
      run: () => resolveServiceName(scope, 'endpoints.kinesis', undefined as never, REGION),
      field: 'endpoints.kinesis',
      value: 'is undefined',
      fix: fullNameFix,
    },
    {
      name: 'a null reference of a construct whose prop is the reference itself',
      run: () => resolveServiceName(scope, '', null as never, REGION),
      field: 'service',
      value: 'is null',
      fix: fullNameFix,
    },
    {
      name: 'a short name given as the reference',
      run: () => resolveServiceName(scope, 'service', 'kinesis-streams' as never, REGION),
      field: 'service',
      value: "is 'kinesis-streams'",
      fix: fullNameFix,
    },
    {
      name: 'a short name that is not listed, of a construct whose prop is the reference itself',
      run: () => resolveServiceName(scope, '', { awsService: 'kinesis' }, REGION),
      field: 'awsService',
      value: "'kinesis', which is not an AWS service",
      fix: /^did you mean 'kinesis-streams'\?/,
    },
    {
      name: 'a short name far from every listed one',
      run: () => resolveServiceName(scope, 'service', { awsService: 'zzzzzzzzzzzz' }, REGION),
      field: 'service.awsService',
      value: "'zzzzzzzzzzzz', which is not an AWS service reachable through a VPC endpoint",
      fix: /^use the short name AWS lists, or set unlisted: true for a service newer than this library$/,
    },
    {
      name: 'a short name that is not a string',
      run: () => resolveServiceName(scope, 'service', { awsService: 42 as never }, REGION),
      field: 'service.awsService',
      value: 'is 42',
      fix: /^give the short name as a string, for example 'kinesis-streams'$/,
    },
    {
      name: 'a full name given as the short name',
      run: () => resolveServiceName(scope, 'service', { awsService: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0' }, REGION),
      field: 'service.awsService',
      value: "'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0', a full service name",
      fix: /^pass it as \{ serviceName: 'com\.amazonaws\.vpce\.ap-northeast-1\.vpce-svc-0123456789abcdef0' \}, or give only the short name such as 'kinesis-streams'$/,
    },
    {
      name: 'a short name that is not written like one',
      run: () => resolveServiceName(scope, 'service', { awsService: 'Kinesis_Streams' }, REGION),
      field: 'service.awsService',
      value: "'Kinesis_Streams', which is not a short service name",
      fix: /^use the lower-case name AWS lists for the service, for example 'kinesis-streams', 'ecr\.dkr' or 'ssmmessages'$/,
    },
    {
      name: 'a service that cannot be reached from another region, by short name',
      run: () => resolveServiceName(scope, 'service', { awsService: 'bedrock' }, REGION, { serviceRegion: 'us-east-1' }),
      field: 'service.awsService',
      value: "'bedrock' in us-east-1, but bedrock cannot be reached from another region",
      fix: /^create the endpoint in us-east-1, or use a service that supports cross-region access \(s3, iam, ecr\.api, .*, route53\)$/,
    },
    {
      name: 'a service that cannot be reached from another region, by full name',
      run: () => resolveServiceName(scope, 'service', { serviceName: 'com.amazonaws.us-east-1.sts' }, REGION, { serviceRegion: 'us-east-1' }),
      field: 'service.serviceName',
      value: "'com.amazonaws.us-east-1.sts' in us-east-1, but sts cannot be reached from another region",
      fix: /^create the endpoint in us-east-1, or use a service that supports cross-region access \(s3, iam, ecr\.api, .*, route53\)$/,
    },
    {
      name: 'a full name of a service without a gateway endpoint, for a gateway endpoint',
      run: () => resolveServiceName(scope, 'service', { serviceName: 'com.amazonaws.ap-northeast-1.sts' }, REGION, { endpointType: 'Gateway' }),
      field: 'service.serviceName',
      value: "is 'sts', which has no gateway endpoint",
      fix: /^gateway endpoints exist for 's3', 'dynamodb' and 's3express'; use an interface endpoint for other services$/,
    },
    {
      name: "a provider's service, for a gateway endpoint",
      run: () => resolveServiceName(scope, 'service', { serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0' }, REGION, { endpointType: 'Gateway' }),
      field: 'service.serviceName',
      value: "is 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0', which has no gateway endpoint",
      fix: /^gateway endpoints exist for 's3', 'dynamodb' and 's3express'; use an interface endpoint for other services$/,
    },
    {
      name: 'an unlisted AWS service, for a gateway endpoint',
      run: () => resolveServiceName(scope, 'service', { awsService: 'new-service', unlisted: true }, REGION, { endpointType: 'Gateway' }),
      field: 'service.awsService',
      value: "is 'new-service', which has no gateway endpoint",
      fix: /^gateway endpoints exist for 's3', 'dynamodb' and 's3express'; use an interface endpoint for other services$/,
    },
    {
      name: 'a full name of an AWS service that is not listed, with the closest listed one',
      run: () => resolveServiceName(scope, 'service', { serviceName: 'com.amazonaws.ap-northeast-1.kinesis' }, REGION),
      field: 'service.serviceName',
      value: "'com.amazonaws.ap-northeast-1.kinesis', which is not an endpoint service name AWS lists",
      fix: /^did you mean \{ awsService: 'kinesis-streams' \}\? or pass an unlisted AWS service as \{ awsService: 'kinesis', unlisted: true \}$/,
    },
    {
      name: 'a name that is no endpoint service name',
      run: () => resolveServiceName(scope, 'service', { serviceName: 'vpce-svc-0123' }, REGION),
      field: 'service.serviceName',
      value: "'vpce-svc-0123', which is not an endpoint service name;",
      fix: /^copy the service name from the provider, for example com\.amazonaws\.vpce\.ap-northeast-1\.vpce-svc-0123456789abcdef0, or use \{ awsService: 'kinesis-streams' \} for an AWS service$/,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => assertBadInput(c));
});
