import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { RamResourceAssociation } from '@cdktf/provider-aws/lib/ram-resource-association';
import { RamResourceShare } from '@cdktf/provider-aws/lib/ram-resource-share';
import { Route53ProfilesAssociation } from '@cdktf/provider-aws/lib/route53profiles-association';
import { Route53ProfilesProfile } from '@cdktf/provider-aws/lib/route53profiles-profile';
import { Route53ProfilesResourceAssociation } from '@cdktf/provider-aws/lib/route53profiles-resource-association';
import {
  applyConstructContract,
  configError,
  type ConstructContract,
  isUnresolved,
  type MetaArguments,
  nameTags,
  physicalName,
  requireAccountContext,
  requireBoolean,
  requireResourceId,
  requireString,
  requireKeys,
  requireTimeouts,
  formatValue,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import type { InterfaceEndpoint } from './interface-endpoint';

/** What a profile carries to every VPC that uses it. */
export type Route53ProfileResource =
  /** An interface endpoint of this stack: its private DNS names resolve to it in every associated VPC. */
  | { readonly endpoint: InterfaceEndpoint }
  /** An interface endpoint by ARN (`arn:aws:ec2:<region>:<account>:vpc-endpoint/vpce-...`). */
  | { readonly vpcEndpointArn: string }
  /** A private hosted zone (`arn:aws:route53:::hostedzone/Z...`). */
  | { readonly hostedZoneArn: string }
  /** A Resolver forwarding or system rule, for example to on-premises DNS. */
  | { readonly resolverRuleArn: string }
  /** A DNS Firewall rule group, evaluated in `priority` order (100-9900). */
  | { readonly firewallRuleGroupArn: string; readonly priority: number };

/** How long Terraform waits for the profile and its associations. */
export interface Route53ProfileTimeouts {
  /** @default - the provider's */
  readonly create?: string;
  /** @default - the provider's */
  readonly delete?: string;
}

export interface Route53ProfileAssociationsProps extends MetaArguments {
  /** The profile (`rp-...`): `Route53Profile.profileId`, or the ID of a profile shared with this account. */
  readonly profileId: string;
  /** Names the associations, for example `tenant-consumer-prod-dns`. */
  readonly name: string;
  /**
   * VPCs of this account that use the profile, keyed by a stable name: `{ analytics: 'vpc-...' }`.
   * A VPC takes one profile.
   */
  readonly vpcs: Readonly<Record<string, string>>;
  /** @default - the provider's */
  readonly timeouts?: Route53ProfileTimeouts;
}

export interface Route53ProfileProps extends Omit<Route53ProfileAssociationsProps, 'profileId' | 'vpcs'> {
  /** What the profile carries, keyed by a stable name; each key is its own resource association. */
  readonly resources: Readonly<Record<string, Route53ProfileResource>>;
  /** VPCs of this account that use the profile, keyed by a stable name. @default {} */
  readonly vpcs?: Readonly<Record<string, string>>;
  /**
   * Accounts, organizational units or the organization that may associate their own VPCs with
   * the profile (each then uses `Route53ProfileAssociations` in its account), keyed by a stable
   * name: `{ 'analytics-prod': '222222222222', workloads: 'arn:aws:organizations::...:ou/o-.../ou-...' }`.
   * Shared through AWS RAM.
   * @default {} - not shared
   */
  readonly shareWith?: Readonly<Record<string, string>>;
  /** Let shareWith name accounts outside your AWS Organization. @default false */
  readonly allowExternalPrincipals?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

const ORGANIZATION_PRINCIPAL = /^arn:aws(-cn|-us-gov)?:organizations::\d{12}:(organization\/o-[a-z0-9]{10,32}|ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})$/;
const RESOURCE_ARNS: Record<string, { readonly pattern: RegExp; readonly example: string }> = {
  vpcEndpointArn: { pattern: /^arn:aws(-cn|-us-gov)?:ec2:[a-z0-9-]+:\d{12}:vpc-endpoint\/vpce-[0-9a-f]{8,17}$/, example: 'arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint/vpce-0123456789abcdef0' },
  hostedZoneArn: { pattern: /^arn:aws(-cn|-us-gov)?:route53:::hostedzone\/[A-Z0-9]+$/, example: 'arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ' },
  resolverRuleArn: { pattern: /^arn:aws(-cn|-us-gov)?:route53resolver:[a-z0-9-]+:\d{12}:resolver-rule\/rslvr-(rr|autodefined-rr)-[0-9a-z]+$/, example: 'arn:aws:route53resolver:ap-northeast-1:111111111111:resolver-rule/rslvr-rr-0123456789abcdef0' },
  firewallRuleGroupArn: { pattern: /^arn:aws(-cn|-us-gov)?:route53resolver:[a-z0-9-]+:\d{12}:firewall-rule-group\/rslvr-frg-[0-9a-z]+$/, example: 'arn:aws:route53resolver:ap-northeast-1:111111111111:firewall-rule-group/rslvr-frg-0123456789abcdef0' },
};

/**
 * VPCs of this account associated with a Route 53 Profile: one `aws_route53profiles_association`
 * per key. Use it in an account a profile was shared with.
 */
export class Route53ProfileAssociations extends Construct {
  /** The association IDs, by key. */
  public readonly associationIds: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: Route53ProfileAssociationsProps) {
    super(scope, id);
    const contract = applyConstructContract(this, props);
    requireProfileName(this, props.name);
    requireString(this, 'profileId', props.profileId, 'give the profile ID (rp-...), for example Route53Profile.profileId', { nonEmpty: true });
    const vpcs = props.vpcs ?? configError(this, 'vpcs', 'is missing', "give the VPCs that use the profile, keyed by a stable name: { analytics: 'vpc-...' }");
    if (Object.keys(vpcs).length === 0) configError(this, 'vpcs', 'is empty', "give at least one VPC, for example { analytics: 'vpc-0123456789abcdef0' }");
    this.associationIds = associateVpcs(this, props.profileId, props.name, vpcs, props.timeouts, contract);
  }
}

/**
 * A Route 53 Profile that carries DNS configuration (an interface endpoint's private DNS, private
 * hosted zones, Resolver rules, DNS Firewall rule groups) to many VPCs and accounts: one resource
 * association per key, one VPC association per key, and an AWS RAM share with the accounts that
 * associate their own VPCs. One interface endpoint then serves every VPC that uses the profile.
 */
export class Route53Profile extends Construct {
  public readonly profileId: string;
  public readonly profileArn: string;
  /** @default - undefined when shareWith is empty */
  public readonly resourceShareArn?: string;

  constructor(scope: Construct, id: string, props: Route53ProfileProps) {
    super(scope, id);
    const { dependsOn } = applyConstructContract(this, props);
    requireProfileName(this, props.name);
    const allowExternalPrincipals = requireBoolean(this, 'allowExternalPrincipals', props.allowExternalPrincipals) ?? false;
    const resources = props.resources ?? configError(this, 'resources', 'is missing', 'give what the profile carries, for example { saas: { endpoint: saasEndpoint } }');
    const resourceKeys = Object.keys(resources);
    if (resourceKeys.length === 0) configError(this, 'resources', 'is empty', 'give at least one endpoint, hosted zone, Resolver rule or firewall rule group');
    requireKeys(this, 'resources', resourceKeys);
    const associations = resourceKeys.map((key) => ({ key, ...resourceArn(this, `resources.${key}`, resources[key]) }));
    const timeouts = requireTimeouts(this, 'timeouts', props.timeouts, ['create', 'delete']);
    const shareWith = props.shareWith ?? {};
    requireKeys(this, 'shareWith', Object.keys(shareWith));
    // Only sharing needs the account (to refuse sharing with itself).
    if (Object.keys(shareWith).length > 0) {
      const { accountId } = requireAccountContext(this);
      for (const [key, principal] of Object.entries(shareWith)) requireSharePrincipal(this, `shareWith.${key}`, principal, accountId);
    }

    const profile = new Route53ProfilesProfile(this, 'Profile', { name: physicalName([props.name], 64), tags: nameTags(props.name, props.tags), timeouts, dependsOn });
    for (const { key, arn, properties } of associations) {
      new Route53ProfilesResourceAssociation(this, `Resource-${key}`, {
        profileId: profile.id,
        name: physicalName([props.name, key], 64),
        resourceArn: arn,
        resourceProperties: properties,
        timeouts,
      });
    }
    associateVpcs(this, profile.id, props.name, props.vpcs ?? {}, props.timeouts, {});
    if (Object.keys(shareWith).length > 0) {
      const share = new RamResourceShare(this, 'Share', {
        name: physicalName([props.name, 'route53-profile'], 255),
        allowExternalPrincipals,
        tags: nameTags(props.name, props.tags),
      });
      new RamResourceAssociation(this, 'ShareProfile', { resourceShareArn: share.arn, resourceArn: profile.arn });
      for (const [key, principal] of Object.entries(shareWith)) {
        new RamPrincipalAssociation(this, `ShareWith-${key}`, { resourceShareArn: share.arn, principal });
      }
      this.resourceShareArn = share.arn;
    }
    this.profileId = profile.id;
    this.profileArn = profile.arn;
  }
}

function requireProfileName(scope: Construct, name: string): void {
  requireString(scope, 'name', name, 'give a name such as tenant-consumer-prod-dns', { nonEmpty: true });
}

function associateVpcs(scope: Construct, profileId: string, name: string, vpcs: Readonly<Record<string, string>>, timeouts: Route53ProfileTimeouts | undefined, contract: ConstructContract): Record<string, string> {
  requireKeys(scope, 'vpcs', Object.keys(vpcs));
  const checked = requireTimeouts(scope, 'timeouts', timeouts, ['create', 'delete']);
  const ids: Record<string, string> = {};
  for (const [key, vpcId] of Object.entries(vpcs)) {
    requireResourceId(scope, `vpcs.${key}`, vpcId, 'vpc');
    ids[key] = new Route53ProfilesAssociation(scope, `Vpc-${key}`, {
      profileId,
      resourceId: vpcId,
      name: physicalName([name, key], 64),
      timeouts: checked,
      dependsOn: contract.dependsOn,
    }).id;
  }
  return ids;
}

function resourceArn(scope: Construct, field: string, resource: Route53ProfileResource): { arn: string; properties?: string } {
  if (typeof resource !== 'object' || resource === null) configError(scope, field, `is ${formatValue(resource)}`, 'give { endpoint }, { vpcEndpointArn }, { hostedZoneArn }, { resolverRuleArn } or { firewallRuleGroupArn, priority }');
  if ('endpoint' in resource) {
    // A profile shares the endpoint's private DNS names; without private DNS there is nothing to share.
    if (!resource.endpoint.privateDnsEnabled) configError(scope, `${field}.endpoint`, `is ${resource.endpoint.node.path}, which has private DNS off`, 'turn on privateDns on the endpoint, or share a private hosted zone of your own instead');
    return { arn: resource.endpoint.endpointArn };
  }
  const kinds = Object.keys(RESOURCE_ARNS).filter((kind) => kind in resource);
  if (kinds.length !== 1) configError(scope, field, kinds.length === 0 ? `is ${formatValue(resource)}` : `has ${kinds.join(' and ')}`, 'give exactly one of endpoint, vpcEndpointArn, hostedZoneArn, resolverRuleArn, firewallRuleGroupArn');
  const [kind] = kinds;
  const arn = (resource as unknown as Record<string, unknown>)[kind];
  const { pattern, example } = RESOURCE_ARNS[kind];
  if (typeof arn !== 'string' || (!isUnresolved(arn) && !pattern.test(arn))) configError(scope, `${field}.${kind}`, `is ${formatValue(arn)}`, `give an ARN such as ${example}`);
  if (kind !== 'firewallRuleGroupArn') {
    if ('priority' in resource) configError(scope, `${field}.priority`, 'is set on a resource that is not a firewall rule group', 'leave it out');
    return { arn };
  }
  const { priority } = resource as { priority: unknown };
  if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 100 || priority > 9900) {
    configError(scope, `${field}.priority`, `is ${formatValue(priority)}`, 'give a whole number from 100 to 9900; lower runs first');
  }
  return { arn, properties: JSON.stringify({ priority }) };
}

function requireSharePrincipal(scope: Construct, field: string, principal: unknown, accountId: string): void {
  if (typeof principal !== 'string') configError(scope, field, `is ${formatValue(principal)}`, 'give an account ID, or an organization or organizational unit ARN');
  if (isUnresolved(principal)) return;
  if (!/^\d{12}$/.test(principal) && !ORGANIZATION_PRINCIPAL.test(principal)) {
    configError(scope, field, `is ${formatValue(principal)}`, 'give a 12-digit account ID, or an organization or organizational unit ARN (arn:aws:organizations::<account>:ou/o-.../ou-...)');
  }
  if (principal === accountId) configError(scope, field, `is this stack's own account ${principal}`, 'associate the VPCs of this account through vpcs instead');
}
