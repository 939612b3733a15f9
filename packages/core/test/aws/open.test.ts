import { Token } from 'cdktf';
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
  principalValues,
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

  it.each([
    ['every block of the family', ['0.0.0.0/0', '255.0.0.0/8', '10.0.0.0/8'], ['0.0.0.0/0']],
    ['blocks of both families, each open', ['0.0.0.0/0', '::/0'], ['0.0.0.0/0', '::/0']],
    ['not blocks of a family that is not open, nor malformed ones', ['0.0.0.0/0', '2001:db8::/32', '10.0.0.0/33'], ['0.0.0.0/0']],
    ['unequal blocks side by side', ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/1'], ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/1']],
    ['unequal blocks side by side, the larger first', ['0.0.0.0/1', '128.0.0.0/2', '192.0.0.0/2'], ['0.0.0.0/1', '128.0.0.0/2', '192.0.0.0/2']],
    ['not a block that starts where a wider one does', ['0.0.0.0/1', '0.0.0.0/8', '128.0.0.0/1'], ['0.0.0.0/1', '128.0.0.0/1']],
    ['not a block that ends where a wider one does', ['0.0.0.0/1', '128.0.0.0/1', '255.0.0.0/8'], ['0.0.0.0/1', '128.0.0.0/1']],
  ])('names as open %s', (_, cidrs, open) => {
    expect(openCidrs(cidrs)?.cidrs).toEqual(open);
  });

  it('passes over unresolved values and values that are not strings', () => {
    expect(openCidrs([Token.asString({ Ref: 'cidr' }), 42 as never, '0.0.0.0/0'])).toEqual({ families: ['ipv4'], cidrs: ['0.0.0.0/0'] });
    expect(openCidrs([Token.asString({ Ref: 'cidr' })])).toBeUndefined();
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
    [' * ', 'anyone'],
    [' 123456789012 ', 'account'],
    ['1234567890123', 'named'],
  ])('%s grants %s', (principal, breadth) => {
    expect(principalBreadth(principal)).toBe(breadth);
  });

  it('sees any principal in every spelling of a policy Principal', () => {
    expect(isAnyPrincipal('*')).toBe(true);
    expect(isAnyPrincipal({ AWS: '*' })).toBe(true);
    expect(isAnyPrincipal({ AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::*:root'] })).toBe(true);
    expect(isAnyPrincipal({ AWS: ['arn:aws:iam::123456789012:root'] })).toBe(false);
    expect(isAnyPrincipal({ Service: ['logs.amazonaws.com'] })).toBe(false);
    expect(isAnyPrincipal(undefined)).toBe(false);
    expect(isAnyPrincipal(null)).toBe(false);
  });

  it('reads the principal strings of a policy Principal in any spelling', () => {
    expect(principalValues('*')).toEqual(['*']);
    expect(principalValues({ AWS: ['arn:aws:iam::123456789012:root', '111111111111'], Service: 'logs.amazonaws.com' })).toEqual(['arn:aws:iam::123456789012:root', '111111111111', 'logs.amazonaws.com']);
    expect(principalValues([{ AWS: '*' }, 'lambda.amazonaws.com'])).toEqual(['*', 'lambda.amazonaws.com']);
    expect(principalValues(undefined)).toEqual([]);
    expect(principalValues(null)).toEqual([]);
    expect(principalValues({ AWS: 42 })).toEqual([]);
  });

  it('knows which principals cover a whole account', () => {
    expect(coversWholeAccount('arn:aws:iam::123456789012:*')).toBe(true);
    expect(coversWholeAccount('arn:aws:iam::123456789012:role/admin')).toBe(false);
    expect(coversWholeAccount('arn:aws:iam::123456789012:role/app-*')).toBe(false);
    expect(coversWholeAccount('*')).toBe(true);
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

  it('sees every action in any case, spacing or list, of the service asked or any', () => {
    expect(isAllActions('*:*', 's3')).toBe(true);
    expect(isAllActions(['kms:*'])).toBe(true);
    expect(isAllActions([' S3:* '], 's3')).toBe(true);
    expect(isAllActions([42, 's3:*'], 's3')).toBe(true);
    expect(isAllActions(['s3:GetObject', 42])).toBe(false);
  });

  it('sees every resource of any region, account or list, and only that', () => {
    expect(isAllResources(['arn:aws:s3:::reports/*', ' ARN:* '])).toBe(true);
    expect(isAllResources(['arn:aws:ec2:ap-northeast-1:123456789012:*'])).toBe(true);
    expect(isAllResources([42, '*'])).toBe(true);
    expect(isAllResources(['arn:aws:s3:::*/reports'])).toBe(false);
    expect(isAllResources(['arn:aws:s3:::reports/arn:aws:s3:::*'])).toBe(false);
    expect(isAllResources('arn:aws:s3:::reports')).toBe(false);
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

  it('counts NotPrincipal and NotResource as open, and an empty or null Condition as none', () => {
    const open = { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' };
    expect(isOpenStatement({ ...open, Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' } }, 's3')).toBe(true);
    expect(isOpenStatement({ ...open, Resource: undefined, NotResource: 'arn:aws:s3:::reports/*' }, 's3')).toBe(true);
    expect(isOpenStatement({ ...open, Condition: {} }, 's3')).toBe(true);
    expect(isOpenStatement({ ...open, Condition: null }, 's3')).toBe(true);
  });

  it('calls a statement narrowed in principal or action not open', () => {
    const open = { Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' };
    expect(isOpenStatement({ ...open, Principal: { AWS: 'arn:aws:iam::123456789012:root' } }, 's3')).toBe(false);
    expect(isOpenStatement({ ...open, Action: 's3:GetObject' }, 's3')).toBe(false);
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
