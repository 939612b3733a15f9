import { Construct } from 'constructs';
import { requireIpTypes } from '../src/ip-address-type';
import { devStack } from './helpers';

const scope = () => new Construct(devStack(), 'Endpoint');

describe('requireIpTypes', () => {
  it.each([
    [undefined, undefined],
    ['ipv4', 'ipv4'],
    ['ipv4', 'service-defined'],
    ['dualstack', 'ipv6'],
    ['dualstack', 'dualstack'],
    ['ipv6', 'ipv6'],
    [undefined, 'service-defined'],
  ] as const)('accepts addresses %s with DNS records %s', (addresses, records) => {
    expect(() => requireIpTypes(scope(), addresses, records)).not.toThrow();
  });

  it('refuses DNS records for addresses the endpoint does not have', () => {
    expect(() => requireIpTypes(scope(), 'ipv4', 'dualstack')).toThrow(/'dnsRecordIpType' is 'dualstack' but the endpoint's ipAddressType is 'ipv4'; use one of ipv4, service-defined, or set ipAddressType: 'dualstack'/);
    expect(() => requireIpTypes(scope(), 'ipv6', 'ipv4')).toThrow(/use one of ipv6, service-defined/);
    expect(() => requireIpTypes(scope(), undefined, 'ipv6')).toThrow(/ipAddressType is 'ipv4'/);
  });

  it('refuses enumerations an untyped caller misspells', () => {
    expect(() => requireIpTypes(scope(), 'DualStack' as never, undefined)).toThrow(/'ipAddressType' is 'DualStack'; write it as 'dualstack'/);
    expect(() => requireIpTypes(scope(), 'ipv4', 'ipv5' as never)).toThrow(/'dnsRecordIpType' is 'ipv5'; use one of 'ipv4', 'dualstack', 'ipv6', 'service-defined'/);
  });
});
