import { DEFAULT_REGION, ENVIRONMENT_NAMES, requireEnvironment } from '../src/environment';
import { assertBadInput, type BadInputCase } from '../src/testing';
import { widget } from './helpers';

describe('requireEnvironment', () => {
  const scope = widget();

  it('accepts a complete environment and returns it', () => {
    const config = { name: 'stg' as const, accountId: '222222222222', backend: { type: 's3' as const, bucket: 'acme-terraform-state', region: 'us-east-1' } };
    expect(requireEnvironment(scope, config)).toBe(config);
    expect(ENVIRONMENT_NAMES).toEqual(['dev', 'stg', 'prod']);
    expect(DEFAULT_REGION).toBe('ap-northeast-1');
  });

  it('refuses what untyped callers pass', () => {
    expect(() => requireEnvironment(scope, undefined as never)).toThrow(/'environment' is missing/);
    expect(() => requireEnvironment(scope, { name: 'production', accountId: '222222222222' } as never)).toThrow("'environment.name' is 'production'; use one of dev, stg, prod");
    expect(() => requireEnvironment(scope, { name: 'dev' } as never)).toThrow(/'environment.accountId' is missing/);
    expect(() => requireEnvironment(scope, { name: 'dev', accountId: '111111111111', backend: { type: 'remote' } } as never)).toThrow(/'environment.backend.type' is 'remote'/);
    expect(() => requireEnvironment(scope, { name: 'dev', accountId: '111111111111', backend: { type: 's3' } } as never)).toThrow(/'environment.backend.bucket' is missing/);
    expect(() => requireEnvironment(scope, { name: 'dev', accountId: '111111111111', backend: { type: 's3', bucket: 'b-ok', region: 'mars-1' } })).toThrow(/'environment.backend.region' has unknown region 'mars-1'/);
  });
});

describe('requireEnvironment of every part', () => {
  const scope = widget();
  const env = (config: Record<string, unknown>) => () => requireEnvironment(scope, { name: 'dev', accountId: '111111111111', ...config } as never);
  const ENVIRONMENT_FIX = /give \{ name: 'dev' \| 'stg' \| 'prod', accountId: '123456789012' \}/;
  const BACKEND_FIX = /use \{ type: 'local' \} or \{ type: 's3', bucket \}/;
  const cases: BadInputCase[] = [
    { name: 'a null environment', run: () => requireEnvironment(scope, null as never), field: 'environment', value: 'is null', fix: ENVIRONMENT_FIX },
    { name: 'an environment by name', run: () => requireEnvironment(scope, 'dev' as never), field: 'environment', value: "is the string 'dev'", fix: ENVIRONMENT_FIX },
    { name: 'a name in capitals', run: env({ name: 'Dev' }), field: 'environment.name', value: "is 'Dev'", fix: /use one of dev, stg, prod/ },
    { name: 'no account', run: env({ accountId: undefined }), field: 'environment.accountId', value: 'is missing', fix: /give the 12-digit AWS account ID as a string, for example '123456789012'/ },
    { name: 'an account as a number', run: env({ accountId: 111111111111 }), field: 'environment.accountId', value: 'is 111111111111', fix: /exactly 12 digits/ },
    { name: 'an unknown region', run: env({ region: 'tokyo' }), field: 'environment.region', value: "'tokyo'", fix: /use an AWS region code/ },
    { name: 'a production flag as a string', run: env({ production: 'true' }), field: 'environment.production', value: "is the string 'true'", fix: /use true or false/ },
    { name: 'a role that is not an ARN', run: env({ assumeRoleArn: 'deploy' }), field: 'environment.assumeRoleArn', value: "'deploy'", fix: /arn:/ },
    { name: 'a role ARN of another service', run: env({ assumeRoleArn: 'arn:aws:sts::111111111111:role/deploy' }), field: 'environment.assumeRoleArn', value: 'sts', fix: /./ },
    { name: 'a user, not a role', run: env({ assumeRoleArn: 'arn:aws:iam::111111111111:user/deploy' }), field: 'environment.assumeRoleArn', value: 'user/deploy', fix: /role/ },
    { name: 'a role of another account', run: env({ assumeRoleArn: 'arn:aws:iam::999999999999:role/deploy' }), field: 'environment.assumeRoleArn', value: '999999999999', fix: /111111111111/ },
    { name: 'a null backend', run: env({ backend: null }), field: 'environment.backend.type', value: 'is undefined', fix: BACKEND_FIX },
    { name: 'a backend without a type', run: env({ backend: { bucket: 'b-ok' } }), field: 'environment.backend.type', value: 'is undefined', fix: BACKEND_FIX },
    { name: 'a backend of another type', run: env({ backend: { type: 'remote' } }), field: 'environment.backend.type', value: "is 'remote'", fix: BACKEND_FIX },
    { name: 'an S3 backend without a bucket', run: env({ backend: { type: 's3' } }), field: 'environment.backend.bucket', value: 'is missing', fix: /give the name of an existing S3 bucket for Terraform state/ },
    { name: 'an S3 bucket of capitals', run: env({ backend: { type: 's3', bucket: 'State' } }), field: 'environment.backend.bucket', value: "'State'", fix: /./ },
    { name: 'an S3 backend in an unknown region', run: env({ backend: { type: 's3', bucket: 'b-ok', region: 'mars-1' } }), field: 'environment.backend.region', value: "'mars-1'", fix: /use an AWS region code/ },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => assertBadInput(c));

  it('accepts every environment name, a local backend, a role of the account and the default region', () => {
    for (const name of ENVIRONMENT_NAMES) expect(requireEnvironment(scope, { name, accountId: '111111111111' }).name).toBe(name);
    const config = { name: 'prod' as const, accountId: '111111111111', production: true, assumeRoleArn: 'arn:aws:iam::111111111111:role/deploy', backend: { type: 'local' as const } };
    expect(requireEnvironment(scope, config)).toBe(config);
    expect(requireEnvironment(scope, { name: 'dev', accountId: '111111111111', backend: { type: 's3', bucket: 'acme-terraform-state' } }).backend).toEqual({ type: 's3', bucket: 'acme-terraform-state' });
  });
});
