import { Token } from 'cdktf';
import {
  describeKind,
  isUnresolved,
  requireAccountId,
  requireArray,
  requireBoolean,
  requireDefined,
  requireDnsName,
  requireInteger,
  requireKeys,
  requireNonEmpty,
  requireOneOf,
  requirePort,
  requirePorts,
  requireString,
  requireUnique,
} from '../src/validate';
import { configErrorOf, widget } from './helpers';

const scope = widget();

describe('isUnresolved', () => {
  it('sees tokens in strings, numbers and lists', () => {
    expect(isUnresolved(Token.asString({ Ref: 'x' }))).toBe(true);
    expect(isUnresolved(Token.asNumber({ Ref: 'x' }))).toBe(true);
    expect(isUnresolved(['a', Token.asString({ Ref: 'x' })])).toBe(true);
    expect(isUnresolved('a')).toBe(false);
    expect(isUnresolved(1)).toBe(false);
  });
});

describe('describeKind', () => {
  it.each([
    [undefined, 'missing'],
    [null, 'null'],
    [NaN, 'NaN'],
    ['443', "the string '443'"],
    [[1], 'a list'],
    [{}, 'an object'],
  ])('describes %p as %s', (value, words) => {
    expect(describeKind(value)).toBe(words);
  });
});

describe('checks', () => {
  it('rejects ports outside 1-65535 and accepts the range ends', () => {
    expect(() => requirePort(scope, 'port', 0)).toThrow(/'port' has port 0; use a whole number from 1 to 65535/);
    expect(() => requirePort(scope, 'port', 65536)).toThrow(/65536/);
    expect(() => requirePort(scope, 'port', 44.5)).toThrow(/44.5/);
    expect(() => requirePort(scope, 'port', '443' as never)).toThrow(/has port '443'/);
    expect(requirePort(scope, 'port', 1)).toBe(1);
    expect(requirePort(scope, 'port', 65535)).toBe(65535);
  });

  it('requires a list of unique ports', () => {
    expect(() => requirePorts(scope, 'ports', [443, 443])).toThrow(/lists '443' twice/);
    expect(requirePorts(scope, 'ports', [443, 8443])).toEqual([443, 8443]);
  });

  it('checks whole numbers within a range, with NaN shown as NaN', () => {
    expect(() => requireInteger(scope, 'days', 6, { min: 7, max: 30, unit: 'days' })).toThrow("'days' is 6; use a whole number from 7 to 30 days");
    expect(() => requireInteger(scope, 'days', NaN, { min: 7 })).toThrow(/'days' is NaN; use a whole number of at least 7/);
    expect(() => requireInteger(scope, 'days', '7' as never, { max: 30 })).toThrow(/'days' is the string '7', not a number; use a whole number of at most 30/);
    expect(requireInteger(scope, 'days', 7, { min: 7, max: 30 })).toBe(7);
    const token = Token.asNumber({ Ref: 'x' });
    expect(requireInteger(scope, 'days', token, { min: 7 })).toBe(token);
  });

  it('checks enumerations, naming the right spelling', () => {
    expect(() => requireOneOf(scope, 'trafficType', 'all' as 'ALL', ['ALL', 'ACCEPT'])).toThrow("'trafficType' is 'all'; write it as 'ALL'");
    expect(() => requireOneOf(scope, 'trafficType', 'SOME' as 'ALL', ['ALL', 'ACCEPT'])).toThrow(/use one of 'ALL', 'ACCEPT'/);
    expect(() => requireOneOf(scope, 'trafficType', undefined as never, ['ALL'])).toThrow(/'trafficType' is undefined/);
    expect(requireOneOf(scope, 'trafficType', 'ALL', ['ALL'])).toBe('ALL');
  });

  it('checks presence, strings, booleans and lists for untyped callers', () => {
    expect(() => requireDefined(scope, 'vpcId', null, 'give it')).toThrow("'vpcId' is null; give it");
    expect(() => requireDefined(scope, 'vpcId', undefined, 'give it')).toThrow("'vpcId' is missing; give it");
    expect(() => requireString(scope, 'vpcId', 42, 'give it')).toThrow("'vpcId' is the number 42, not a string; give it");
    expect(() => requireString(scope, 'vpcId', ' ', 'give it', { nonEmpty: true })).toThrow("'vpcId' is empty");
    expect(() => requireBoolean(scope, 'allow', 'true')).toThrow("'allow' is the string 'true'; use true or false");
    expect(requireBoolean(scope, 'allow', undefined)).toBeUndefined();
    expect(() => requireArray(scope, 'cidrs', '10.0.0.0/8' as never, 'give a list')).toThrow("'cidrs' is the string '10.0.0.0/8', not a list; give a list");
    expect(() => requireNonEmpty(scope, 'cidrs', [], 'give one')).toThrow("'cidrs' is empty; give one");
    expect(() => requireNonEmpty(scope, 'cidrs', undefined, 'give one')).toThrow("'cidrs' is empty; give one");
    expect(() => requireNonEmpty(scope, 'cidrs', null as never, 'give one')).toThrow("'cidrs' is null; give one");
  });

  it('checks account IDs and DNS names', () => {
    expect(() => requireAccountId(scope, 'accountId', '12345')).toThrow(/'accountId' is '12345'; an AWS account ID is exactly 12 digits/);
    expect(() => requireAccountId(scope, 'accountId', 123456789012 as never)).toThrow(/'accountId' is 123456789012; .*written as a string/);
    expect(requireAccountId(scope, 'accountId', '123456789012')).toBe('123456789012');
    expect(() => requireDnsName(scope, 'name', 'Bad_Name')).toThrow(/not a valid DNS name/);
    expect(requireDnsName(scope, 'name', 'api.example.com')).toBe('api.example.com');
  });

  it('requires stable, unique, address-safe keys', () => {
    expect(() => requireKeys(scope, 'tenants', ['acme', 'acme'])).toThrow(/lists 'acme' twice/);
    expect(() => requireKeys(scope, 'tenants', ['Acme Bank'])).toThrow(/has key 'Acme Bank'/);
    expect(() => requireKeys(scope, 'tenants', ['acme-bank', 'globex'])).not.toThrow();
    expect(() => requireUnique(scope, 'ids', ['a', 'b', 'a'], 'list each once')).toThrow("'ids' lists 'a' twice; list each once");
  });
});

describe('isUnresolved of other values', () => {
  it('sees an unresolved list, and is false for lists of literals and for values that cannot hold a token', () => {
    expect(isUnresolved(Token.asList({ Ref: 'x' }))).toBe(true);
    expect(isUnresolved(['a', 1])).toBe(false);
    expect(isUnresolved({ a: Token.asString({ Ref: 'x' }) })).toBe(false);
    expect(isUnresolved(undefined)).toBe(false);
    expect(isUnresolved(true)).toBe(false);
  });
});

describe('describeKind of every kind', () => {
  it.each([
    [42, 'the number 42'],
    [true, 'the boolean true'],
    [false, 'the boolean false'],
    [() => 1, 'a function'],
    [Symbol('s'), 'a symbol'],
    [BigInt(1), 'a bigint'],
  ])('describes %p as %s', (value, words) => {
    expect(describeKind(value)).toBe(words);
  });
});

describe('what the checks return and say', () => {
  it('returns the checked values', () => {
    expect(requireDefined(scope, 'vpcId', 'vpc-1', 'give it')).toBe('vpc-1');
    expect(requireDefined(scope, 'count', 0, 'give it')).toBe(0);
    expect(requireString(scope, 'vpcId', 'vpc-1', 'give it')).toBe('vpc-1');
    expect(requireString(scope, 'vpcId', ' ', 'give it')).toBe(' ');
    expect(requireString(scope, 'vpcId', 'x', 'give it', { nonEmpty: true })).toBe('x');
    expect(requireBoolean(scope, 'allow', true)).toBe(true);
    expect(requireBoolean(scope, 'allow', false)).toBe(false);
    const cidrs = ['10.0.0.0/8'];
    expect(requireArray(scope, 'cidrs', cidrs, 'give a list')).toEqual(['10.0.0.0/8']);
    expect(requireArray(scope, 'cidrs', cidrs, 'give a list')).not.toBe(cidrs);
    expect(requireNonEmpty(scope, 'cidrs', cidrs, 'give one')).toEqual(['10.0.0.0/8']);
    expect(requireNonEmpty(scope, 'cidrs', cidrs, 'give one')).not.toBe(cidrs);
    const token = Token.asNumber({ Ref: 'port' });
    expect(requirePort(scope, 'port', token)).toBe(token);
    expect(requirePort(scope, 'port', 443)).toBe(443);
    const name = Token.asString({ Ref: 'name' });
    expect(requireOneOf(scope, 'trafficType', name as 'ALL', ['ALL'])).toBe(name);
    expect(requireAccountId(scope, 'accountId', name)).toBe(name);
    expect(requireDnsName(scope, 'name', name)).toBe(name);
    expect(requireDnsName(scope, 'name', '*.example.com')).toBe('*.example.com');
  });

  it('names what an untyped caller passed in place of a string, a list or a non-empty list', () => {
    expect(() => requireString(scope, 'vpcId', undefined, 'give it')).toThrow("'vpcId' is missing; give it");
    expect(() => requireString(scope, 'vpcId', '', 'give it', { nonEmpty: true })).toThrow("'vpcId' is empty; give it");
    expect(() => requireArray(scope, 'cidrs', undefined, 'give a list')).toThrow("'cidrs' is missing; give a list");
    expect(() => requireArray(scope, 'cidrs', null, 'give a list')).toThrow("'cidrs' is null, not a list; give a list");
    expect(() => requireNonEmpty(scope, 'cidrs', 'x' as never, 'give one')).toThrow("'cidrs' is the string 'x', not a list; give one");
    expect(() => requireBoolean(scope, 'allow', 1)).toThrow("'allow' is the number 1; use true or false");
  });

  it.each([
    [{}, 'use a whole number'],
    [{ unit: 'days' }, 'use a whole number days'],
    [{ min: 7 }, 'use a whole number of at least 7'],
    [{ max: 30 }, 'use a whole number of at most 30'],
    [{ min: 7, max: 30, unit: 'days' }, 'use a whole number from 7 to 30 days'],
  ])('requireInteger with range %p fixes with "%s"', (range, fix) => {
    expect(configErrorOf(() => requireInteger(scope, 'days', 7.5, range)).message).toBe(`Widget 'prod/Service': 'days' is 7.5; ${fix}`);
  });

  it('requireInteger accepts the ends of the range and refuses just outside them', () => {
    expect(requireInteger(scope, 'days', 30, { min: 7, max: 30 })).toBe(30);
    expect(requireInteger(scope, 'days', -5)).toBe(-5);
    expect(() => requireInteger(scope, 'days', 31, { min: 7, max: 30 })).toThrow("'days' is 31; use a whole number from 7 to 30");
    expect(() => requireInteger(scope, 'days', 6, { min: 7 })).toThrow("'days' is 6; use a whole number of at least 7");
    expect(() => requireInteger(scope, 'days', 31, { max: 30 })).toThrow("'days' is 31; use a whole number of at most 30");
    expect(() => requireInteger(scope, 'days', undefined as never)).toThrow("'days' is missing, not a number; use a whole number");
  });

  it('requirePorts refuses a missing list and a bad port in it', () => {
    expect(() => requirePorts(scope, 'ports', [])).toThrow("'ports' is empty; give at least one port, for example [443]");
    expect(() => requirePorts(scope, 'ports', [443, 0])).toThrow("'ports' has port 0; use a whole number from 1 to 65535");
    expect(() => requirePorts(scope, 'ports', [443, 443])).toThrow("'ports' lists '443' twice; list each port once");
  });

  it('requireOneOf names the right spelling only for a string that differs in case', () => {
    expect(() => requireOneOf(scope, 'trafficType', 'accept' as 'ALL', ['ALL', 'ACCEPT'])).toThrow("'trafficType' is 'accept'; write it as 'ACCEPT'");
    expect(() => requireOneOf(scope, 'trafficType', 1 as never, ['ALL', 'ACCEPT'])).toThrow("'trafficType' is 1; use one of 'ALL', 'ACCEPT'");
  });

  it('requireUnique passes distinct values', () => {
    expect(() => requireUnique(scope, 'ids', ['a', 'b', 'c'], 'list each once')).not.toThrow();
  });

  it('requireAccountId and requireDnsName say what is wrong and how to fix it', () => {
    expect(() => requireAccountId(scope, 'accountId', '1234567890123')).toThrow(
      "'accountId' is '1234567890123'; an AWS account ID is exactly 12 digits, written as a string, for example '123456789012'",
    );
    expect(() => requireDnsName(scope, 'name', 'Bad_Name')).toThrow(
      "'name' is 'Bad_Name', which is not a valid DNS name; use lower-case labels of letters, digits and hyphens separated by dots, for example api.example.com",
    );
    expect(() => requireDnsName(scope, 'name', 42 as never)).toThrow("'name' is 42, which is not a valid DNS name");
    expect(() => requireDnsName(scope, 'name', ['api.example.com'] as never)).toThrow(`'name' is ["api.example.com"], which is not a valid DNS name`);
    expect(() => requireAccountId(scope, 'accountId', ['123456789012'] as never)).toThrow(`'accountId' is ["123456789012"];`);
  });

  it('requireKeys says how keys are written, for any value that is not a key', () => {
    expect(() => requireKeys(scope, 'tenants', ['-acme'])).toThrow(
      "'tenants' has key '-acme'; keys are 1-63 lower-case letters, digits and hyphens, starting with a letter or digit, and never change once deployed",
    );
    expect(() => requireKeys(scope, 'tenants', [7 as never])).toThrow("'tenants' has key 7");
    expect(() => requireKeys(scope, 'tenants', [['acme'] as never])).toThrow(`'tenants' has key ["acme"]`);
    expect(() => requireKeys(scope, 'tenants', ['acme', 'globex', 'acme'])).toThrow("'tenants' lists 'acme' twice; give every item its own key");
  });
});
