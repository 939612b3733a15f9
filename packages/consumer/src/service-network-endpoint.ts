import type { Construct } from 'constructs';
import { LatticeEndpoint, type LatticeEndpointProps } from './lattice-endpoint';

export interface ServiceNetworkEndpointProps extends LatticeEndpointProps {
  /** The VPC Lattice service network: `arn:aws:vpc-lattice:<region>:<account>:servicenetwork/sn-...`. */
  readonly serviceNetworkArn: string;
}

/**
 * A service-network endpoint (`vpc_endpoint_type = "ServiceNetwork"`): one endpoint that reaches
 * every service and resource configuration associated with a VPC Lattice service network.
 */
export class ServiceNetworkEndpoint extends LatticeEndpoint {
  constructor(scope: Construct, id: string, props: ServiceNetworkEndpointProps) {
    super(scope, id, props, { type: 'ServiceNetwork', field: 'serviceNetworkArn', arn: props?.serviceNetworkArn });
  }
}
