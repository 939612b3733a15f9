import { GatewayEndpoint, InterfaceEndpoint } from '../src';
import { devStack, SUBNETS, VPC, synthesizeToFile } from './helpers';

// The pack runs in every EnvironmentStack; a named opt-in must not fail the synth it was set in.
describe('named opt-ins pass the guardrail pack', () => {
  it('allowAll on an S3 gateway endpoint is recorded, not reported', () => {
    const stack = devStack();
    new GatewayEndpoint(stack, 'S3', { name: 'unit-s3', vpcId: VPC.vpcId, service: 's3', routeTables: { a: 'rtb-0123456789abcdef0' }, allowAll: true });
    const json = synthesizeToFile(stack);
    expect(json['//'].guardrails.suppressions).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'PL-EP-2', source: 'construct' })]),
    );
  });

  it('allowOpenIngress on an interface endpoint is recorded, not reported', () => {
    const stack = devStack();
    new InterfaceEndpoint(stack, 'Sts', { name: 'unit-sts', vpc: VPC, subnets: SUBNETS, service: { awsService: 'sts' }, allowedCidrs: ['0.0.0.0/0'], allowOpenIngress: true });
    const json = synthesizeToFile(stack);
    expect(json['//'].guardrails.suppressions).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: 'PL-SG-1', source: 'construct' })]),
    );
  });

  it('without the opt-in, an open endpoint group fails at synth time', () => {
    const stack = devStack();
    expect(() =>
      new InterfaceEndpoint(stack, 'Sts', { name: 'unit-sts', vpc: VPC, subnets: SUBNETS, service: { awsService: 'sts' }, allowedCidrs: ['0.0.0.0/0'] }),
    ).toThrow(/allowOpenIngress/);
  });
});
