import { Token } from 'cdktf';
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

  it('calls an empty name empty, and a short one short', () => {
    expect(nameProblem('', NAME_RULES.loadBalancer)).toBe('is empty');
    expect(nameProblem('ab', NAME_RULES.s3Bucket)).toBe('has 2 characters, fewer than the 3 a S3 bucket name needs');
    expect(nameProblem('', NAME_RULES.tagValue)).toBeUndefined();
  });

  it('refuses only whole IP addresses and names of digits alone', () => {
    expect(nameProblem('reports-10.0.0.1', NAME_RULES.s3Bucket)).toBeUndefined();
    expect(nameProblem('10.0.0.1-reports', NAME_RULES.s3Bucket)).toBeUndefined();
    expect(nameProblem('inbound-1', NAME_RULES.resolverEndpoint)).toBeUndefined();
    expect(nameProblem('1-inbound', NAME_RULES.resolverEndpoint)).toBeUndefined();
  });
});

describe('requireName', () => {
  it('names the field, the value, the problem and the rule', () => {
    expect(() => requireName(scope, 'name', 'internal-api', NAME_RULES.loadBalancer)).toThrow(
      "'name' is 'internal-api', which starts with 'internal-', which AWS reserves; a load balancer name is at most 32 characters (letters, digits and hyphens), not starting with 'internal-', for example 'saas-provider-prod-nlb'",
    );
  });

  it('lists every reserved prefix, and none for a rule without them', () => {
    expect(() => requireName(scope, 'bucket', 'xn--reports', NAME_RULES.s3Bucket)).toThrow(
      "'bucket' is 'xn--reports', which starts with 'xn--', which AWS reserves; a S3 bucket name is 3 to 63 characters " +
        "(lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit), not starting with 'xn--' or 'sthree-' or 'amzn-s3-demo-', " +
        "for example 'acme-reports-111111111111'",
    );
    expect(() => requireName(scope, 'name', 'tg_1', NAME_RULES.targetGroup)).toThrow(
      /'name' is 'tg_1', which has characters a target group name may not contain; a target group name is at most 32 characters \(letters, digits and hyphens\), for example 'saas-provider-prod-alb'$/,
    );
  });

  it('returns a name that follows the rule, and passes an unresolved one', () => {
    expect(requireName(scope, 'name', 'saas-provider-prod-nlb', NAME_RULES.loadBalancer)).toBe('saas-provider-prod-nlb');
    const token = Token.asString({ Ref: 'name' });
    expect(requireName(scope, 'name', token, NAME_RULES.loadBalancer)).toBe(token);
  });

  it('refuses what is not a string', () => {
    expect(() => requireName(scope, 'name', 42 as never, NAME_RULES.snsTopic)).toThrow(/'name' is 42, which is the number 42, not a string/);
  });
});
