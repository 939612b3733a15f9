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
import { widget } from './helpers';

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
