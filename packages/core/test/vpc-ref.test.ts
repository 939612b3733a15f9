import { Token } from 'cdktf';
import { requireVpcRef } from '../src/vpc-ref';
import { configErrorOf, widget } from './helpers';

const VPC = { vpcId: 'vpc-0123456789abcdef0', cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'] };
const messageOf = (vpc: unknown) => configErrorOf(() => requireVpcRef(widget(), 'vpc', vpc as never)).message;

describe('requireVpcRef', () => {
  it('returns a VPC reference with its ID and IPv4 blocks, and one known only at apply time', () => {
    expect(requireVpcRef(widget(), 'vpc', VPC)).toBe(VPC);
    const existing = { vpcId: Token.asString({ Ref: 'vpc' }), cidrBlocks: Token.asList({ Ref: 'blocks' }), dnsSupport: true };
    expect(requireVpcRef(widget(), 'vpc', existing)).toBe(existing);
  });

  it.each([
    ['missing', undefined, /'vpc' is missing; give a core PrivateNetwork/],
    ['a string', 'vpc-0123456789abcdef0', /'vpc' is the string 'vpc-0123456789abcdef0'; give a core PrivateNetwork/],
    ['without an ID', { cidrBlocks: ['10.0.0.0/16'] }, /'vpc.vpcId' is missing; give a VPC ID/],
    ['with a subnet ID', { ...VPC, vpcId: 'subnet-0123456789abcdef0' }, /'vpc.vpcId' is 'subnet-0123456789abcdef0', which is not a VPC ID/],
    ['without blocks', { vpcId: VPC.vpcId }, /'vpc.cidrBlocks' is empty; list the VPC's IPv4 CIDR blocks/],
    ['with an IPv6 block', { ...VPC, cidrBlocks: ['2001:db8::/56'] }, /'vpc.cidrBlocks' has '2001:db8::\/56', an IPv6 block/],
    ['with host bits', { ...VPC, cidrBlocks: ['10.0.0.1/16'] }, /use 10.0.0.0\/16/],
    ['with DNS support as a string', { ...VPC, dnsSupport: 'yes' }, /'vpc.dnsSupport' is the string 'yes'; use true or false/],
  ])('refuses a VPC %s', (_, vpc, message) => {
    expect(messageOf(vpc)).toMatch(message);
  });
});
