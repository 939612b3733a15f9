import { DEFAULT_REGION, ENVIRONMENT_NAMES, requireEnvironment } from '../src/environment';
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
