import { conditionValues, isDeny, policyStatements, type PolicyJsonStatement } from '../../src/guardrails/policy-statements';

const ALLOW = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

describe('policyStatements', () => {
  it('reads the Statement list of a JSON policy', () => {
    expect(policyStatements(JSON.stringify({ Version: '2012-10-17', Statement: [ALLOW, { Effect: 'Deny' }] }))).toEqual([ALLOW, { Effect: 'Deny' }]);
  });

  it('reads a single Statement object as a list of one', () => {
    expect(policyStatements(JSON.stringify({ Statement: ALLOW }))).toEqual([ALLOW]);
  });

  it.each([
    ['no Statement', {}],
    ['a null Statement', { Statement: null }],
    ['a string Statement', { Statement: 'Allow' }],
  ])('gives no statements for a policy with %s', (_name, policy) => {
    expect(policyStatements(JSON.stringify(policy))).toEqual([]);
  });

  it('reads a JSON policy whose values refer to resources, even with leading whitespace', () => {
    const policy = `  ${JSON.stringify({ Statement: [{ Effect: 'Allow', Resource: '${aws_s3_bucket.Bucket.arn}/*' }] })}`;
    expect(policyStatements(policy)).toEqual([{ Effect: 'Allow', Resource: '${aws_s3_bucket.Bucket.arn}/*' }]);
  });

  it.each([
    ['a document Terraform computes', '${data.aws_iam_policy_document.policy.json}'],
    ['an expression written as a JSON string', '"${var.policy}"'],
    ['text that is not JSON', 'not a policy'],
    ['JSON null', 'null'],
    ['no policy', undefined],
    ['an object instead of JSON text', { Statement: [ALLOW] }],
  ])('cannot judge %s', (_name, policy) => {
    expect(policyStatements(policy)).toBeUndefined();
  });
});

describe('conditionValues', () => {
  const statement: PolicyJsonStatement = {
    Effect: 'Deny',
    Condition: {
      StringNotEquals: { 'AWS:SourceVpce': ['vpce-1', 'vpce-2'], 'aws:SourceVpc': 'vpc-1' },
      StringNotEqualsIfExists: { 'aws:sourcevpce': 'vpce-3' },
      StringEquals: { 'aws:SourceVpce': 'vpce-4' },
      Bool: { 'aws:SecureTransport': false },
    },
  };

  it('collects the values of a key, case-insensitively, for every operator that matches', () => {
    expect(conditionValues(statement, /^StringNotEquals/i, 'aws:SourceVpce')).toEqual(['vpce-1', 'vpce-2', 'vpce-3']);
    expect(conditionValues(statement, /^stringnotequals$/i, 'AWS:SOURCEVPC')).toEqual(['vpc-1']);
  });

  it('skips operators that do not match', () => {
    expect(conditionValues(statement, /^StringEquals$/, 'aws:SourceVpce')).toEqual(['vpce-4']);
    expect(conditionValues(statement, /^ArnLike$/, 'aws:SourceVpce')).toEqual([]);
  });

  it('gives values as strings, as IAM reads them', () => {
    expect(conditionValues(statement, /^Bool$/, 'aws:SecureTransport')).toEqual(['false']);
  });

  it('gives nothing for a statement without conditions, or with an empty operator', () => {
    expect(conditionValues({ Effect: 'Deny' }, /./, 'aws:SourceVpce')).toEqual([]);
    expect(conditionValues({ Effect: 'Deny', Condition: { StringEquals: null as unknown as Record<string, unknown> } }, /./, 'aws:SourceVpce')).toEqual([]);
  });
});

describe('isDeny', () => {
  it('is true for a Deny only', () => {
    expect(isDeny({ Effect: 'Deny' })).toBe(true);
    expect(isDeny({ Effect: 'Allow' })).toBe(false);
    expect(isDeny({})).toBe(false);
  });
});
