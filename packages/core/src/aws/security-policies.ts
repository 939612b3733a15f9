import type { IConstruct } from 'constructs';
import { configError, formatValue } from '../config-error';
import { isUnresolved } from '../validate';
import type { OptIn } from './open';

/** What an ELB TLS security policy negotiates with clients. */
export interface TlsPolicyInfo {
  /** The oldest TLS version it accepts. */
  readonly minTls: '1.0' | '1.1' | '1.2' | '1.3';
  /** Every cipher it offers has an ephemeral key exchange (ECDHE, or TLS 1.3). */
  readonly forwardSecrecy: boolean;
}

const tls = (minTls: TlsPolicyInfo['minTls'], forwardSecrecy: boolean): TlsPolicyInfo => ({ minTls, forwardSecrecy });

/**
 * The predefined security policies of Application and Network Load Balancers. The `Ext` variants
 * add ciphers without forward secrecy (RSA key exchange) for old clients; `Res` variants keep only
 * AEAD ciphers with ECDHE.
 */
export const ELB_TLS_POLICIES: Readonly<Record<string, TlsPolicyInfo>> = {
  'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09': tls('1.2', true),
  'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09': tls('1.2', true),
  'ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09': tls('1.2', false),
  'ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09': tls('1.2', false),
  'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09': tls('1.3', true),
  'ELBSecurityPolicy-TLS13-1-0-PQ-2025-09': tls('1.0', false),
  'ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09': tls('1.2', true),
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09': tls('1.2', true),
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09': tls('1.2', false),
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09': tls('1.2', false),
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09': tls('1.2', false),
  'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09': tls('1.3', true),
  'ELBSecurityPolicy-TLS13-1-2-2021-06': tls('1.2', true),
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06': tls('1.2', true),
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06': tls('1.2', false),
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06': tls('1.2', false),
  'ELBSecurityPolicy-TLS13-1-3-2021-06': tls('1.3', true),
  'ELBSecurityPolicy-TLS13-1-1-2021-06': tls('1.1', false),
  'ELBSecurityPolicy-TLS13-1-0-2021-06': tls('1.0', false),
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04': tls('1.2', true),
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04': tls('1.2', true),
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04': tls('1.2', false),
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04': tls('1.2', false),
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04': tls('1.2', false),
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04': tls('1.3', true),
  'ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04': tls('1.1', false),
  'ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04': tls('1.0', false),
  'ELBSecurityPolicy-FS-1-2-Res-2020-10': tls('1.2', true),
  'ELBSecurityPolicy-FS-1-2-Res-2019-08': tls('1.2', true),
  'ELBSecurityPolicy-FS-1-2-2019-08': tls('1.2', true),
  'ELBSecurityPolicy-FS-1-1-2019-08': tls('1.1', true),
  'ELBSecurityPolicy-FS-2018-06': tls('1.0', true),
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06': tls('1.2', false),
  'ELBSecurityPolicy-TLS-1-2-2017-01': tls('1.2', false),
  'ELBSecurityPolicy-TLS-1-1-2017-01': tls('1.1', false),
  'ELBSecurityPolicy-2016-08': tls('1.0', false),
  'ELBSecurityPolicy-TLS-1-0-2015-04': tls('1.0', false),
  'ELBSecurityPolicy-2015-05': tls('1.0', false),
};

/** The policy used when none is chosen: TLS 1.2 and 1.3, forward secrecy, hybrid post-quantum key exchange. */
export const RECOMMENDED_TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09';

/** True for a listed policy that negotiates only TLS 1.2 or newer with forward secrecy. */
export function isModernTlsPolicy(name: string): boolean {
  const info = ELB_TLS_POLICIES[name];
  return info !== undefined && info.minTls >= '1.2' && info.forwardSecrecy;
}

/**
 * Fails unless `name` is a real ELB security policy that negotiates only TLS 1.2+ with forward
 * secrecy; a listed older policy (`ELBSecurityPolicy-2016-08`: TLS 1.0, RSA key exchange, CBC) is
 * accepted only with the construct's named opt-in.
 */
export function requireTlsPolicy(scope: IConstruct, field: string, name: string, legacyOptIn?: OptIn): string {
  if (isUnresolved(name)) return name;
  const info = typeof name === 'string' ? ELB_TLS_POLICIES[name] : undefined;
  if (!info) {
    const close = typeof name === 'string' ? Object.keys(ELB_TLS_POLICIES).find((known) => known.toLowerCase() === name.toLowerCase()) : undefined;
    configError(scope, field, `is ${formatValue(name)}, which is not an ELB security policy`, close ? `write it as '${close}'` : `use ${RECOMMENDED_TLS_POLICY} or another ELBSecurityPolicy-TLS13-* policy`);
  }
  if (!isModernTlsPolicy(name) && !legacyOptIn?.given) {
    const weakness = info.minTls < '1.2' ? `accepts TLS ${info.minTls}` : 'offers ciphers without forward secrecy';
    configError(
      scope,
      field,
      `is ${formatValue(name)}, which ${weakness}`,
      `use ${RECOMMENDED_TLS_POLICY}${legacyOptIn ? `, or set '${legacyOptIn.name}: true' if old clients really need it` : ''}`,
    );
  }
  return name;
}

/** Transfer Family security policies are named by their date; this is the oldest one accepted: current ciphers, no SHA-1. */
export const MIN_TRANSFER_SECURITY_POLICY = 'TransferSecurityPolicy-2024-01';

const TRANSFER_POLICY = /^TransferSecurityPolicy-(?:[A-Za-z0-9]+(?:-[A-Za-z]+)*-)?(\d{4})-(\d{2})$/;

/** The date of a Transfer Family security policy (`TransferSecurityPolicy-FIPS-2024-01` → `2024-01`), or `undefined` when it is not one. The one parser of these names. */
export function transferSecurityPolicyDate(name: string): string | undefined {
  const match = typeof name === 'string' ? TRANSFER_POLICY.exec(name) : null;
  return match ? `${match[1]}-${match[2]}` : undefined;
}

/** True for a Transfer Family security policy no older than {@link MIN_TRANSFER_SECURITY_POLICY}. */
export function isCurrentTransferSecurityPolicy(name: string): boolean {
  // A name that is no policy has no date, and '' sorts before every date.
  return (transferSecurityPolicyDate(name) ?? '') >= transferSecurityPolicyDate(MIN_TRANSFER_SECURITY_POLICY)!;
}

/** Fails unless `name` is a Transfer Family security policy no older than {@link MIN_TRANSFER_SECURITY_POLICY}. */
export function requireTransferSecurityPolicy(scope: IConstruct, field: string, name: string): string {
  if (isUnresolved(name)) return name;
  if (!isCurrentTransferSecurityPolicy(name)) {
    configError(scope, field, `is ${formatValue(name)}`, `use ${MIN_TRANSFER_SECURITY_POLICY} or a newer Transfer Family security policy (for example TransferSecurityPolicy-FIPS-2024-01)`);
  }
  return name;
}
