import { ConfigError, configError } from '../../src/config-error';
import { assertBadInput } from '../../src/testing/bad-input';
import { widget } from '../helpers';

const wrong = () => configError(widget(), 'ports', 'has port 0', 'use a whole number from 1 to 65535');

/** A ConfigError whose message was rewritten after it was made. */
const rewritten = (message: string) => () => {
  const error = new ConfigError(widget(), 'ports', 'has port 0', 'use a whole number from 1 to 65535');
  error.message = message;
  throw error;
};

describe('assertBadInput', () => {
  it('passes a ConfigError that names the field, the value and the fix', () => {
    expect(() => assertBadInput({ name: 'port 0', run: wrong, field: 'ports', value: 'port 0', fix: /1 to 65535/ })).not.toThrow();
  });

  it('reads the fix as everything after the first "; "', () => {
    const run = () => configError(widget(), 'ports', 'has port 0', 'use a whole number from 1 to 65535; or leave the port out');
    expect(() => assertBadInput({ name: 'port 0', run, field: 'ports', value: 'port 0', fix: /65535; or leave/ })).not.toThrow();
  });

  it.each([
    ['no error at all', { run: () => undefined }, "case: gave no error, not a ConfigError"],
    ['a TypeError', { run: () => (undefined as unknown as { x: number }).x }, /^case: gave TypeError: Cannot read properties of undefined \(reading 'x'\), not a ConfigError$/],
    ['another field', { field: 'port' }, "case: names field 'ports', not 'port': Widget 'prod/Service': 'ports' has port 0; use a whole number from 1 to 65535"],
    ['another value', { value: 'port 1' }, "case: does not show the value port 1 in: Widget 'prod/Service': 'ports' has port 0"],
    ['another fix', { fix: /from 0/ }, "case: has no fix matching /from 0/ in: Widget 'prod/Service'"],
    ['words found only before the fix', { fix: /has port 0/ }, 'case: has no fix matching /has port 0/ in:'],
    ['a token shown by its internals', { run: () => configError(widget(), 'ports', 'has ${TfToken[TOKEN.1]}', 'give a port'), value: 'TfToken', fix: /give a port/ }, /shows a token's internals/],
    ['a string token', { run: () => configError(widget(), 'ports', 'has ${Token[TOKEN.12]}', 'give a port'), value: 'Token', fix: /give a port/ }, /shows a token's internals/],
    ['a number token', { run: () => configError(widget(), 'ports', 'has -1.8881545897087626e+289', 'give a port'), value: '289', fix: /give a port/ }, /shows a token's internals: Widget/],
    [
      'a message that does not open with the construct',
      { run: rewritten("Error in Widget 'prod/Service': 'ports' has port 0; use a whole number from 1 to 65535") },
      "case: does not open with the construct and its path: Error in Widget 'prod/Service'",
    ],
    [
      'a message that does not name the field',
      { run: rewritten("Widget 'prod/Service': 'port' has port 0; use a whole number from 1 to 65535") },
      "case: does not name 'ports' in: Widget 'prod/Service': 'port' has port 0",
    ],
  ])('fails on %s', (_name, change, message) => {
    expect(() => assertBadInput({ name: 'case', run: wrong, field: 'ports', value: 'port 0', fix: /1 to 65535/, ...change })).toThrow(message);
  });
});
