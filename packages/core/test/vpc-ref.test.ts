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

describe('requireVpcRef, more that untyped callers pass', () => {
  it.each([
    ['null', null, /'vpc' is null; give a core PrivateNetwork, or \{ vpcId: 'vpc-\.\.\.', cidrBlocks: \['10\.0\.0\.0\/16'\] \} for an existing VPC$/],
    ['a list', [VPC], /'vpc' is a list; give a core PrivateNetwork/],
    ['with DNS hostnames as a number', { ...VPC, dnsHostnames: 1 }, /'vpc.dnsHostnames' is the number 1; use true or false/],
    ['with blocks as a string', { ...VPC, cidrBlocks: '10.0.0.0/16' }, /'vpc.cidrBlocks' is the string '10.0.0.0\/16'/],
    ['with an empty list of blocks', { ...VPC, cidrBlocks: [] }, /'vpc.cidrBlocks' is empty; list the VPC's IPv4 CIDR blocks, for example \['10\.0\.0\.0\/16'\]$/],
  ])('refuses a VPC %s', (_, vpc, message) => {
    expect(messageOf(vpc)).toMatch(message);
  });

  it('takes the DNS settings when they are booleans', () => {
    const vpc = { ...VPC, dnsSupport: false, dnsHostnames: true };
    expect(requireVpcRef(widget(), 'vpc', vpc)).toBe(vpc);
  });
});
