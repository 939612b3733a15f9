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
