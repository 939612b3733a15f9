import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { isAwsServiceName, parseServiceName, resolveServiceName } from '../../src/aws/service-names';
import { guardedStack, synthesizeToFile } from '../guardrails/helpers';
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

  it('refuses unlisted: true for a listed service, so the escape hatch cannot skip the checks', () => {
    expect(() => resolveServiceName(scope, 'service', { awsService: 'sts', unlisted: true }, REGION)).toThrow(/'service.unlisted' is true for 'sts', which the catalogue lists/);
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
});
