import { policyDocument } from '../src/policy-document';
import { assertBadInput, type BadInputCase } from '../src/testing';
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

describe('policyDocument in full', () => {
  const scope = widget();
  const render = (statements: unknown) => JSON.parse(policyDocument(scope, 'policy', statements as never)) as { Version: string; Statement: Record<string, unknown>[] };

  it('renders the version and only the keys a statement sets', () => {
    const json = render([
      { actions: ['*'] },
      { effect: 'Allow', principals: { Service: ['sns.amazonaws.com'] }, actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:ap-northeast-1:111111111111:q'], conditions: [] },
      {
        principals: { AWS: ['arn:aws:iam::111111111111:root'] },
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        conditions: [
          { test: 'StringEquals', variable: 'kms:ViaService', values: ['sns.ap-northeast-1.amazonaws.com'] },
          { test: 'ArnLike', variable: 'aws:SourceArn', values: ['arn:aws:sns:*'] },
        ],
      },
    ]);
    expect(json).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['*'], Resource: ['*'] },
        { Effect: 'Allow', Principal: { Service: ['sns.amazonaws.com'] }, Action: ['sqs:SendMessage'], Resource: ['arn:aws:sqs:ap-northeast-1:111111111111:q'] },
        {
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::111111111111:root'] },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: ['*'],
          Condition: { StringEquals: { 'kms:ViaService': ['sns.ap-northeast-1.amazonaws.com'] }, ArnLike: { 'aws:SourceArn': ['arn:aws:sns:*'] } },
        },
      ],
    });
  });

  const cases: BadInputCase[] = [
    {
      name: 'statements that are not a list',
      run: () => policyDocument(scope, 'policy', 'statement' as never),
      field: 'policy',
      value: "is the string 'statement', not a list of statements",
      fix: /give a list of statements, for example \[\{ actions: \["s3:GetObject"\], resources: \["arn:aws:s3:::bucket\/\*"\] \}\]/,
    },
    { name: 'no statements', run: () => policyDocument(scope, 'policy', []), field: 'policy', value: 'has no statements', fix: /give at least one statement, or leave the policy out/ },
    { name: 'a null statement', run: () => render([null]), field: 'policy[0]', value: 'is null', fix: /give \{ actions: \[\.\.\.\], resources: \[\.\.\.\] \}/ },
    { name: 'a statement that is a string', run: () => render([{ actions: ['s3:GetObject'] }, 's3:GetObject']), field: 'policy[1]', value: "is the string 's3:GetObject'", fix: /give \{ actions/ },
    {
      name: 'actions that are not a list',
      run: () => render([{ actions: undefined }]),
      field: 'policy[0].actions',
      value: 'is missing, not a list',
      fix: /name the actions as a list, for example \["s3:GetObject"\]/,
    },
    {
      name: 'resources that are not a list',
      run: () => render([{ sid: 'Read', actions: ['s3:GetObject'], resources: 'arn:aws:s3:::b/*' }]),
      field: 'policy[Read].resources',
      value: "is the string 'arn:aws:s3:::b/*', not a list",
      fix: /give resources as a list, for example \["arn:aws:s3:::bucket\/\*"\]/,
    },
    {
      name: 'no actions',
      run: () => render([{ actions: [] }]),
      field: 'policy[0].actions',
      value: 'is empty',
      fix: /name the actions the statement allows or denies, for example \["s3:GetObject"\]/,
    },
    { name: 'an action without its service', run: () => render([{ actions: ['s3:GetObject', 'GetObject'] }]), field: 'policy[0].actions', value: "has 'GetObject'", fix: /write actions as service:Action, for example 's3:GetObject'/ },
    { name: 'a lower-case effect', run: () => render([{ actions: ['s3:GetObject'], effect: 'deny' }]), field: 'policy[0].effect', value: "is 'deny'", fix: /use 'Allow' or 'Deny'/ },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => assertBadInput(c));
});
