import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EndpointService } from '../src/endpoint-service';
import { loadTenantsFile, parseTenantsFile, TenantsFileError } from '../src/tenants-file';
import { NLB_ARN, resourcesOf, synthJson, testStack } from './helpers';

const FILE = 'tenants/prod.yaml';
const VALID = `# Tenants of saas-provider-prod
tenants:
  - key: acme-bank
    principals: [arn:aws:iam::555500001111:root]
    endpointIds: [vpce-0a1b2c3d4e5f60718]
  - key: city-hospital
    principals:
      - arn:aws:iam::555500002222:role/privatelink-consumer
  - key: old-corp
    state: offboarded
    principals: [arn:aws:iam::555500009999:root]
    endpointIds: [vpce-0fedcba9876543210]
`;

/** The error a text gives, as the user reads it. */
function errorOf(text: string): { name: string; message: string; entry?: number; field?: string } {
  try {
    parseTenantsFile(text, FILE);
  } catch (error) {
    if (error instanceof TenantsFileError) return { name: error.name, message: error.message, entry: error.entry, field: error.field };
    throw error;
  }
  throw new Error('the text was accepted');
}

describe('parseTenantsFile', () => {
  it('reads the tenants in file order, with only the fields given', () => {
    expect(parseTenantsFile(VALID, FILE)).toStrictEqual([
      { key: 'acme-bank', principals: ['arn:aws:iam::555500001111:root'], endpointIds: ['vpce-0a1b2c3d4e5f60718'] },
      { key: 'city-hospital', principals: ['arn:aws:iam::555500002222:role/privatelink-consumer'] },
      { key: 'old-corp', state: 'offboarded', principals: ['arn:aws:iam::555500009999:root'], endpointIds: ['vpce-0fedcba9876543210'] },
    ]);
  });

  it('reads JSON as well, and an empty list', () => {
    expect(parseTenantsFile(JSON.stringify({ tenants: [{ key: 'acme-bank', principals: ['arn:aws:iam::555500001111:root'] }] }), 'prod.json')).toStrictEqual([
      { key: 'acme-bank', principals: ['arn:aws:iam::555500001111:root'] },
    ]);
    expect(parseTenantsFile('tenants: []\n', FILE)).toEqual([]);
  });

  it('synthesizes the same resources as the same tenants written in code', () => {
    const synth = (tenants: ReturnType<typeof parseTenantsFile>) => {
      const stack = testStack();
      new EndpointService(stack, 'Service', { networkLoadBalancerArns: [NLB_ARN], tenants });
      return synthJson(stack);
    };
    const fromFile = synth(parseTenantsFile(VALID, FILE));
    const inCode = synth([
      { key: 'acme-bank', principals: ['arn:aws:iam::555500001111:root'], endpointIds: ['vpce-0a1b2c3d4e5f60718'] },
      { key: 'city-hospital', principals: ['arn:aws:iam::555500002222:role/privatelink-consumer'] },
      { key: 'old-corp', state: 'offboarded', principals: ['arn:aws:iam::555500009999:root'], endpointIds: ['vpce-0fedcba9876543210'] },
    ]);
    expect(fromFile).toEqual(inCode);
    expect(Object.keys(resourcesOf(fromFile, 'aws_vpc_endpoint_service_allowed_principal'))).toHaveLength(2);
  });

  describe('names the file, line, entry, field and fix of', () => {
    it('YAML that does not parse', () => {
      expect(errorOf('tenants:\n  - key: a\n    key: b\n').message).toMatch(/^tenants\/prod.yaml:3: is not valid YAML or JSON: Map keys must be unique; fix the syntax$/);
    });

    it('a missing or mistyped field, and a field that does not exist', () => {
      expect(errorOf('tenants:\n  - key: acme-bank\n').message).toBe(
        "tenants/prod.yaml:2: tenants[0] (acme-bank): 'principals' is missing; give a list of principal ARNs, for example [arn:aws:iam::123456789012:root]",
      );
      expect(errorOf('tenants:\n  - key: acme-bank\n    principals: arn:aws:iam::555500001111:root\n').message).toBe(
        "tenants/prod.yaml:3: tenants[0] (acme-bank): 'principals' is 'arn:aws:iam::555500001111:root', not a list; give a list of principal ARNs, for example [arn:aws:iam::123456789012:root]",
      );
      expect(errorOf('tenants:\n  - key: acme-bank\n    principal: [arn:aws:iam::555500001111:root]\n    principals: [arn:aws:iam::555500001111:root]\n').message).toBe(
        "tenants/prod.yaml:2: tenants[0] (acme-bank): the entry has the unknown field 'principal'; did you mean 'principals'? the fields are key, principals, endpointIds, state",
      );
      expect(errorOf('tenant: []\n').message).toMatch(/^tenants\/prod.yaml:1: the file has the unknown field 'tenant'; did you mean 'tenants'\?/);
      expect(errorOf('').message).toBe("tenants/prod.yaml: 'tenants' is missing; give a list of tenants, for example `tenants: []`");
      expect(errorOf('tenants:\n  - key: acme-bank\n    state: paused\n    principals: [arn:aws:iam::555500001111:root]\n')).toMatchObject({
        message: "tenants/prod.yaml:3: tenants[0] (acme-bank): 'state' is 'paused'; use one of 'active', 'offboarded'",
        entry: 0,
        field: 'state',
      });
    });

    const PRINCIPALS = '    principals: [arn:aws:iam::555500001111:root]\n';
    it.each([
      ['a file that is a list', '- key: acme-bank\n', '1: the file is a list, not a mapping; give a list of tenants, for example `tenants: []`', undefined, undefined],
      ['tenants that are not a list', 'tenants: 5\n', "1: 'tenants' is 5, not a list; give a list of tenants, for example `tenants: []`", undefined, 'tenants'],
      [
        'an entry that is not a mapping',
        'tenants:\n  - acme-bank\n',
        "2: tenants[0]: the entry is 'acme-bank', not a mapping; write the entry as a mapping, for example { key: acme-bank, principals: [arn:aws:iam::123456789012:root] }",
        0,
        undefined,
      ],
      ['a missing key', 'tenants:\n  - principals: [arn:aws:iam::555500001111:root]\n', "2: tenants[0]: 'key' is missing; give a stable key such as 'acme-bank'", 0, 'key'],
      ['a number as key', `tenants:\n  - key: 42\n${PRINCIPALS}`, "2: tenants[0]: 'key' is 42, not a string; give a stable key such as 'acme-bank'", 0, 'key'],
      ['an empty key', `tenants:\n  - key:\n${PRINCIPALS}`, "2: tenants[0]: 'key' is empty, not a string; give a stable key such as 'acme-bank'", 0, 'key'],
      ['a list as key', `tenants:\n  - key: [acme-bank]\n${PRINCIPALS}`, "2: tenants[0]: 'key' is a list, not a string; give a stable key such as 'acme-bank'", 0, 'key'],
      ['a mapping as key', `tenants:\n  - key: { name: acme-bank }\n${PRINCIPALS}`, "2: tenants[0]: 'key' is a mapping, not a string; give a stable key such as 'acme-bank'", 0, 'key'],
      [
        'a principal that is not a string',
        'tenants:\n  - key: acme-bank\n    principals: [arn:aws:iam::555500001111:root, 42]\n',
        "3: tenants[0] (acme-bank): 'principals[1]' is 42, not a string; give a list of principal ARNs, for example [arn:aws:iam::123456789012:root]",
        0,
        'principals[1]',
      ],
      ['a list as state', `tenants:\n  - key: acme-bank\n    state: [active]\n${PRINCIPALS}`, "3: tenants[0] (acme-bank): 'state' is a list; use one of 'active', 'offboarded'", 0, 'state'],
      [
        'two fields that do not exist, one of them misspelt',
        `tenants:\n  - key: acme-bank\n    endpoints: [vpce-0a1b2c3d4e5f60718]\n    tags: { team: payments }\n${PRINCIPALS}`,
        "2: tenants[0] (acme-bank): the entry has the unknown fields 'endpoints', 'tags'; did you mean 'endpointIds'? the fields are key, principals, endpointIds, state",
        0,
        undefined,
      ],
      [
        'a field that does not exist and resembles none',
        `tenants:\n  - key: acme-bank\n    tags: { team: payments }\n${PRINCIPALS}`,
        "2: tenants[0] (acme-bank): the entry has the unknown field 'tags'; the fields are key, principals, endpointIds, state",
        0,
        undefined,
      ],
    ])('%s', (_, text, message, entry, field) => {
      expect(errorOf(text)).toEqual({ name: 'TenantsFileError', message: `tenants/prod.yaml:${message}`, entry, field });
    });

    it('the same mistakes the constructs refuse: principals, endpoint IDs, keys', () => {
      expect(errorOf('tenants:\n  - key: acme-bank\n    principals: ["555500001111"]\n')).toMatchObject({
        message: "tenants/prod.yaml:3: tenants[0] (acme-bank): 'principals' has '555500001111', an account ID rather than a principal ARN; write the account root ARN arn:aws:iam::555500001111:root",
        entry: 0,
        field: 'principals',
      });
      expect(errorOf('tenants:\n  - key: acme-bank\n    principals: [arn:aws:iam::555500001111:root]\n    endpointIds: [vpc-0a1b2c3d]\n').message).toBe(
        "tenants/prod.yaml:4: tenants[0] (acme-bank): 'endpointIds' is 'vpc-0a1b2c3d', which is not a VPC endpoint ID; give a VPC endpoint ID, for example vpce-0123456789abcdef0",
      );
      expect(errorOf('tenants:\n  - key: acme-bank\n    principals: [arn:aws:iam::555500001111:root]\n    endpointIds: [vpce-0a1b2c3d4e5f60718, vpce-0a1b2c3d4e5f60718]\n')).toMatchObject({
        message: "tenants/prod.yaml:4: tenants[0] (acme-bank): 'endpointIds' lists 'vpce-0a1b2c3d4e5f60718' twice; list each endpoint once",
        field: 'endpointIds',
      });
      expect(errorOf('tenants:\n  - key: Acme Bank\n    principals: [arn:aws:iam::555500001111:root]\n').message).toMatch(/^tenants\/prod.yaml:2: tenants\[0\] \(Acme Bank\): 'key' has key 'Acme Bank'; keys are 1-63 lower-case/);
    });

    it('a key, principal or endpoint ID of two tenants, at the second', () => {
      const second = (entry: string) => `${VALID}  - ${entry}\n`;
      expect(errorOf(second('key: acme-bank\n    principals: [arn:aws:iam::555500007777:root]'))).toMatchObject({
        message: "tenants/prod.yaml:13: tenants[3] (acme-bank): 'key' is 'acme-bank', which tenants[0] ('acme-bank') already has; give every tenant its own key",
        entry: 3,
      });
      expect(errorOf(second('key: new-corp\n    principals: [arn:aws:iam::555500009999:root]')).message).toMatch(
        /^tenants\/prod.yaml:14: tenants\[3\] \(new-corp\): 'principals' has 'arn:aws:iam::555500009999:root', which tenants\[2\] \('old-corp'\) already has; give each principal to one tenant; to bring an offboarded tenant back, set its state to active$/,
      );
      expect(errorOf(second('key: new-corp\n    principals: [arn:aws:iam::555500007777:root]\n    endpointIds: [vpce-0a1b2c3d4e5f60718]')).message).toMatch(
        /tenants\[3\] \(new-corp\): 'endpointIds' has 'vpce-0a1b2c3d4e5f60718', which tenants\[0\] \('acme-bank'\) already has/,
      );
    });
  });
});

describe('loadTenantsFile', () => {
  it('reads a file, and names a file it cannot read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenants-'));
    try {
      const file = path.join(dir, 'prod.tenants.yaml');
      fs.writeFileSync(file, VALID);
      expect(loadTenantsFile(file).map((t) => t.key)).toEqual(['acme-bank', 'city-hospital', 'old-corp']);
      expect(() => loadTenantsFile(path.join(dir, 'stg.tenants.yaml'))).toThrow(/stg.tenants.yaml: cannot be read \(ENOENT\); create it with `tenants: \[\]`, or check the path/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
