import type { Construct } from 'constructs';
import { LatticeEndpoint, type LatticeEndpointProps } from './lattice-endpoint';

export interface ResourceEndpointProps extends LatticeEndpointProps {
  /**
   * The VPC Lattice resource configuration shared with this account (for example through AWS
   * RAM): `arn:aws:vpc-lattice:<region>:<account>:resourceconfiguration/rcfg-...`.
   */
  readonly resourceConfigurationArn: string;
}

/**
 * A resource endpoint (`vpc_endpoint_type = "Resource"`): private access to one resource (a
 * database, a host, an IP or domain target) that another VPC or account shares as a VPC Lattice
 * resource configuration, with no load balancer in front of it.
 */
export class ResourceEndpoint extends LatticeEndpoint {
  constructor(scope: Construct, id: string, props: ResourceEndpointProps) {
    super(scope, id, props, { type: 'Resource', field: 'resourceConfigurationArn', arn: props?.resourceConfigurationArn });
  }
}
