import {
  coversWholeAccount,
  describeOpenCidrs,
  hasWildcard,
  isAllActions,
  isAllResources,
  isAnyPrincipal,
  isOpenStatement,
  openCidrs,
  principalBreadth,
  requireNarrowCidrs,
} from '../../src/aws/open';
import { widget } from '../helpers';

const scope = widget();

describe('openCidrs', () => {
  it('names the blocks that open the internet, not narrower ones inside them', () => {
    expect(openCidrs(['10.0.0.0/8', '0.0.0.0/1', '128.0.0.0/1'])).toEqual({ families: ['ipv4'], cidrs: ['0.0.0.0/1', '128.0.0.0/1'] });
    expect(openCidrs(['10.0.0.0/8', '192.168.0.0/16'])).toBeUndefined();
    expect(describeOpenCidrs(openCidrs(['0::/0'])!)).toBe("'0::/0', which admits the whole internet");
    expect(describeOpenCidrs(openCidrs(['0.0.0.0/1', '128.0.0.0/1'])!)).toBe("'0.0.0.0/1', '128.0.0.0/1', which together admit the whole internet");
  });

  it('is what requireNarrowCidrs refuses without the named opt-in', () => {
    expect(() => requireNarrowCidrs(scope, 'sourceCidrs', ['0.0.0.0/1', '128.0.0.0/1'], { name: 'allowInternet', given: false })).toThrow(
      /'sourceCidrs' includes '0.0.0.0\/1', '128.0.0.0\/1', which together admit the whole internet; list the client CIDR blocks, or set 'allowInternet: true'/,
    );
    expect(() => requireNarrowCidrs(scope, 'sourceCidrs', ['0::/0'], { name: 'allowInternet', given: false })).toThrow(/whole internet/);
    expect(requireNarrowCidrs(scope, 'sourceCidrs', ['0.0.0.0/0'], { name: 'allowInternet', given: true })).toEqual(['0.0.0.0/0']);
    expect(requireNarrowCidrs(scope, 'sourceCidrs', ['203.0.113.0/24'], { name: 'allowInternet', given: false })).toEqual(['203.0.113.0/24']);
  });

  it('is always refused where the construct has no opt-in, with a fix that names none', () => {
    expect(() => requireNarrowCidrs(scope, 'clientCidrs', ['0.0.0.0/0'])).toThrow(/'clientCidrs' includes '0.0.0.0\/0', which admits the whole internet; list the client CIDR blocks; the whole internet is never admitted here$/);
    expect(requireNarrowCidrs(scope, 'clientCidrs', ['10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
  });
});

describe('principals', () => {
  it.each([
    ['*', 'anyone'],
    ['arn:aws:iam::*:root', 'anyone'],
    ['arn:aws-cn:iam::*:role/x', 'anyone'],
    ['123456789012', 'account'],
    ['arn:aws:iam::123456789012:root', 'account'],
    ['arn:aws:iam::123456789012:*', 'account'],
    ['arn:aws:iam::123456789012:role/*', 'account'],
    ['arn:aws:iam::123456789012:role/app-*', 'pattern'],
    ['arn:aws:iam::123456789012:role/app', 'named'],
    ['lambda.amazonaws.com', 'named'],
  ])('%s grants %s', (principal, breadth) => {
    expect(principalBreadth(principal)).toBe(breadth);
  });

  it('sees any principal in every spelling of a policy Principal', () => {
    expect(isAnyPrincipal('*')).toBe(true);
    expect(isAnyPrincipal({ AWS: '*' })).toBe(true);
    expect(isAnyPrincipal({ AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::*:root'] })).toBe(true);
    expect(isAnyPrincipal({ AWS: ['arn:aws:iam::123456789012:root'] })).toBe(false);
    expect(isAnyPrincipal({ Service: ['logs.amazonaws.com'] })).toBe(false);
  });

  it('knows which principals cover a whole account', () => {
    expect(coversWholeAccount('arn:aws:iam::123456789012:*')).toBe(true);
    expect(coversWholeAccount('arn:aws:iam::123456789012:role/admin')).toBe(false);
  });
});

describe('actions, resources and statements', () => {
  it('sees every action and every resource in any spelling', () => {
    expect(isAllActions('*')).toBe(true);
    expect(isAllActions(['s3:GetObject', 'S3:*'], 's3')).toBe(true);
    expect(isAllActions(['kms:*'], 's3')).toBe(false);
    expect(isAllActions(['s3:Get*'])).toBe(false);
    expect(isAllResources('*')).toBe(true);
    expect(isAllResources(['arn:aws:s3:::*'])).toBe(true);
    expect(isAllResources(['arn:aws:s3:::*/*'])).toBe(true);
    expect(isAllResources(['arn:aws:s3:::reports/*'])).toBe(false);
  });

  it('calls a statement open only when nothing narrows it', () => {
    const open = { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' };
    expect(isOpenStatement(open, 's3')).toBe(true);
    expect(isOpenStatement({ ...open, Principal: { AWS: '*' }, Resource: ['arn:aws:s3:::*'] }, 's3')).toBe(true);
    expect(isOpenStatement({ ...open, NotAction: 's3:DeleteBucket', Action: undefined }, 's3')).toBe(true);
    expect(isOpenStatement({ ...open, Effect: 'Deny' }, 's3')).toBe(false);
    expect(isOpenStatement({ ...open, Resource: 'arn:aws:s3:::reports/*' }, 's3')).toBe(false);
    expect(isOpenStatement({ ...open, Condition: { StringEquals: { 'aws:PrincipalAccount': ['123456789012'] } } }, 's3')).toBe(false);
  });

  it('sees wildcards that widen a scoped path', () => {
    expect(hasWildcard('/bucket/partners/p*')).toBe(true);
    expect(hasWildcard('/bucket/partners/acme')).toBe(false);
  });
});

describe('requireNarrowCidrs on malformed blocks', () => {
  it('checks each block first', () => {
    expect(() => requireNarrowCidrs(widget(), 'consumerCidrs', ['10.0.0.0/33'], { name: 'allowOpen', given: false })).toThrow(/'consumerCidrs' has '10.0.0.0\/33', which is not a CIDR block/);
    expect(() => requireNarrowCidrs(widget(), 'consumerCidrs', ['10.0.0.1/16'], { name: 'allowOpen', given: true })).toThrow(/use 10.0.0.0\/16/);
  });
});
