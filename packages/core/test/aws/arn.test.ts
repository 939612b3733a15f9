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
    expect(() => requireListenerOfLoadBalancer(scope, 'listenerArn', ALB, ALB)).toThrow(/which is not a listener ARN/);
  });
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
  ])('%s is %p', (value, kind) => {
    expect(principalKind(value)).toBe(kind);
  });

  it('refuses what is not a service principal', () => {
    expect(isServicePrincipal('ec2.amazonaws.com')).toBe(true);
    expect(() => requireServicePrincipal(scope, 'servicePrincipals', 'ec2')).toThrow("'servicePrincipals' has 'ec2', which is not an IAM principal; give service principals, for example elasticloadbalancing.amazonaws.com");
    expect(() => requirePrincipal(scope, 'allowedPrincipals', '*', ['account', 'role', 'user', 'service'])).toThrow(/'\*', which is every principal/);
  });
});
