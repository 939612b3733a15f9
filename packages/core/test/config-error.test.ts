import { Lazy, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ConfigError, configError, formatValue, reportAs, UNRESOLVED_VALUE } from '../src/config-error';
import { widget } from './helpers';

describe('configError', () => {
  it('names the construct, its path, the field, the problem and the fix', () => {
    const scope = widget();
    expect(() => configError(scope, 'subnetIds', 'has 1 subnet', 'give two')).toThrow("Widget 'prod/Service': 'subnetIds' has 1 subnet; give two");
  });

  it('throws a ConfigError that carries the path and the field', () => {
    const scope = widget();
    let error: unknown;
    try {
      configError(scope, 'port', 'is 0', 'use 443');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ name: 'ConfigError', constructPath: 'prod/Service', field: 'port', problem: 'is 0', fix: 'use 443' });
  });
});

describe('reportAs', () => {
  it("reports an inner construct's error on the outer construct, under the field the caller wrote", () => {
    const outer = widget();
    const inner = new Construct(outer, 'kinesis');
    expect(() => reportAs(outer, (field) => `services.kinesis.${field}`, () => configError(inner, 'awsService', "is 'kinesis'", "use 'kinesis-streams'"))).toThrow(
      "Widget 'prod/Service': 'services.kinesis.awsService' is 'kinesis'; use 'kinesis-streams'",
    );
  });

  it("leaves the outer construct's own errors and other errors as they are", () => {
    const outer = widget();
    expect(() => reportAs(outer, (field) => `x.${field}`, () => configError(outer, 'name', 'is empty', 'give one'))).toThrow("'name' is empty");
    expect(() => reportAs(outer, (field) => `x.${field}`, () => { throw new TypeError('boom'); })).toThrow(TypeError);
    expect(reportAs(outer, (field) => field, () => 42)).toBe(42);
  });
});

describe('formatValue', () => {
  it.each([
    ['a string, quoted', 'abc', "'abc'"],
    ['a number', 42, '42'],
    ['NaN as NaN, not null', NaN, 'NaN'],
    ['Infinity', Infinity, 'Infinity'],
    ['undefined by name', undefined, 'undefined'],
    ['null by name', null, 'null'],
    ['a boolean', false, 'false'],
    ['a list as JSON', ['a', 1], '["a",1]'],
    ['an object as JSON', { a: 1 }, '{"a":1]'.replace(']', '}')],
    ['NaN inside a list', [NaN], '["NaN"]'],
  ])('shows %s', (_name, value, shown) => {
    expect(formatValue(value)).toBe(shown);
  });

  it('shows unresolved tokens as "an unresolved value", never their encoding', () => {
    const text = Token.asString({ Ref: 'x' });
    const number = Token.asNumber({ Ref: 'x' });
    const list = Token.asList({ Ref: 'x' });
    expect(formatValue(text)).toBe(UNRESOLVED_VALUE);
    expect(formatValue(`prefix-${text}`)).toBe(UNRESOLVED_VALUE);
    expect(formatValue(number)).toBe(UNRESOLVED_VALUE);
    expect(formatValue(list)).toBe(UNRESOLVED_VALUE);
    expect(formatValue({ arn: text })).toBe(`{"arn":"${UNRESOLVED_VALUE}"}`);
    expect(formatValue(text)).not.toMatch(/TfToken|Token\[/);
  });
});

describe('formatValue of other values', () => {
  it.each([
    ['a function by kind', () => 1, 'a function'],
    ['a symbol by its description', Symbol('id'), 'Symbol(id)'],
    ['a bigint as a number', BigInt(7), '7'],
    ['a bigint inside an object', { n: BigInt(7) }, '{"n":"7"}'],
    ['-Infinity inside a list', [-Infinity, 1], '["-Infinity",1]'],
    ['a value JSON cannot write by its string', { toJSON: () => undefined }, '[object Object]'],
  ])('shows %s', (_name, value, shown) => {
    expect(formatValue(value)).toBe(shown);
  });

  it('shows a value that refers to itself by its kind', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(formatValue(loop)).toBe('[object Object]');
    expect(formatValue([loop])).toBe('[object Array]');
  });

  it('shows map tokens and lazy values as "an unresolved value", never their encoding', () => {
    const tags = Token.asStringMap({ Ref: 'tags' });
    const lazy = Lazy.anyValue({ produce: () => 1 });
    expect(formatValue(tags)).toBe(UNRESOLVED_VALUE);
    expect(formatValue(lazy)).toBe(UNRESOLVED_VALUE);
    expect(formatValue({ tags })).toBe(`{"tags":"${UNRESOLVED_VALUE}"}`);
  });

  it('shows unresolved numbers and lists inside objects as "an unresolved value"', () => {
    expect(formatValue({ port: Token.asNumber({ Ref: 'x' }), ids: Token.asList({ Ref: 'y' }) })).toBe(`{"port":"${UNRESOLVED_VALUE}","ids":"${UNRESOLVED_VALUE}"}`);
  });
});

describe('reportAs of an error with its own problem and fix', () => {
  it('keeps the problem and the fix of the inner error', () => {
    const outer = widget();
    const inner = new Construct(outer, 'Inner');
    let error: unknown;
    try {
      reportAs(outer, (field) => `inner.${field}`, () => configError(inner, 'port', 'is 0', 'use 443'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ constructPath: 'prod/Service', field: 'inner.port', problem: 'is 0', fix: 'use 443' });
  });
});
