import {
  choosePrivateConnectivity,
  PRIVATE_CONNECTIVITY_OPTIONS,
  type PrivateConnectivityRequirements,
} from '../src/choose-private-connectivity';

// A SaaS vendor and its customers: TCP, one way, customers pick their own CIDRs.
const SAAS: PrivateConnectivityRequirements = { overlappingCidrs: true, protocol: 'tcp', consumers: 40, consumerOwnership: 'other-companies' };
// Two VPCs of one team that talk both ways.
const TWO_VPCS: PrivateConnectivityRequirements = { overlappingCidrs: false, protocol: 'any', direction: 'both-ways', consumers: 1, consumerOwnership: 'same-organization' };

const ranking = (requirements: PrivateConnectivityRequirements) => choosePrivateConnectivity(requirements).map((r) => r.option);
const fitting = (requirements: PrivateConnectivityRequirements) => choosePrivateConnectivity(requirements).filter((r) => r.fits).map((r) => r.option);
const of = (requirements: PrivateConnectivityRequirements, option: string) => choosePrivateConnectivity(requirements).find((r) => r.option === option)!;

describe('choosePrivateConnectivity, requirement by requirement', () => {
  test('a SaaS offered to other companies: PrivateLink first, and never their networks', () => {
    const [best] = choosePrivateConnectivity(SAAS);
    expect(best).toMatchObject({ option: 'privatelink', rank: 1, fits: true });
    expect(best.reasons.join(' ')).toMatch(/exposes one service, never your network/);
    expect(of(SAAS, 'transit-gateway').fits).toBe(false);
  });

  test('overlapping CIDRs rule out peering and Transit Gateway (the article: peering cannot connect them)', () => {
    expect(fitting({ ...SAAS, consumerOwnership: 'same-organization' })).toEqual(['privatelink', 'vpc-lattice']);
    expect(of(SAAS, 'vpc-peering').blockers).toContain('overlapping CIDR blocks cannot be routed between the VPCs');
  });

  test('without overlap, peering fits a pair of VPCs that talk both ways, and PrivateLink does not', () => {
    expect(fitting(TWO_VPCS)).toEqual(expect.arrayContaining(['vpc-peering', 'transit-gateway']));
    expect(of(TWO_VPCS, 'privatelink').blockers).toEqual(expect.arrayContaining(['only the consumer side opens connections; the service cannot call back']));
  });

  test('any protocol rules out PrivateLink and Lattice (TCP only)', () => {
    const any = { ...TWO_VPCS, direction: 'consumer-to-service' as const };
    expect(fitting(any)).not.toContain('privatelink');
    expect(fitting(any)).not.toContain('vpc-lattice');
    expect(of(any, 'privatelink').blockers[0]).toMatch(/carries TCP \(IPv4 and IPv6\) only/);
  });

  test('Direct Connect edge-to-edge routing rules out peering (the article), not PrivateLink', () => {
    const edge = { ...TWO_VPCS, protocol: 'tcp' as const, direction: 'consumer-to-service' as const, directConnectEdgeRouting: true };
    expect(of(edge, 'vpc-peering').blockers).toEqual(['no edge-to-edge routing: traffic from Direct Connect or VPN on one side never crosses to the other']);
    expect(of(edge, 'privatelink').fits).toBe(true);
    expect(of(edge, 'privatelink').reasons).toContain('on-premises clients over Direct Connect or VPN reach it');
  });

  test('cross-region: PrivateLink now works (cross-region endpoint services); Lattice does not', () => {
    const far = { ...SAAS, crossRegion: true };
    expect(of(far, 'privatelink')).toMatchObject({ fits: true, rank: 1 });
    expect(of(far, 'privatelink').reasons.join(' ')).toMatch(/across regions: cross-region endpoint services/);
    expect(of(far, 'vpc-lattice').blockers).toEqual(['not across regions: a service network and its services are regional']);
  });

  test('transitive reach leaves only Transit Gateway', () => {
    expect(fitting({ ...TWO_VPCS, transitiveReach: true })).toEqual(['transit-gateway']);
  });

  test('many consumers of one organization: a hub ranks above a mesh of peering connections', () => {
    const many = { ...TWO_VPCS, consumers: 60 };
    const order = ranking(many);
    expect(order.indexOf('transit-gateway')).toBeLessThan(order.indexOf('vpc-peering'));
    expect(of({ ...TWO_VPCS, consumers: 200 }, 'vpc-peering').blockers[0]).toMatch(/200 consumers exceed the 125 active peering connections/);
  });

  test('an HTTP service inside one organization: Lattice first', () => {
    expect(ranking({ overlappingCidrs: true, protocol: 'tcp', consumers: 20, consumerOwnership: 'same-organization', http: true })[0]).toBe('vpc-lattice');
  });

  test('ranks are 1..4, fitting options first, and the answer is the same every time', () => {
    const result = choosePrivateConnectivity(SAAS);
    expect(result.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    const firstMisfit = result.findIndex((r) => !r.fits);
    expect(result.slice(firstMisfit).every((r) => !r.fits)).toBe(true);
    expect(choosePrivateConnectivity(SAAS)).toEqual(result);
  });

  test('bad requirements from untyped callers get one message naming each', () => {
    expect(() => choosePrivateConnectivity({ protocol: 'udp', consumers: 0 } as never)).toThrow(
      /'overlappingCidrs' is undefined; use true or false; 'protocol' is "udp"; use "tcp" or "any"; 'consumerOwnership' is undefined.*'consumers' is 0/,
    );
    expect(() => choosePrivateConnectivity(undefined as never)).toThrow(/give the requirements object/);
  });

  test('the comparison covers each option once', () => {
    expect(PRIVATE_CONNECTIVITY_OPTIONS.map((p) => p.option).sort()).toEqual(['privatelink', 'transit-gateway', 'vpc-lattice', 'vpc-peering']);
  });
});

describe('choosePrivateConnectivity, scores and reasons', () => {
  // One organization, no overlap, TCP one way: nothing rules an option out.
  const PLAIN: PrivateConnectivityRequirements = { overlappingCidrs: false, protocol: 'tcp', consumers: 1, consumerOwnership: 'same-organization' };
  const scores = (requirements: PrivateConnectivityRequirements) => Object.fromEntries(choosePrivateConnectivity(requirements).map((r) => [r.option, r.score]));
  const cost = (option: string) => `cost: ${PRIVATE_CONNECTIVITY_OPTIONS.find((p) => p.option === option)!.cost}`;

  test('a SaaS for other companies: each option scored, with every reason and blocker', () => {
    const result = choosePrivateConnectivity(SAAS);
    expect(result.map((r) => [r.option, r.score, r.fits])).toEqual([
      ['privatelink', 85, true],
      ['vpc-lattice', 50, true],
      ['transit-gateway', 35, false],
      ['vpc-peering', 10, false],
    ]);
    const overlap = 'works with overlapping CIDR blocks: consumers reach private IPs in their own VPC';
    expect(of(SAAS, 'privatelink').reasons).toEqual([
      overlap,
      'exposes one service, never your network: the usual way to offer a service to other companies (allowed principals, acceptance)',
      cost('privatelink'),
    ]);
    expect(of(SAAS, 'vpc-lattice').reasons).toEqual([overlap, 'shared through AWS RAM into service networks: more natural inside one organization than with customers', cost('vpc-lattice')]);
    expect(of(SAAS, 'transit-gateway').reasons).toEqual([
      'one attachment per VPC instead of a mesh of 40 peering connections',
      "opens routes between your network and other companies' networks: narrow them with hub route tables",
      cost('transit-gateway'),
    ]);
    expect(of(SAAS, 'vpc-peering').reasons).toEqual([
      'no hourly charge and no extra hop',
      '40 peering connections, each with its own routes: consider a hub',
      'joins whole VPCs with other companies: every route, network ACL and security group must hold the line',
      cost('vpc-peering'),
    ]);
    expect(of(SAAS, 'vpc-peering').blockers).toEqual(['overlapping CIDR blocks cannot be routed between the VPCs']);
  });

  test('with nothing to weigh, PrivateLink leads (no HTTP) and ties keep the order of the comparison', () => {
    const result = choosePrivateConnectivity(PLAIN);
    expect(result.map((r) => [r.option, r.score, r.rank])).toEqual([
      ['privatelink', 55, 1],
      ['vpc-lattice', 50, 2],
      ['transit-gateway', 50, 3],
      ['vpc-peering', 50, 4],
    ]);
    expect(result.map((r) => r.reasons)).toEqual([[cost('privatelink')], [cost('vpc-lattice')], [cost('transit-gateway')], ['no hourly charge and no extra hop', cost('vpc-peering')]]);
    expect(result.every((r) => r.blockers.length === 0)).toBe(true);
  });

  test('an HTTP service: Lattice gains, PrivateLink loses its bonus', () => {
    expect(scores({ ...PLAIN, http: true })).toMatchObject({ privatelink: 50, 'vpc-lattice': 65 });
    expect(of({ ...PLAIN, http: true }, 'vpc-lattice').reasons).toEqual(['HTTP-aware: per-request routing and IAM auth policies', cost('vpc-lattice')]);
  });

  test.each([
    ['nothing a hub is for', 50, {}],
    ['transitive reach', 60, { transitiveReach: true }],
    ['any protocol', 60, { protocol: 'any' as const }],
    ['both ways', 60, { direction: 'both-ways' as const }],
  ])('Transit Gateway with %s scores %d', (_, score, extra) => {
    const hub = of({ ...PLAIN, ...extra }, 'transit-gateway');
    expect(hub.score).toBe(score);
    expect(hub.reasons.includes('routes whole networks, any protocol, both ways, through one hub')).toBe(score === 60);
  });

  test.each([
    [10, { 'transit-gateway': 50, 'vpc-peering': 50 }],
    [11, { 'transit-gateway': 60, 'vpc-peering': 35 }],
  ])('more than 10 consumers make many: %d consumers', (consumers, expected) => {
    expect(scores({ ...PLAIN, consumers })).toMatchObject(expected);
    expect(of({ ...PLAIN, consumers }, 'transit-gateway').reasons.includes(`one attachment per VPC instead of a mesh of ${consumers} peering connections`)).toBe(consumers > 10);
  });

  test('peering takes up to 125 consumers', () => {
    expect(of({ ...PLAIN, consumers: 125 }, 'vpc-peering')).toMatchObject({ fits: true, score: 35, blockers: [] });
    expect(of({ ...PLAIN, consumers: 125 }, 'vpc-peering').reasons).toContain('125 peering connections, each with its own routes: consider a hub');
    expect(of({ ...PLAIN, consumers: 126 }, 'vpc-peering').blockers).toEqual(['126 consumers exceed the 125 active peering connections a VPC can have']);
  });

  test('transitive reach names why the others do not fit', () => {
    expect(of({ ...PLAIN, transitiveReach: true }, 'privatelink').blockers).toEqual(['not transitive: it reaches the other side only, not the networks behind it']);
  });

  test('optional requirements given as false are valid', () => {
    const explicit = { ...PLAIN, direction: 'consumer-to-service' as const, crossRegion: false, directConnectEdgeRouting: false, transitiveReach: false, http: false };
    expect(choosePrivateConnectivity(explicit)).toEqual(choosePrivateConnectivity(PLAIN));
  });

  test.each([
    ['null', null, /^choosePrivateConnectivity: give the requirements object$/],
    ['no protocol', { ...PLAIN, protocol: undefined }, /^choosePrivateConnectivity: 'protocol' is undefined; use "tcp" or "any"$/],
    ['a bad direction', { ...PLAIN, direction: 'sideways' }, /^choosePrivateConnectivity: 'direction' is "sideways"; use "consumer-to-service" or "both-ways"$/],
    ['a bad optional flag', { ...PLAIN, http: 'yes' }, /^choosePrivateConnectivity: 'http' is "yes"; use true or false$/],
  ])('refuses %s', (_, requirements, message) => {
    expect(() => choosePrivateConnectivity(requirements as never)).toThrow(message);
  });
});
