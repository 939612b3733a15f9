import * as fc from 'fast-check';
import { fuzzRuns, fuzzSeed, validateGenerated, type GeneratedReport } from '../src/generated';
import { TERRAFORM_TIMEOUT_MS } from '../src/timeout';

// validateGenerated on a hand-written "construct" that checks one thing (the port range) and
// misses another (the protocol), so the report has values on all three sides: rejected at synth,
// validated, and validated with an error mapped back to the value and its seed.
interface Rule {
  port: number;
  protocol: string;
}
const synthesize = ({ port, protocol }: Rule) => {
  if (port < 0 || port > 65535) throw new Error(`Group 'fuzz/Group': 'port' is ${port}; use 0 to 65535`);
  return {
    terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } } },
    provider: { aws: [{ region: 'ap-northeast-1' }] },
    resource: { aws_lb_target_group: { tg: { port: Math.max(port, 1), protocol, target_type: 'ip', vpc_id: 'vpc-0123456789abcdef0' } } },
  };
};
const rules: fc.Arbitrary<Rule> = fc.record({ port: fc.integer({ min: -5, max: 70000 }), protocol: fc.constantFrom('TCP', 'TLS', 'BOGUS') });

describe('validateGenerated', () => {
  let report: GeneratedReport<Rule>;
  beforeAll(async () => {
    report = await validateGenerated({ arbitrary: rules, synthesize, numRuns: 40, seed: 7, label: 'generated-test' });
  }, TERRAFORM_TIMEOUT_MS);

  it('counts what the construct rejects, validates the rest and reports what Terraform refuses', () => {
    expect(report.rejected.length + report.synthesized).toBe(40);
    expect(report.rejected.every(({ value }) => value.port < 0 || value.port > 65535)).toBe(true);
    expect(report.failures.length).toBeGreaterThan(0);
    expect(report.failures.every(({ value }) => value.protocol === 'BOGUS')).toBe(true);
  });

  it('names the value, how to replay it and the error, for every failure', () => {
    const [first] = report.failures;
    expect(first.message).toContain(`FUZZ_SEED=7`);
    expect(first.message).toContain(`fc.sample(arbitrary, { seed: 7, numRuns: 40 })[${first.index}]`);
    expect(first.message).toMatch(/BOGUS/);
  });

  it('proves the accepted values valid by a run without the failing ones', () => {
    expect(report.terraformRuns).toBe(2);
  });
});

describe('fuzzRuns and fuzzSeed', () => {
  it('take FUZZ_RUNS and FUZZ_SEED when they are integers, the defaults otherwise', () => {
    expect(fuzzRuns(60, { FUZZ_RUNS: '2000' })).toBe(2000);
    expect(fuzzRuns(60, { FUZZ_RUNS: 'lots' })).toBe(60);
    expect(fuzzRuns(60, {})).toBe(60);
    expect(fuzzSeed({ FUZZ_SEED: '-12' })).toBe(-12);
    expect(Number.isInteger(fuzzSeed({}))).toBe(true);
  });
});
