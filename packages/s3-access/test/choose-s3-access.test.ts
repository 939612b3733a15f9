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

describe('chooseS3Access scores and reasons', () => {
  const PATH = 'Direct Connect (private virtual interface) or Site-to-Site VPN to the VPC';
  const NO_PATH = 'no private path to the VPC exists yet: set up Direct Connect or a Site-to-Site VPN first';
  const SUPERSEDED = 'superseded by the S3 interface endpoint, which reaches S3 privately without a host or public addresses';
  const SERVERS = 'connects people, not servers: servers need a network-level path';
  const ranking = (requirements: S3AccessRequirements) => chooseS3Access(requirements).map((r) => [r.architecture, r.score]);
  const pick = (requirements: S3AccessRequirements, architecture: string) => chooseS3Access(requirements).find((r) => r.architecture === architecture)!;

  // The rating times ten, adjusted for the requirements; ties keep the comparison's order (the proxy before the software VPN).
  it.each<[string, S3AccessRequirements, Array<[string, number]>]>([
    ['S3 API on premises without a private path', { protocol: 's3-api', directConnect: false }, [['client-vpn', 20], ['s3-interface-endpoint', 15], ['https-proxy', -25], ['software-vpn', -25], ['public-direct-connect', -45]]],
    ['S3 API on premises over Direct Connect', { protocol: 's3-api', directConnect: true }, [['s3-interface-endpoint', 55], ['client-vpn', 20], ['https-proxy', 15], ['software-vpn', 15], ['public-direct-connect', -5]]],
    ['S3 API on premises over a Site-to-Site VPN', { protocol: 's3-api', directConnect: false, siteToSiteVpn: true }, [['s3-interface-endpoint', 55], ['client-vpn', 20], ['https-proxy', 15], ['software-vpn', 15], ['public-direct-connect', -45]]],
    ['S3 API on premises, the VPN explicitly absent', { protocol: 's3-api', directConnect: false, siteToSiteVpn: false, managedOnly: false, clientLocation: 'on-premises', clients: 'applications' }, [['client-vpn', 20], ['s3-interface-endpoint', 15], ['https-proxy', -25], ['software-vpn', -25], ['public-direct-connect', -45]]],
    ['S3 API for people on premises', { protocol: 's3-api', directConnect: false, clients: 'people' }, [['client-vpn', 45], ['s3-interface-endpoint', 15], ['https-proxy', -25], ['software-vpn', -25], ['public-direct-connect', -45]]],
    ['S3 API inside the VPC', { protocol: 's3-api', directConnect: false, clientLocation: 'vpc' }, [['s3-gateway-endpoint', 55], ['s3-interface-endpoint', 35]]],
    ['SFTP inside the VPC', { protocol: 'sftp', directConnect: false, clientLocation: 'vpc' }, [['transfer-sftp', 50]]],
    ['SFTP at small scale', { protocol: 'sftp', directConnect: true, scale: 'small' }, [['transfer-sftp', 50], ['client-vpn', 20], ['software-vpn', 15], ['sync-host', 10]]],
    ['SFTP at large scale', { protocol: 'sftp', directConnect: true, scale: 'large' }, [['transfer-sftp', 45], ['client-vpn', 20], ['software-vpn', 15], ['sync-host', 10]]],
    ['NFS at small scale', { protocol: 'nfs', directConnect: true }, [['file-gateway', 20], ['sync-host', 10]]],
    ['NFS at large scale', { protocol: 'nfs', directConnect: true, scale: 'large' }, [['file-gateway', 35], ['sync-host', 10]]],
    ['SMB inside the VPC', { protocol: 'smb', directConnect: false, clientLocation: 'vpc' }, [['file-gateway', 20]]],
    ['any protocol', { protocol: 'any', directConnect: true }, [['sync-host', 50]]],
  ])('%s', (_name, requirements, expected) => {
    expect(ranking(requirements)).toEqual(expected);
  });

  it('opens the reasons with protocol, management and cost, and lists what must exist first', () => {
    const ranked = chooseS3Access({ protocol: 's3-api', directConnect: true });
    expect(ranked[0].reasons[0]).toBe(`speaks HTTPS (AWS CLI, SDK); fully managed; cost: ${ranked[0].cost}`);
    expect(ranked.map((r) => [r.architecture, r.prerequisites])).toEqual([
      ['s3-interface-endpoint', [PATH]],
      ['client-vpn', []],
      ['https-proxy', [PATH]],
      ['software-vpn', [PATH]],
      ['public-direct-connect', ['public addresses, NAT and BGP route filtering on your routers']],
    ]);
    expect(ranked.map((r) => r.reasons.slice(1))).toEqual([
      ['supersedes the proxy, public virtual interface and software VPN workarounds for S3 API clients on premises'],
      [SERVERS],
      [SUPERSEDED],
      [SUPERSEDED],
      [SUPERSEDED],
    ]);
  });

  it('names the missing private path and the missing Direct Connect connection', () => {
    const ranked = chooseS3Access({ protocol: 's3-api', directConnect: false });
    expect(ranked.find((r) => r.architecture === 's3-interface-endpoint')!.reasons.slice(1)).toEqual([NO_PATH, 'supersedes the proxy, public virtual interface and software VPN workarounds for S3 API clients on premises']);
    expect(ranked.find((r) => r.architecture === 'public-direct-connect')).toMatchObject({
      reasons: [expect.stringMatching(/^speaks /), 'needs a Direct Connect connection, which does not exist', SUPERSEDED],
      prerequisites: ['a Direct Connect connection', 'public addresses, NAT and BGP route filtering on your routers'],
    });
  });

  it('needs no network path for clients inside the VPC', () => {
    const ranked = chooseS3Access({ protocol: 's3-api', directConnect: false, clientLocation: 'vpc' });
    expect(ranked.map((r) => [r.architecture, r.reasons.slice(1), r.prerequisites])).toEqual([
      ['s3-gateway-endpoint', ['free, and clients in the VPC use it without configuration'], []],
      ['s3-interface-endpoint', ['inside the VPC the free gateway endpoint does the same; use the interface endpoint only for other VPCs or on premises'], []],
    ]);
  });

  it('explains the scale, the clients and the purpose-built alternatives', () => {
    expect(pick({ protocol: 'sftp', directConnect: true }, 'transfer-sftp').reasons.slice(1)).toEqual(['the simplest private SFTP: no servers to run']);
    expect(pick({ protocol: 'sftp', directConnect: true, scale: 'large' }, 'transfer-sftp').reasons.slice(1)).toEqual(['per-GB charges grow with volume; compare with a File Gateway or a sync host at this scale']);
    expect(pick({ protocol: 'nfs', directConnect: true, scale: 'large' }, 'file-gateway').reasons.slice(1)).toEqual(['built for large volumes: local cache, sized for about 125 MiB/s writes']);
    expect(pick({ protocol: 'sftp', directConnect: true, clients: 'people' }, 'client-vpn').reasons.slice(1)).toEqual(['made for individual users: each connects with a certificate or single sign-on']);
    expect(pick({ protocol: 'sftp', directConnect: true }, 'client-vpn').reasons.slice(1)).toEqual([SERVERS]);
    expect(pick({ protocol: 'sftp', directConnect: true }, 'sync-host').reasons.slice(1)).toEqual([
      'possible by running a SFTP server on the host, but it only uploads on a timer and a purpose-built option (SftpServer, ClientVpn, SoftwareVpn) exists',
    ]);
  });

  it('says when managedOnly leaves nothing for clients inside the VPC', () => {
    expect(() => chooseS3Access({ protocol: 'smb', directConnect: false, clientLocation: 'vpc', managedOnly: true })).toThrow(
      /^chooseS3Access: no fully managed architecture serves 'smb' clients in the VPC; the ones that do are self-managed \(FileGateway\): drop managedOnly/,
    );
  });
});

describe('chooseS3Access requirements from untyped callers', () => {
  it.each<[string, unknown, RegExp]>([
    ['null', null, /^chooseS3Access: 'requirements' is missing; give \{ protocol: 's3-api', directConnect: true \}$/],
    ['no protocol', { directConnect: true }, /^chooseS3Access: 'protocol' is missing; use one of "s3-api", "sftp", "smb", "nfs", "any"$/],
    ['a client location in the cloud', { protocol: 'sftp', directConnect: true, clientLocation: 'cloud' }, /^chooseS3Access: 'clientLocation' is "cloud"; use one of "on-premises", "vpc"$/],
    ['a VPN flag as a string', { protocol: 'sftp', directConnect: true, siteToSiteVpn: 'yes' }, /^chooseS3Access: 'siteToSiteVpn' is "yes"; use one of true, false$/],
    ['managedOnly as a number', { protocol: 'sftp', directConnect: true, managedOnly: 1 }, /^chooseS3Access: 'managedOnly' is 1; use one of true, false$/],
    ['clients as a team', { protocol: 'sftp', directConnect: true, clients: 'team' }, /^chooseS3Access: 'clients' is "team"; use one of "applications", "people"$/],
  ])('refuses %s, naming the field and the values it takes', (_name, requirements, message) => {
    expect(() => chooseS3Access(requirements as S3AccessRequirements)).toThrow(message);
  });
});
