import { NAME_RULES, nameProblem, requireName } from '../../src/aws/names';
import { widget } from '../helpers';

const scope = widget();

describe('NAME_RULES', () => {
  it('accepts each rule\'s own example', () => {
    for (const [kind, rule] of Object.entries(NAME_RULES)) expect([kind, nameProblem(rule.example, rule)]).toEqual([kind, undefined]);
  });

  it.each([
    ['securityGroup', 'sg-endpoint', /starts with 'sg-'/],
    ['securityGroup', 'a'.repeat(256), /256 characters, more than the 255/],
    ['loadBalancer', 'internal-api', /starts with 'internal-'/],
    ['loadBalancer', 'api-', /starts or ends with a hyphen/],
    ['loadBalancer', 'a'.repeat(33), /more than the 32/],
    ['loadBalancer', 'api_nlb', /characters a load balancer name may not contain/],
    ['targetGroup', '-tg', /hyphen/],
    ['logGroup', '/privatelink/prod logs', /may not contain/],
    ['logGroup', 'aws/lambda/x', /starts with 'aws\/'/],
    ['logGroup', 'a'.repeat(513), /more than the 512/],
    ['iamRole', 'a'.repeat(65), /more than the 64/],
    ['iamRole', 'role name', /may not contain/],
    ['iamPath', 'privatelink/', /may not contain/],
    ['kmsAlias', 'alias/aws/s3', /starts with 'alias\/aws\/'/],
    ['kmsAlias', 'logs', /fewer than the 7/],
    ['snsTopic', 'events.json', /may not contain/],
    ['s3Bucket', 'Reports', /may not contain/],
    ['s3Bucket', 'ab', /fewer than the 3/],
    ['s3Bucket', 'reports..2024', /two dots in a row/],
    ['s3Bucket', '192.168.1.1', /IP address/],
    ['s3Bucket', 'xn--reports', /starts with 'xn--'/],
    ['s3Bucket', 'reports-s3alias', /ends with '-s3alias'/],
    ['transferUser', 'ab', /fewer than the 3/],
    ['transferUser', 'partner acme', /may not contain/],
    ['resolverEndpoint', '12345', /only digits/],
    ['clientVpnDescription', 'a'.repeat(256), /more than the 255/],
    ['tagValue', 'a'.repeat(257), /more than the 256/],
  ] as const)('%s refuses %p', (kind, name, problem) => {
    expect(nameProblem(name, NAME_RULES[kind])).toMatch(problem);
  });

  it('accepts names at the limits', () => {
    expect(nameProblem('a'.repeat(32), NAME_RULES.loadBalancer)).toBeUndefined();
    expect(nameProblem('a'.repeat(63), NAME_RULES.s3Bucket)).toBeUndefined();
    expect(nameProblem('partner.acme@corp', NAME_RULES.transferUser)).toBeUndefined();
    expect(nameProblem('/', NAME_RULES.iamPath)).toBeUndefined();
  });
});

describe('requireName', () => {
  it('names the field, the value, the problem and the rule', () => {
    expect(() => requireName(scope, 'name', 'internal-api', NAME_RULES.loadBalancer)).toThrow(
      "'name' is 'internal-api', which starts with 'internal-', which AWS reserves; a load balancer name is at most 32 characters (letters, digits and hyphens), not starting with 'internal-', for example 'saas-provider-prod-nlb'",
    );
  });

  it('refuses what is not a string', () => {
    expect(() => requireName(scope, 'name', 42 as never, NAME_RULES.snsTopic)).toThrow(/'name' is 42, which is the number 42, not a string/);
  });
});
