import { configError, requireOneOf } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/** The addresses of an endpoint's network interfaces (`ip_address_type`). */
export type EndpointIpAddressType = 'ipv4' | 'dualstack' | 'ipv6';
/** The DNS records AWS creates for an endpoint (`dns_options.dns_record_ip_type`). */
export type DnsRecordIpType = 'ipv4' | 'dualstack' | 'ipv6' | 'service-defined';

const ADDRESS_TYPES: readonly EndpointIpAddressType[] = ['ipv4', 'dualstack', 'ipv6'];
const RECORD_TYPES: readonly DnsRecordIpType[] = ['ipv4', 'dualstack', 'ipv6', 'service-defined'];
// DNS records can only point at addresses the endpoint has.
const RECORDS_FOR: Record<EndpointIpAddressType, readonly DnsRecordIpType[]> = {
  ipv4: ['ipv4', 'service-defined'],
  dualstack: RECORD_TYPES,
  ipv6: ['ipv6', 'service-defined'],
};

/** Checks the address type, the DNS record type, and that the records fit the addresses. */
export function requireIpTypes(scope: IConstruct, addressType: EndpointIpAddressType | undefined, recordType: DnsRecordIpType | undefined): void {
  if (addressType !== undefined) requireOneOf(scope, 'ipAddressType', addressType, ADDRESS_TYPES);
  if (recordType !== undefined) requireOneOf(scope, 'dnsRecordIpType', recordType, RECORD_TYPES);
  const effective = addressType ?? 'ipv4';
  if (recordType !== undefined && !RECORDS_FOR[effective].includes(recordType)) {
    configError(scope, 'dnsRecordIpType', `is '${recordType}' but the endpoint's ipAddressType is '${effective}'`, `use one of ${RECORDS_FOR[effective].join(', ')}, or set ipAddressType: 'dualstack'`);
  }
}
