import { Token } from 'cdktf';
import {
  isServicePrincipal,
  loadBalancerOfListener,
  parseArn,
  principalKind,
  requireArn,
  requireListenerOfLoadBalancer,
  requirePrincipal,
  requireServicePrincipal,
} from '../../src/aws/arn';
import { assertBadInput, type BadInputCase } from '../../src/testing';
import { widget } from '../helpers';

const scope = widget();
const ALB = 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188';
const LISTENER = 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/my-alb/50dc6c495c0c9188/f2f7dc8efc522ab2';

describe('parseArn', () => {
  it('splits an ARN into its parts', () => {
    expect(parseArn(ALB)).toEqual({
      partition: 'aws',
      service: 'elasticloadbalancing',
      region: 'ap-northeast-1',
      account: '123456789012',
      resource: 'loadbalancer/app/my-alb/50dc6c495c0c9188',
      resourceType: 'loadbalancer',
      resourceId: 'app/my-alb/50dc6c495c0c9188',
    });
    expect(parseArn('arn:aws:iam::123456789012:role/deploy')).toMatchObject({ region: '', resourceType: 'role', resourceId: 'deploy' });
    expect(parseArn('arn:aws:s3:::reports-bucket')).toMatchObject({ account: '', resourceId: 'reports-bucket' });
    expect(parseArn('arn:aws-cn:kms:cn-north-1:123456789012:key/abc')).toMatchObject({ partition: 'aws-cn', resourceType: 'key' });
    expect(parseArn('arn:nope:iam::123456789012:role/x')).toBeUndefined();
    expect(parseArn('deploy')).toBeUndefined();
  });

  it('gives no resource type to a resource without one, or to a bucket, topic or queue', () => {
    expect(parseArn('arn:aws:iam::123456789012:root')).toEqual({ partition: 'aws', service: 'iam', region: '', account: '123456789012', resource: 'root', resourceId: 'root' });
    expect(parseArn('arn:aws:s3:::reports-bucket/2024/report.csv')).toEqual({
      partition: 'aws',
      service: 's3',
      region: '',
      account: '',
      resource: 'reports-bucket/2024/report.csv',
      resourceId: 'reports-bucket/2024/report.csv',
    });
    expect(parseArn('arn:aws:sns:ap-northeast-1:123456789012:alerts:1234')).not.toHaveProperty('resourceType');
    // A resource that opens with its separator names no type.
    expect(parseArn('arn:aws:iam::123456789012:/deploy')).toEqual({ partition: 'aws', service: 'iam', region: '', account: '123456789012', resource: '/deploy', resourceId: '/deploy' });
  });

  it('parses only strings', () => {
    // A list of one ARN would read as the ARN if it were turned into text.
    expect(parseArn(['arn:aws:iam::123456789012:role/deploy'] as unknown as string)).toBeUndefined();
  });
});

describe('requireArn', () => {
  it('checks service and resource type', () => {
    expect(() => requireArn(scope, 'arn', 'arn:aws:s3:::bucket', { service: 'iam' })).toThrow(/'arn' is 'arn:aws:s3:::bucket', which is not an iam ARN; use the full ARN, for example arn:aws:iam::123456789012:/);
    expect(() => requireArn(scope, 'albArn', LISTENER, { service: 'elasticloadbalancing', resourceTypes: ['loadbalancer'] })).toThrow(/which is not an elasticloadbalancing loadbalancer ARN/);
    expect(requireArn(scope, 'arn', 'arn:aws:iam::123456789012:role/x', { service: 'iam' })).toContain('role/x');
  });

  it("refuses an ARN of another region or account than the stack's", () => {
    expect(() => requireArn(scope, 'albArn', ALB.replace('ap-northeast-1', 'us-east-1'), { region: 'ap-northeast-1' })).toThrow(/in us-east-1, but the stack deploys to ap-northeast-1/);
    expect(() => requireArn(scope, 'albArn', ALB, { accountId: '111111111111' })).toThrow(/of account 123456789012, but the stack deploys to account 111111111111/);
    expect(requireArn(scope, 'albArn', ALB, { region: 'ap-northeast-1', accountId: '123456789012' })).toBe(ALB);
  });

  it('checks that a listener belongs to the load balancer', () => {
    expect(loadBalancerOfListener(LISTENER)).toBe(ALB);
    expect(requireListenerOfLoadBalancer(scope, 'listenerArn', LISTENER, ALB)).toBe(LISTENER);
    const other = ALB.replace('my-alb/50dc6c495c0c9188', 'other/1111111111111111');
    expect(() => requireListenerOfLoadBalancer(scope, 'listenerArn', LISTENER, other)).toThrow(/a listener of .*my-alb.*, not of .*other/);
    expect(() => requireListenerOfLoadBalancer(scope, 'listenerArn', ALB, ALB)).toThrow(
      /which is not a listener ARN; use the listener ARN, for example arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener\/app\/my-alb\//,
    );
  });

  it('accepts an unresolved listener or load balancer', () => {
    const token = Token.asString({ Ref: 'listener' });
    expect(requireListenerOfLoadBalancer(scope, 'listenerArn', token, ALB)).toBe(token);
    expect(requireListenerOfLoadBalancer(scope, 'listenerArn', LISTENER, Token.asString({ Ref: 'alb' }))).toBe(LISTENER);
  });

  it('finds no load balancer for what is not a listener ARN', () => {
    expect(loadBalancerOfListener('listener')).toBeUndefined();
    expect(loadBalancerOfListener(ALB)).toBeUndefined();
    expect(loadBalancerOfListener(LISTENER.replace(':listener/', ':loadbalancer/'))).toBeUndefined();
    expect(loadBalancerOfListener(LISTENER.replace('elasticloadbalancing', 'ec2'))).toBeUndefined();
    expect(loadBalancerOfListener(LISTENER.replace('/f2f7dc8efc522ab2', ''))).toBeUndefined();
    expect(loadBalancerOfListener(`${LISTENER}/extra`)).toBeUndefined();
  });

  it('accepts an ARN when the expected region or account is unresolved', () => {
    expect(requireArn(scope, 'albArn', ALB, { region: Token.asString({ Ref: 'region' }), accountId: Token.asString({ Ref: 'account' }) })).toBe(ALB);
  });

  it('accepts an ARN without a resource type where the empty type is listed', () => {
    const topic = 'arn:aws:sns:ap-northeast-1:123456789012:alerts';
    expect(requireArn(scope, 'topicArn', topic, { service: 'sns', resourceTypes: [''] })).toBe(topic);
  });
});

describe('requireArn messages', () => {
  const cases: BadInputCase[] = [
    {
      name: 'text that is no ARN, with an IAM example by default',
      run: () => requireArn(scope, 'roleArn', 'deploy'),
      field: 'roleArn',
      value: "'deploy', which is not an ARN",
      fix: /^use the full ARN, for example arn:aws:iam::123456789012:\.\.\.$/,
    },
    {
      name: 'a regional service, with the region and first resource type in its example',
      run: () => requireArn(scope, 'albArn', 'alb', { service: 'elasticloadbalancing', resourceTypes: ['loadbalancer', 'listener'], region: 'us-east-1' }),
      field: 'albArn',
      value: "'alb', which is not an elasticloadbalancing loadbalancer or listener ARN",
      fix: /^use the full ARN, for example arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/\.\.\.$/,
    },
    {
      name: 'a regional service without a region, in ap-northeast-1 by default',
      run: () => requireArn(scope, 'keyArn', 'key', { service: 'kms', accountId: '111111111111' }),
      field: 'keyArn',
      value: "'key', which is not an kms ARN",
      fix: /^use the full ARN, for example arn:aws:kms:ap-northeast-1:111111111111:\.\.\.$/,
    },
    {
      name: 'an S3 bucket, which has neither region nor account',
      run: () => requireArn(scope, 'bucketArn', 'arn:aws:iam::123456789012:role/x', { service: 's3', region: 'us-east-1', accountId: '111111111111' }),
      field: 'bucketArn',
      value: "'arn:aws:iam::123456789012:role/x', which is not an s3 ARN",
      fix: /^use the full ARN, for example arn:aws:s3:::\.\.\.$/,
    },
    {
      name: 'an IAM role, which has no region',
      run: () => requireArn(scope, 'roleArn', 'role', { service: 'iam', resourceTypes: ['role'], region: 'us-east-1' }),
      field: 'roleArn',
      value: "'role', which is not an iam role ARN",
      fix: /^use the full ARN, for example arn:aws:iam::123456789012:role\/\.\.\.$/,
    },
    {
      name: 'a global ARN where the stack has a region',
      run: () => requireArn(scope, 'roleArn', 'arn:aws:iam::123456789012:role/x', { region: 'ap-northeast-1' }),
      field: 'roleArn',
      value: "'arn:aws:iam::123456789012:role/x', in no region, but the stack deploys to ap-northeast-1",
      fix: /^use an ARN of ap-northeast-1, or create the construct with a provider for that region$/,
    },
    {
      name: 'an ARN of another region',
      run: () => requireArn(scope, 'albArn', ALB.replace('ap-northeast-1', 'us-east-1'), { service: 'elasticloadbalancing', region: 'ap-northeast-1' }),
      field: 'albArn',
      value: 'in us-east-1, but the stack deploys to ap-northeast-1',
      fix: /^use an elasticloadbalancing ARN of ap-northeast-1, or create the construct with a provider for us-east-1$/,
    },
    {
      name: 'an ARN of no account where the stack has one',
      run: () => requireArn(scope, 'bucketArn', 'arn:aws:s3:::reports', { service: 's3', accountId: '111111111111' }),
      field: 'bucketArn',
      value: "'arn:aws:s3:::reports', of account none, but the stack deploys to account 111111111111",
      fix: /^use an s3 ARN of account 111111111111$/,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => assertBadInput(c));
});

describe('IAM principals', () => {
  it.each([
    ['123456789012', 'account'],
    ['arn:aws:iam::123456789012:root', 'account'],
    ['arn:aws:iam::123456789012:role/consumer', 'role'],
    ['arn:aws:iam::123456789012:role/team/consumer', 'role'],
    ['arn:aws:iam::123456789012:user/ops', 'user'],
    ['elasticloadbalancing.amazonaws.com', 'service'],
    ['logs.ap-northeast-1.amazonaws.com', 'service'],
    ['*', 'any'],
    ['arn:aws:iam::*:root', 'any'],
    ['arn:aws:iam::123456789012:role/*', 'wildcard'],
    ['amazonaws.com', undefined],
    ['lambda', undefined],
    ['arn:aws:iam::123456789012:group/admins', undefined],
    ['arn:aws:s3:::bucket', undefined],
    ['arn:aws:sts::123456789012:role/consumer', undefined],
    ['arn:aws:iam:us-east-1:123456789012:role/consumer', undefined],
    ['arn:aws:iam:::role/consumer', undefined],
    ['arn:aws:iam::123456789012:role/', undefined],
    ['arn:aws:iam::123456789012:user/', undefined],
    ['1234567890123', undefined],
  ])('%s is %p', (value, kind) => {
    expect(principalKind(value)).toBe(kind);
  });

  it('refuses what is not a service principal', () => {
    expect(isServicePrincipal('ec2.amazonaws.com')).toBe(true);
    // A list of one principal would read as the principal if it were turned into text.
    expect(isServicePrincipal(['ec2.amazonaws.com'] as never)).toBe(false);
    expect(principalKind(42 as never)).toBeUndefined();
    expect(() => requireServicePrincipal(scope, 'servicePrincipals', 'ec2')).toThrow("'servicePrincipals' has 'ec2', which is not an IAM principal; give service principals, for example elasticloadbalancing.amazonaws.com");
    expect(() => requirePrincipal(scope, 'allowedPrincipals', '*', ['account', 'role', 'user', 'service'])).toThrow(/'\*', which is every principal/);
  });

  it('names the kind refused and the kinds allowed, with an example of each', () => {
    expect(() => requirePrincipal(scope, 'allowedPrincipals', 'arn:aws:iam::123456789012:role/app-*', ['account', 'role', 'user', 'service', 'any'])).toThrow(
      "'allowedPrincipals' has 'arn:aws:iam::123456789012:role/app-*', which is a wildcard principal; give account roots, roles, users, service principals, anys, " +
        "for example arn:aws:iam::123456789012:root or arn:aws:iam::123456789012:role/consumer or arn:aws:iam::123456789012:user/operator or elasticloadbalancing.amazonaws.com or '*'",
    );
    expect(() => requireServicePrincipal(scope, 'servicePrincipals', '123456789012')).toThrow("has '123456789012', which is a account principal; give service principals");
    expect(requirePrincipal(scope, 'allowedPrincipals', 'arn:aws:iam::123456789012:role/app-*', ['wildcard'])).toBe('arn:aws:iam::123456789012:role/app-*');
    expect(requirePrincipal(scope, 'allowedPrincipals', 'arn:aws:iam::123456789012:user/ops', ['role', 'user'])).toBe('arn:aws:iam::123456789012:user/ops');
    const token = Token.asString({ Ref: 'principal' });
    expect(requireServicePrincipal(scope, 'servicePrincipals', token)).toBe(token);
  });
});
