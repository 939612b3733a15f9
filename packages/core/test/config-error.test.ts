import { Token } from 'cdktf';
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
