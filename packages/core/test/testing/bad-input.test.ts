import { configError } from '../../src/config-error';
import { assertBadInput } from '../../src/testing/bad-input';
import { widget } from '../helpers';

const wrong = () => configError(widget(), 'ports', 'has port 0', 'use a whole number from 1 to 65535');

describe('assertBadInput', () => {
  it('passes a ConfigError that names the field, the value and the fix', () => {
    expect(() => assertBadInput({ name: 'port 0', run: wrong, field: 'ports', value: 'port 0', fix: /1 to 65535/ })).not.toThrow();
  });

  it.each([
    ['no error at all', { run: () => undefined }, /gave no error, not a ConfigError/],
    ['a TypeError', { run: () => (undefined as unknown as { x: number }).x }, /gave TypeError/],
    ['another field', { field: 'port' }, /names field 'ports', not 'port'/],
    ['another value', { value: 'port 1' }, /does not show the value port 1/],
    ['another fix', { fix: /from 0/ }, /has no fix matching/],
    ['a token shown by its internals', { run: () => configError(widget(), 'ports', 'has ${TfToken[TOKEN.1]}', 'give a port') , value: 'TfToken', fix: /give a port/ }, /shows a token's internals/],
  ])('fails on %s', (_name, change, message) => {
    expect(() => assertBadInput({ name: 'case', run: wrong, field: 'ports', value: 'port 0', fix: /1 to 65535/, ...change })).toThrow(message);
  });
});
