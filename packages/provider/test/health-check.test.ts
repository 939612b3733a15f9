import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Token } from 'cdktf';
import { requireHealthCheck } from '../src/health-check';
import { testStack } from './helpers';

describe('requireHealthCheck', () => {
  const scope = testStack();

  it('checks TCP by default on the traffic port, every 30 seconds', () => {
    expect(requireHealthCheck(scope, 'healthCheck', undefined, { protocol: 'TCP' })).toEqual({
      enabled: true,
      protocol: 'TCP',
      port: 'traffic-port',
      interval: 30,
      timeout: 10,
      healthyThreshold: 3,
      unhealthyThreshold: 3,
    });
  });

  it('checks HTTP paths with a matcher, and keeps what the caller set at the edges of each range', () => {
    const check = requireHealthCheck(
      scope,
      'healthCheck',
      { protocol: 'HTTPS', port: 8443, path: '/health?full=1', matcher: '200,302-399', intervalSeconds: 300, timeoutSeconds: 120, healthyThreshold: 2, unhealthyThreshold: 10 },
      { protocol: 'TCP' },
    );
    expect(check).toEqual({ enabled: true, protocol: 'HTTPS', port: '8443', path: '/health?full=1', matcher: '200,302-399', interval: 300, timeout: 120, healthyThreshold: 2, unhealthyThreshold: 10 });
    expect(requireHealthCheck(scope, 'healthCheck', { intervalSeconds: 5, timeoutSeconds: 2 }, { protocol: 'HTTP' })).toMatchObject({ path: '/', matcher: '200-399', interval: 5, timeout: 2 });
    expect(requireHealthCheck(scope, 'healthCheck', { matcher: '599' }, { protocol: 'HTTP' })).toMatchObject({ matcher: '599' });
  });

  it('passes values known only at apply time', () => {
    const interval = Token.asNumber({ Ref: 'interval' });
    expect(() => requireHealthCheck(scope, 'healthCheck', { intervalSeconds: interval, path: Token.asString({ Ref: 'path' }) }, { protocol: 'HTTP' })).not.toThrow();
  });

  it('refuses a protocol the target kind does not take, a reversed matcher range and a path with a space', () => {
    expect(() => requireHealthCheck(scope, 'healthCheck', { protocol: 'TCP' }, { protocol: 'HTTP', allowed: ['HTTP', 'HTTPS'] })).toThrow(/'healthCheck.protocol' is 'TCP'; use one of 'HTTP', 'HTTPS'/);
    expect(() => requireHealthCheck(scope, 'healthCheck', { matcher: '399-200' }, { protocol: 'HTTP' })).toThrow(/'healthCheck.matcher' is '399-200'/);
    expect(() => requireHealthCheck(scope, 'healthCheck', { path: '/a b' }, { protocol: 'HTTP' })).toThrow(/'healthCheck.path' is '\/a b'/);
    expect(() => requireHealthCheck(scope, 'healthCheck', { path: `/${'a'.repeat(1024)}` }, { protocol: 'HTTP' })).toThrow(/'healthCheck.path'/);
    expect(() => requireHealthCheck(scope, 'healthCheck', { matcher: '200' }, { protocol: 'TCP' })).toThrow(/'healthCheck.matcher' is set on a TCP health check/);
  });
});

describe('requireHealthCheck matcher', () => {
  const scope = testStack();
  const matcherOf = (matcher: string) => requireHealthCheck(scope, 'healthCheck', { matcher }, { protocol: 'HTTP' }).matcher;

  it.each(['200', '599', '200-200', '200-599', '200,302-399'])('takes %s', (matcher) => {
    expect(matcherOf(matcher)).toBe(matcher);
  });

  it('takes a matcher known only at apply time', () => {
    const matcher = Token.asString({ Ref: 'matcher' });
    expect(matcherOf(matcher)).toBe(matcher);
  });

  it('treats a null health check like one left out (untyped JS)', () => {
    expect(requireHealthCheck(scope, 'healthCheck', null as never, { protocol: 'TCP' })).toEqual(requireHealthCheck(scope, 'healthCheck', undefined, { protocol: 'TCP' }));
  });

  const rejected: BadInputCase[] = ['199', '600', '100-300', '200-600', '200,600', '200,399-200', 'ok', '200-', ''].map((matcher) => ({
    name: `matcher '${matcher}'`,
    run: () => matcherOf(matcher),
    field: 'healthCheck.matcher',
    value: `is '${matcher}'`,
    fix: /give HTTP codes from 200 to 599 such as '200', '200,302' or '200-399'/,
  }));
  const notStrings: BadInputCase[] = [
    { name: 'matcher as a number (untyped JS)', run: () => matcherOf(200 as never), field: 'healthCheck.matcher', value: 'the number 200', fix: /give HTTP codes such as '200', '200,302' or '200-399'/ },
    {
      name: 'path as a number (untyped JS)',
      run: () => requireHealthCheck(scope, 'healthCheck', { path: 42 as never }, { protocol: 'HTTP' }),
      field: 'healthCheck.path',
      value: 'the number 42',
      fix: /give a path that starts with '\/', for example '\/health'/,
    },
  ];

  it.each([...rejected, ...notStrings].map((c) => [c.name, c] as const))('refuses %s', (_name, c) => assertBadInput(c));
});
