import { validateCases, type ValidateCasesResult } from '../src/validate-cases';
import { TERRAFORM_TIMEOUT_MS } from '../src/timeout';

const AWS = { source: 'aws', version: '6.25.0' };
/** A generated case as cdktf synthesizes it: its own provider block, pinned version, a backend. */
const vpcCase = (resource: Record<string, unknown>, provider: unknown[] = [{ region: 'us-east-1', default_tags: [{ tags: { Case: 'x' } }] }]) => ({
  terraform: { required_providers: { aws: AWS }, backend: { local: { path: 'terraform.case.tfstate' } } },
  provider: { aws: provider },
  resource,
});

describe('validateCases', () => {
  let result: ValidateCasesResult;

  beforeAll(async () => {
    result = await validateCases([
      { name: 'fine', config: vpcCase({ aws_vpc: { main: { cidr_block: '10.0.0.0/16' } } }) },
      { name: 'unknown-argument', config: vpcCase({ aws_vpc: { main: { cidr_block: '10.0.0.0/16', bogus_argument: 1 } } }) },
      { name: 'aliased', config: vpcCase({ aws_vpc: { away: { provider: 'aws.use1', cidr_block: '10.1.0.0/16' } } }, [{ region: 'eu-west-1' }, { alias: 'use1', region: 'us-east-1' }]) },
      { name: 'bad-enum', config: vpcCase({ aws_lb_target_group: { tg: { target_type: 'albx', port: 443, protocol: 'TCP' } } }) },
      { name: 'also-fine', config: vpcCase({ aws_security_group: { sg: { name: 'x', description: 'y' } } }) },
    ]);
  }, TERRAFORM_TIMEOUT_MS);

  it('passes the valid cases, aliased providers included', () => {
    expect(result.cases.filter((c) => c.valid).map((c) => c.name)).toEqual(['fine', 'aliased', 'also-fine']);
  });

  it("maps each error to its own case, with the case's own addresses and file", () => {
    const [, unknown, , badEnum] = result.cases;
    expect(unknown.diagnostics).toEqual([expect.objectContaining({ severity: 'error', summary: 'Extraneous JSON object property', range: expect.objectContaining({ filename: 'cdk.tf.json' }) })]);
    expect(badEnum.diagnostics).toEqual([expect.objectContaining({ severity: 'error', address: 'aws_lb_target_group.tg', summary: expect.stringContaining('albx') })]);
  });

  it('validates again without the failing cases, so the others are proven valid by a clean run', () => {
    expect(result.runs).toBe(2);
    expect(result.timings.validate).toBeGreaterThan(0);
  });
});
