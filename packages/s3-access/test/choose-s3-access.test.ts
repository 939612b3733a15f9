import { chooseS3Access, S3_ACCESS_ARCHITECTURES, type S3AccessRequirements } from '../src/choose-s3-access';

const names = (requirements: S3AccessRequirements) => chooseS3Access(requirements).map((r) => r.architecture);

describe('the comparison table', () => {
  const row = (architecture: string) => S3_ACCESS_ARCHITECTURES.find((a) => a.architecture === architecture)!;

  it('reproduces the published comparison: protocol, management and rating of the seven on-premises architectures', () => {
    expect(['transfer-sftp', 'https-proxy', 'file-gateway', 'sync-host', 'public-direct-connect', 'client-vpn', 'software-vpn'].map((a) => [a, row(a).protocol, row(a).management, row(a).rating])).toEqual([
      ['transfer-sftp', 'SFTP', 'fully managed', 5],
      ['https-proxy', 'HTTPS (AWS CLI, SDK)', 'self-managed', 3],
      ['file-gateway', 'SMB v2/v3, NFS v3/v4.1', 'self-managed', 2],
      ['sync-host', 'any', 'self-managed', 4],
      ['public-direct-connect', 'HTTPS (AWS CLI, SDK)', 'fully managed', undefined],
      ['client-vpn', 'HTTPS (AWS CLI, SDK)', 'fully managed', 3],
      ['software-vpn', 'HTTPS (AWS CLI, SDK), SFTP', 'self-managed', 3],
    ]);
  });

  it('adds the interface endpoint, which supersedes the proxy, the public VIF and the software VPN', () => {
    expect(row('s3-interface-endpoint')).toMatchObject({ management: 'fully managed', rating: 5, supersededByInterfaceEndpoint: false });
    expect(S3_ACCESS_ARCHITECTURES.filter((a) => a.supersededByInterfaceEndpoint).map((a) => a.architecture)).toEqual(['https-proxy', 'public-direct-connect', 'software-vpn']);
    expect(S3_ACCESS_ARCHITECTURES.every((a) => a.cost.length > 0 && a.construct.length > 0)).toBe(true);
  });
});

describe('chooseS3Access', () => {
  it('S3 API from on-premises over Direct Connect: the interface endpoint first, the superseded workarounds last', () => {
    const ranked = chooseS3Access({ protocol: 's3-api', directConnect: true });
    expect(ranked[0]).toMatchObject({ architecture: 's3-interface-endpoint', rank: 1, construct: 'S3InterfaceEndpoint' });
    expect(ranked[0].reasons.join(' ')).toMatch(/supersedes/);
    const proxy = ranked.find((r) => r.architecture === 'https-proxy')!;
    expect(proxy.rank).toBeGreaterThan(1);
    expect(proxy.reasons.join(' ')).toMatch(/superseded by the S3 interface endpoint/);
    expect(names({ protocol: 's3-api', directConnect: true })).not.toContain('transfer-sftp');
    expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
  });

  it('S3 API for people without any private path: Client VPN', () => {
    const ranked = chooseS3Access({ protocol: 's3-api', directConnect: false, clients: 'people' });
    expect(ranked[0].architecture).toBe('client-vpn');
    expect(ranked.find((r) => r.architecture === 's3-interface-endpoint')!.reasons.join(' ')).toMatch(/no private path/);
    expect(ranked.find((r) => r.architecture === 'public-direct-connect')!.prerequisites).toContain('a Direct Connect connection');
  });

  it('S3 API inside the VPC: the free gateway endpoint', () => {
    expect(names({ protocol: 's3-api', clientLocation: 'vpc', directConnect: false }).slice(0, 2)).toEqual(['s3-gateway-endpoint', 's3-interface-endpoint']);
  });

  it('SFTP: Transfer Family first; only managed options when asked', () => {
    expect(names({ protocol: 'sftp', directConnect: true })[0]).toBe('transfer-sftp');
    expect(names({ protocol: 'sftp', directConnect: true, managedOnly: true })).toEqual(['transfer-sftp', 'client-vpn']);
    const large = chooseS3Access({ protocol: 'sftp', directConnect: true, scale: 'large' });
    expect(large[0].reasons.join(' ')).toMatch(/per-GB charges grow/);
  });

  it('SMB and NFS: File Gateway first at every scale, because the sync host only uploads on a timer', () => {
    for (const protocol of ['smb', 'nfs'] as const) {
      for (const scale of ['small', 'large'] as const) {
        expect(names({ protocol, directConnect: true, scale })).toEqual(['file-gateway', 'sync-host']);
      }
      const small = chooseS3Access({ protocol, directConnect: true });
      expect(small[0].reasons.join(' ')).toMatch(/large instance for small volumes/);
      expect(small[1].reasons.join(' ')).toMatch(new RegExp(`running a ${protocol.toUpperCase()} server on the host, but it only uploads on a timer and a purpose-built option \\(FileGateway\\) exists`));
    }
  });

  it('SFTP: the sync host ranks below Transfer Family and both VPN paths', () => {
    const ranked = names({ protocol: 'sftp', directConnect: true });
    expect(ranked[ranked.length - 1]).toBe('sync-host');
  });

  it('explains why managedOnly leaves nothing instead of returning an empty list', () => {
    for (const protocol of ['smb', 'nfs', 'any'] as const) {
      expect(() => chooseS3Access({ protocol, directConnect: true, managedOnly: true })).toThrow(
        new RegExp(`chooseS3Access: no fully managed architecture serves '${protocol}' clients on premises; the ones that do are self-managed \\(.*\\): drop managedOnly`),
      );
    }
    expect(() => chooseS3Access({ protocol: 'nfs', directConnect: true, managedOnly: true })).toThrow(/\(FileGateway, SyncHost\)/);
  });

  it('refuses requirements an untyped caller got wrong, naming the field', () => {
    expect(() => chooseS3Access(undefined as unknown as S3AccessRequirements)).toThrow(/'requirements' is missing/);
    expect(() => chooseS3Access({ protocol: 'ftp' as 'any', directConnect: true })).toThrow(/'protocol' is "ftp"; use one of "s3-api", "sftp", "smb", "nfs", "any"/);
    expect(() => chooseS3Access({ protocol: 'sftp' } as S3AccessRequirements)).toThrow(/'directConnect' is missing; use one of true, false/);
    expect(() => chooseS3Access({ protocol: 'sftp', directConnect: true, scale: 'huge' as 'large' })).toThrow(/'scale' is "huge"/);
  });

  it('any other protocol: the sync host', () => {
    const ranked = chooseS3Access({ protocol: 'any', siteToSiteVpn: true, directConnect: false });
    expect(ranked.map((r) => r.architecture)).toEqual(['sync-host']);
    expect(ranked[0].reasons.join(' ')).toMatch(/accepts any protocol/);
  });

  it('is pure: the same requirements give the same answer', () => {
    const requirements: S3AccessRequirements = { protocol: 's3-api', directConnect: true };
    expect(chooseS3Access(requirements)).toEqual(chooseS3Access(requirements));
  });
});
