import { applyConstructContract, type Connectable, Connections, constructKey, ExistingSecurityGroup, type MetaArguments, type Peer, requirePorts, requireResourceId, requireString } from '@privatelink-cdktf/core';
import { Construct } from 'constructs';

/** What is known of an interface endpoint created elsewhere: literal values or another stack's outputs. */
export interface InterfaceEndpointAttributes extends MetaArguments {
  /** `vpce-...` */
  readonly endpointId: string;
  /**
   * The endpoint's security group. With it, `allowFrom` adds ingress rules to that group as
   * separate resources of this stack (one per peer and port), leaving its other rules alone.
   * @default - unknown: allowFrom fails
   */
  readonly securityGroupId?: string;
  /** The ports the service listens on, admitted by allowFrom when it names none. @default [443] */
  readonly ports?: readonly number[];
  /** The endpoint's regional DNS name, if you need it in this stack. @default - unknown */
  readonly regionalDnsName?: string;
}

/**
 * A typed reference to an interface endpoint that exists already, made from its attributes (no
 * data source, so plans stay offline): use it where an endpoint ID is expected, and wire clients
 * to it with `allowFrom(peer)` when its security group is known.
 */
export class ExistingInterfaceEndpoint extends Construct implements Connectable {
  public readonly endpointId: string;
  /** @default - undefined when not given */
  public readonly securityGroupId?: string;
  /** @default - undefined when not given */
  public readonly regionalDnsName?: string;
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, attributes: InterfaceEndpointAttributes) {
    super(scope, id);
    applyConstructContract(this, attributes);
    const endpointId = requireResourceId(this, 'endpointId', attributes.endpointId, 'vpcEndpoint');
    if (attributes.regionalDnsName !== undefined) requireString(this, 'regionalDnsName', attributes.regionalDnsName, "give the endpoint's regional DNS name, for example InterfaceEndpoint.regionalDnsName");
    const ports = requirePorts(this, 'ports', attributes.ports ?? [443]);
    this.endpointId = endpointId;
    this.regionalDnsName = attributes.regionalDnsName;
    if (attributes.securityGroupId !== undefined) {
      requireResourceId(this, 'securityGroupId', attributes.securityGroupId, 'securityGroup');
      const group = new ExistingSecurityGroup(this, 'SecurityGroup', { securityGroupId: attributes.securityGroupId, defaultPorts: ports });
      this.securityGroupId = group.securityGroupId;
      this.connections = group.connections;
    } else {
      this.connections = new Connections(this, {
        securityGroupId: '',
        defaultPorts: ports,
        key: constructKey(this),
        unmanagedFix: "give the endpoint's securityGroupId to fromAttributes",
      });
    }
  }

  /** Admits `peer` to the endpoint on `ports` (default: the endpoint's ports). */
  public allowFrom(peer: Peer, ports?: readonly number[]): void {
    this.connections.allowFrom(peer, ports);
  }
}
