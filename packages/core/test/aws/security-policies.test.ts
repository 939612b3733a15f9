import { Token } from 'cdktf';
import {
  ELB_TLS_POLICIES,
  isCurrentTransferSecurityPolicy,
  isModernTlsPolicy,
  MIN_TRANSFER_SECURITY_POLICY,
  RECOMMENDED_TLS_POLICY,
  requireTlsPolicy,
  requireTransferSecurityPolicy,
  transferSecurityPolicyDate,
} from '../../src/aws/security-policies';
import { widget } from '../helpers';

const scope = widget();

describe('ELB TLS policies', () => {
  it('recommends a listed TLS 1.2+ forward-secrecy policy', () => {
    expect(ELB_TLS_POLICIES[RECOMMENDED_TLS_POLICY]).toEqual({ minTls: '1.2', forwardSecrecy: true });
    expect(isModernTlsPolicy(RECOMMENDED_TLS_POLICY)).toBe(true);
  });

  it.each([
    ['ELBSecurityPolicy-2016-08', false],
    ['ELBSecurityPolicy-TLS-1-2-2017-01', false],
    ['ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06', false],
    ['ELBSecurityPolicy-FS-2018-06', false],
    ['ELBSecurityPolicy-TLS13-1-3-PQ-2025-09', true],
    ['ELBSecurityPolicy-FS-1-2-Res-2020-10', true],
    ['ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09', true],
    ['ELBSecurityPolicy-Made-Up', false],
  ])('%s negotiates only TLS 1.2+ with forward secrecy: %p', (name, modern) => {
    expect(isModernTlsPolicy(name)).toBe(modern);
  });

  it('refuses old policies unless the named opt-in is given, and names that do not exist', () => {
    expect(() => requireTlsPolicy(scope, 'sslPolicy', 'ELBSecurityPolicy-2016-08')).toThrow("'sslPolicy' is 'ELBSecurityPolicy-2016-08', which accepts TLS 1.0; use ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09");
    expect(() => requireTlsPolicy(scope, 'sslPolicy', 'ELBSecurityPolicy-2016-08', { name: 'allowLegacyTls', given: false })).toThrow(/or set 'allowLegacyTls: true'/);
    expect(requireTlsPolicy(scope, 'sslPolicy', 'ELBSecurityPolicy-2016-08', { name: 'allowLegacyTls', given: true })).toBe('ELBSecurityPolicy-2016-08');
    expect(() => requireTlsPolicy(scope, 'sslPolicy', 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06')).toThrow(/offers ciphers without forward secrecy/);
    expect(() => requireTlsPolicy(scope, 'sslPolicy', 'elbsecuritypolicy-tls13-1-3-2021-06')).toThrow(/not an ELB security policy; write it as 'ELBSecurityPolicy-TLS13-1-3-2021-06'/);
  });

  it('names the recommended policy alone as the fix where the construct has no opt-in', () => {
    expect(() => requireTlsPolicy(scope, 'sslPolicy', 'ELBSecurityPolicy-TLS-1-1-2017-01')).toThrow(/'sslPolicy' is 'ELBSecurityPolicy-TLS-1-1-2017-01', which accepts TLS 1\.1; use ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09$/);
  });

  it('passes an unresolved policy and refuses one that is not a string', () => {
    const token = Token.asString({ Ref: 'policy' });
    expect(requireTlsPolicy(scope, 'sslPolicy', token)).toBe(token);
    expect(() => requireTlsPolicy(scope, 'sslPolicy', 42 as never)).toThrow(
      /'sslPolicy' is 42, which is not an ELB security policy; use ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 or another ELBSecurityPolicy-TLS13-\* policy$/,
    );
    // A list of one name would read as the name if it were turned into text.
    expect(() => requireTlsPolicy(scope, 'sslPolicy', [RECOMMENDED_TLS_POLICY] as never)).toThrow(/which is not an ELB security policy/);
  });
});

describe('Transfer Family security policies', () => {
  it('reads the date of every spelling with one parser', () => {
    expect(transferSecurityPolicyDate('TransferSecurityPolicy-2024-01')).toBe('2024-01');
    expect(transferSecurityPolicyDate('TransferSecurityPolicy-FIPS-2024-05')).toBe('2024-05');
    expect(transferSecurityPolicyDate('TransferSecurityPolicy-PQ-SSH-Experimental-2023-04')).toBe('2023-04');
    expect(transferSecurityPolicyDate('ELBSecurityPolicy-2016-08')).toBeUndefined();
  });

  it('takes the floor and newer', () => {
    expect(isCurrentTransferSecurityPolicy(MIN_TRANSFER_SECURITY_POLICY)).toBe(true);
    expect(isCurrentTransferSecurityPolicy('TransferSecurityPolicy-2025-03')).toBe(true);
    expect(isCurrentTransferSecurityPolicy('TransferSecurityPolicy-2023-05')).toBe(false);
    expect(() => requireTransferSecurityPolicy(scope, 'securityPolicyName', 'TransferSecurityPolicy-2020-06')).toThrow(/'securityPolicyName' is 'TransferSecurityPolicy-2020-06'; use TransferSecurityPolicy-2024-01 or a newer/);
  });

  it('returns a current policy, passes an unresolved one, and calls no other name current', () => {
    expect(requireTransferSecurityPolicy(scope, 'securityPolicyName', 'TransferSecurityPolicy-FIPS-2024-01')).toBe('TransferSecurityPolicy-FIPS-2024-01');
    const token = Token.asString({ Ref: 'policy' });
    expect(requireTransferSecurityPolicy(scope, 'securityPolicyName', token)).toBe(token);
    expect(isCurrentTransferSecurityPolicy('ELBSecurityPolicy-TLS13-1-2-2021-06')).toBe(false);
    // A list of one name would read as the name if it were turned into text.
    expect(transferSecurityPolicyDate(['TransferSecurityPolicy-2024-01'] as never)).toBeUndefined();
  });
});
