import { policyDocument } from '../src/policy-document';
import { widget } from './helpers';

describe('policyDocument', () => {
  const scope = widget();

  it('renders typed statements', () => {
    const json = JSON.parse(
      policyDocument(scope, 'policy', [
        { sid: 'Read', principals: '*', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'], conditions: [{ test: 'StringEquals', variable: 'aws:SourceVpce', values: ['vpce-1'] }] },
      ]),
    );
    expect(json.Statement[0]).toEqual({
      Sid: 'Read',
      Effect: 'Allow',
      Principal: '*',
      Action: ['s3:GetObject'],
      Resource: ['arn:aws:s3:::b/*'],
      Condition: { StringEquals: { 'aws:SourceVpce': ['vpce-1'] } },
    });
  });

  it('merges conditions of the same operator and defaults resources to *', () => {
    const json = JSON.parse(
      policyDocument(scope, 'policy', [
        {
          effect: 'Deny',
          principals: { AWS: ['arn:aws:iam::123456789012:root'] },
          actions: ['s3:*'],
          conditions: [
            { test: 'StringNotEquals', variable: 'aws:SourceVpce', values: ['vpce-1'] },
            { test: 'StringNotEquals', variable: 'aws:PrincipalAccount', values: ['123456789012'] },
          ],
        },
      ]),
    );
    expect(json.Statement[0]).toMatchObject({
      Effect: 'Deny',
      Principal: { AWS: ['arn:aws:iam::123456789012:root'] },
      Resource: ['*'],
      Condition: { StringNotEquals: { 'aws:SourceVpce': ['vpce-1'], 'aws:PrincipalAccount': ['123456789012'] } },
    });
  });

  it('rejects a statement without actions, malformed actions and empty documents', () => {
    expect(() => policyDocument(scope, 'policy', [{ sid: 'Nothing', actions: [] }])).toThrow(/'policy\[Nothing\].actions' is empty/);
    expect(() => policyDocument(scope, 'policy', [{ actions: ['GetObject'] }])).toThrow(/service:Action/);
    expect(() => policyDocument(scope, 'policy', [])).toThrow(/has no statements/);
  });

  it('rejects what untyped callers pass', () => {
    expect(() => policyDocument(scope, 'policy', undefined as never)).toThrow(/'policy' is missing, not a list of statements/);
    expect(() => policyDocument(scope, 'policy', [{ actions: 's3:GetObject' } as never])).toThrow(/'policy\[0\].actions' is the string 's3:GetObject', not a list/);
    expect(() => policyDocument(scope, 'policy', [{ actions: ['s3:GetObject'], effect: 'allow' } as never])).toThrow(/'policy\[0\].effect' is 'allow'; use 'Allow' or 'Deny'/);
  });
});
