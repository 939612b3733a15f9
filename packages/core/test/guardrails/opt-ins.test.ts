import { OPT_IN_METADATA, recordOptIn } from '../../src/guardrails/opt-ins';
import { assertBadInput } from '../../src/testing/bad-input';
import { widget } from '../helpers';

describe('recordOptIn', () => {
  it('records the option and what it allows, trimmed, under OPT_IN_METADATA', () => {
    const scope = widget();
    recordOptIn(scope, ' unlisted ', ' reaches an AWS service the catalogue does not list ');
    expect(OPT_IN_METADATA).toBe('privatelink-cdktf:guardrails:opt-in');
    expect(scope.node.metadata.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: OPT_IN_METADATA, data: { optIn: 'unlisted', detail: 'reaches an AWS service the catalogue does not list' } },
    ]);
  });

  it.each([
    { name: 'a blank option', run: () => recordOptIn(widget(), ' ', 'reaches anything'), field: 'optIn', value: 'is empty', fix: /name the option the user set/ },
    { name: 'no option', run: () => recordOptIn(widget(), undefined as unknown as string, 'reaches anything'), field: 'optIn', value: 'is empty', fix: /name the option the user set/ },
    { name: 'a blank detail', run: () => recordOptIn(widget(), 'unlisted', '  '), field: 'unlisted', value: 'was recorded without a detail', fix: /say in one line what the opt-in allows/ },
    { name: 'no detail', run: () => recordOptIn(widget(), 'unlisted', undefined as unknown as string), field: 'unlisted', value: 'was recorded without a detail', fix: /say in one line what the opt-in allows/ },
  ])('refuses $name', (c) => assertBadInput(c));
});
