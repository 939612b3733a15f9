import { configError, OPEN_CIDRS, requireCidr, requireNonEmpty, show } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/** Client networks of a self-managed host: at least one CIDR block, never the whole internet. */
export function requireClientCidrs(scope: IConstruct, field: string, cidrs: readonly string[] | undefined, fix: string): string[] {
  const list = requireNonEmpty(scope, field, cidrs, fix);
  list.forEach((cidr) => requireCidr(scope, field, cidr));
  const open = list.find((cidr) => OPEN_CIDRS.includes(cidr));
  if (open) configError(scope, field, `includes ${show(open)}, which admits the whole internet`, fix);
  return list;
}
