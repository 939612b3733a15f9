import { absoluteSuppressionPath, MIN_REASON_LENGTH, pathIsUnder, requireSuppression, type GuardrailSuppression } from '../../src/guardrails/suppression';
import { assertBadInput } from '../../src/testing/bad-input';
import { widget } from '../helpers';

const REASON = 'Accepted in review: events carry no customer data';
const check = (suppression: unknown) => () => requireSuppression(widget(), 'suppressions[2]', suppression as GuardrailSuppression);

describe('requireSuppression', () => {
  it('accepts a rule, a path and a reason of at least MIN_REASON_LENGTH characters', () => {
    expect(MIN_REASON_LENGTH).toBe(10);
    expect(check({ ruleId: 'PL-SNS-1', path: 'Topic', reason: REASON })).not.toThrow();
    expect(check({ ruleId: 'PL-SNS-1', path: 'Topic', reason: ' 0123456789 ' })).not.toThrow();
  });

  it.each([
    { name: 'no suppression', run: check(undefined), field: 'suppressions[2]', value: 'is undefined', fix: /give \{ ruleId, path, reason \}/ },
    { name: 'a null suppression', run: check(null), field: 'suppressions[2]', value: 'is null', fix: /give \{ ruleId, path, reason \}/ },
    { name: 'a string', run: check('PL-SNS-1'), field: 'suppressions[2]', value: "is 'PL-SNS-1'", fix: /give \{ ruleId, path, reason \}/ },
    { name: 'a blank rule', run: check({ ruleId: '  ', path: 'Topic', reason: REASON }), field: 'suppressions[2].ruleId', value: 'is empty', fix: /name the rule to suppress, for example 'PL-SNS-1'/ },
    { name: 'a rule that is not a string', run: check({ ruleId: 7, path: 'Topic', reason: REASON }), field: 'suppressions[2].ruleId', value: 'is empty', fix: /name the rule/ },
    { name: 'a blank path', run: check({ ruleId: 'PL-SNS-1', path: ' ', reason: REASON }), field: 'suppressions[2].path', value: 'is empty', fix: /give the construct path \(or a prefix of it\)/ },
    { name: 'a path that is not a string', run: check({ ruleId: 'PL-SNS-1', reason: REASON }), field: 'suppressions[2].path', value: 'is empty', fix: /construct path/ },
    { name: 'no reason', run: check({ ruleId: 'PL-SNS-1', path: 'Topic' }), field: 'suppressions[2].reason', value: "is ''", fix: /explain in at least 10 characters why the finding is acceptable; reviewers read it/ },
    { name: 'a reason that is not a string', run: check({ ruleId: 'PL-SNS-1', path: 'Topic', reason: 1234567890123 }), field: 'suppressions[2].reason', value: 'is 1234567890123', fix: /at least 10 characters/ },
    { name: 'a reason one character short', run: check({ ruleId: 'PL-SNS-1', path: 'Topic', reason: '012345678' }), field: 'suppressions[2].reason', value: "is '012345678'", fix: /at least 10 characters/ },
    { name: 'a short reason padded with spaces', run: check({ ruleId: 'PL-SNS-1', path: 'Topic', reason: '    short    ' }), field: 'suppressions[2].reason', value: "is '    short    '", fix: /at least 10/ },
  ])('refuses $name', (c) => assertBadInput(c));
});

describe('absoluteSuppressionPath', () => {
  it.each([
    ['a path relative to the stack', 'Endpoints/Legacy', 'app-prod/Endpoints/Legacy'],
    ['an absolute path', 'app-prod/Endpoints/Legacy', 'app-prod/Endpoints/Legacy'],
    ['the stack itself', 'app-prod', 'app-prod'],
    ['a path with leading and trailing slashes', '//Endpoints/Legacy//', 'app-prod/Endpoints/Legacy'],
    ['an absolute path with slashes around it', '/app-prod/Endpoints/', 'app-prod/Endpoints'],
    ['a child whose name starts like the stack', 'app-prod2/Topic', 'app-prod/app-prod2/Topic'],
  ])('makes %s absolute', (_name, path, expected) => {
    expect(absoluteSuppressionPath('app-prod', path)).toBe(expected);
  });
});

describe('pathIsUnder', () => {
  it('is true for the path itself and what lies under it, not for a sibling that starts the same', () => {
    expect(pathIsUnder('app/Topic', 'app/Topic')).toBe(true);
    expect(pathIsUnder('app/Topic/Policy', 'app/Topic')).toBe(true);
    expect(pathIsUnder('app/Topic2', 'app/Topic')).toBe(false);
    expect(pathIsUnder('app', 'app/Topic')).toBe(false);
  });
});
