// The scaling cases: one stack whose size grows with N, built from the libraries' public API
// (their built dist/, as the apps use them).
import type { Construct } from 'constructs';

export interface ScalingCase {
  /** What N counts. */
  readonly unit: string;
  readonly sizes: readonly number[];
  /** Loads the library (not timed as construction) and returns what adds N items to a stack with a PrivateNetwork over three AZs. */
  load(): (stack: Construct, network: NetworkLike, n: number) => void;
}

/** The part of core's PrivateNetwork the cases use. */
export interface NetworkLike {
  readonly vpcId: string;
  readonly cidrBlocks: readonly string[];
  readonly subnets: readonly { subnetId: string; availabilityZoneId?: string; availabilityZone?: string }[];
}

export const ZONES = ['apne1-az1', 'apne1-az2', 'apne1-az4'];
const hex = (i: number, width: number) => i.toString(16).padStart(width, '0');

/** Loads a named export of a workspace library, or says exactly what is missing. */
function exported<T>(pkg: string, name: string): T {
  let mod: Record<string, unknown>;
  try {
    // require, as the apps' compiled imports do: import() of CommonJS would parse every module's exports first.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(pkg) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${pkg} cannot be loaded (${(error as Error).message.split('\n')[0]}); build it with \`npx turbo run build\``);
  }
  if (typeof mod[name] !== 'function') {
    throw new Error(`${pkg} does not export ${name} yet (exports: ${Object.keys(mod).join(', ') || 'none'}); the scaling case needs it`);
  }
  return mod[name] as T;
}

/** A SaaS service (NLB in front of an ALB, endpoint service) with N tenants, each one principal and one accepted endpoint. */
export const provider: ScalingCase = {
  unit: 'tenants',
  sizes: [10, 100, 1000],
  load() {
    type Service = new (scope: Construct, id: string, props: Record<string, unknown>) => unknown;
    const PrivateLinkService = exported<Service>('@privatelink-cdktf/provider', 'PrivateLinkService');
    return (stack, network, n) => {
    const tenants = Array.from({ length: n }, (_, i) => ({
      key: `tenant-${i}`,
      principals: [`arn:aws:iam::${200000000000 + i}:root`],
      endpointIds: [`vpce-${hex(i, 17)}`],
    }));
    new PrivateLinkService(stack, 'Service', {
      name: 'bench-provider',
      vpc: network,
      subnets: network.subnets,
      target: {
        type: 'alb',
        albArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:loadbalancer/app/web/0123456789abcdef',
        albListener: { listenerArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:listener/app/web/0123456789abcdef/0123456789abcdef', port: 443 },
      },
      tenants,
    });
    };
  },
};

/** N interface endpoints to distinct endpoint services, each in the three AZs with its own security group. */
export const consumer: ScalingCase = {
  unit: 'endpoints',
  sizes: [10, 50, 200],
  load() {
    type Endpoint = new (scope: Construct, id: string, props: Record<string, unknown>) => unknown;
    const InterfaceEndpoint = exported<Endpoint>('@privatelink-cdktf/consumer', 'InterfaceEndpoint');
    return (stack, network, n) => {
    for (let i = 0; i < n; i++) {
      new InterfaceEndpoint(stack, `Endpoint-svc-${i}`, {
        name: `bench-consumer-svc-${i}`,
        service: { serviceName: `com.amazonaws.vpce.ap-northeast-1.vpce-svc-${hex(i, 17)}` },
        vpc: network,
        subnets: network.subnets,
        allowedCidrs: network.cidrBlocks,
      });
    }
    };
  },
};

export const CASES: Record<string, ScalingCase> = { provider, consumer };
