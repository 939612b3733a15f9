import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { VpcEndpointServicePrivateDnsVerification } from '@cdktf/provider-aws/lib/vpc-endpoint-service-private-dns-verification';
import {
  applyConstructContract,
  configError,
  describeKind,
  formatValue,
  isUnresolved,
  type MetaArguments,
  requireBoolean,
  requireDnsName,
  requireInteger,
  requireString,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { EndpointService } from './endpoint-service';

export interface PrivateDnsNameProps extends MetaArguments {
  /** The endpoint service, created with its `privateDnsName`. */
  readonly service: EndpointService;
  /** The Route 53 public hosted zone that holds the private DNS name's domain (read by ID, never looked up). */
  readonly hostedZoneId: string;
  /**
   * The domain whose ownership is proven: the private DNS name or a parent of it (a verified
   * parent covers all its subdomains). @default - the private DNS name, without a leading `*.`
   */
  readonly verifiedDomain?: string;
  /** TTL of the TXT record, 0 to 2147483647 seconds. @default 1800 */
  readonly ttlSeconds?: number;
  /** Make `terraform apply` wait until AWS reports the domain verified. @default false */
  readonly waitForVerification?: boolean;
}

const ZONE_ID = /^Z[A-Z0-9]{1,31}$/;

/**
 * Proves ownership of an endpoint service's private DNS name: the TXT record AWS asks for (from
 * `private_dns_name_configuration`) in a public hosted zone, then the verification request.
 * Until the domain is verified, consumers cannot use the name.
 */
export class PrivateDnsName extends Construct {
  /** The full name of the TXT record (known after apply). */
  public readonly recordName: string;
  /** The TXT record's value (known after apply). */
  public readonly recordValue: string;
  public readonly verifiedDomain: string;

  constructor(scope: Construct, id: string, props: PrivateDnsNameProps) {
    super(scope, id);
    const { dependsOn } = applyConstructContract(this, props);
    if (!(props.service instanceof EndpointService)) configError(this, 'service', `is ${describeKind(props.service)}`, 'give the EndpointService construct whose private DNS name is verified');
    const dnsName = props.service.privateDnsName;
    if (dnsName === undefined) configError(this, 'service', 'has no privateDnsName', 'set privateDnsName on the EndpointService');
    requireString(this, 'hostedZoneId', props.hostedZoneId, 'give the ID of a Route 53 public hosted zone, for example Z0123456789ABCDEFGHIJ');
    if (!isUnresolved(props.hostedZoneId) && !ZONE_ID.test(props.hostedZoneId)) {
      configError(this, 'hostedZoneId', `is ${formatValue(props.hostedZoneId)}`, 'give the ID of a Route 53 public hosted zone, for example Z0123456789ABCDEFGHIJ');
    }
    const ttl = requireInteger(this, 'ttlSeconds', props.ttlSeconds ?? 1800, { min: 0, max: 2147483647, unit: 'seconds' });
    const waitForVerification = requireBoolean(this, 'waitForVerification', props.waitForVerification) ?? false;
    // Stryker disable next-line Regex: '*.' can only lead a valid private DNS name, which EndpointService checks
    const domain = props.verifiedDomain ?? dnsName.replace(/^\*\./, '');
    requireDnsName(this, 'verifiedDomain', domain);
    // A wildcard private DNS name is contained in its parent; a wildcard domain is no domain to verify.
    if (!isUnresolved(domain) && !isUnresolved(dnsName) && (domain.startsWith('*.') || (dnsName !== domain && !dnsName.endsWith(`.${domain}`)))) {
      configError(this, 'verifiedDomain', `is ${formatValue(domain)}, which does not contain the private DNS name ${formatValue(dnsName)}`, 'verify the private DNS name itself or one of its parent domains');
    }
    const record = new Route53Record(this, 'VerificationRecord', {
      zoneId: props.hostedZoneId,
      name: `${props.service.verificationRecordName}.${domain}`,
      type: 'TXT',
      ttl,
      records: [props.service.verificationRecordValue],
      dependsOn,
    });
    new VpcEndpointServicePrivateDnsVerification(this, 'Verification', {
      serviceId: props.service.serviceId,
      waitForVerification,
      // AWS looks the record up as soon as verification starts.
      dependsOn: [record],
    });
    this.recordName = record.fqdn;
    this.recordValue = props.service.verificationRecordValue;
    this.verifiedDomain = domain;
  }
}
