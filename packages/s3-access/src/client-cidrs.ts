import { configError, describeOpenCidrs, openCidrs, requireCidr, requireNonEmpty } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/** Client networks of a self-managed host: at least one CIDR block, never the whole internet (in any spelling). */
export function requireClientCidrs(scope: IConstruct, field: string, cidrs: readonly string[] | undefined, fix: string): string[] {
  const list = requireNonEmpty(scope, field, cidrs, fix);
  list.forEach((cidr) => requireCidr(scope, field, cidr));
  const open = openCidrs(list);
  if (open) configError(scope, field, `includes ${describeOpenCidrs(open)}`, fix);
  return list;
}
