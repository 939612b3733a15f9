import { NAME_RULES, requireName, requireString } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/**
 * Fails unless the construct's `name` is given and can name every resource built from it: log
 * groups (`/aws/transfer/<name>`), roles, security groups, gateways and tags, so a space or a
 * punctuation mark is reported on `name` rather than on an inner resource. Core's rule for names
 * that several resource names are built from.
 */
export function requireResourceName(scope: IConstruct, name: string): string {
  requireString(scope, 'name', name, `give a name such as '${NAME_RULES.namePrefix.example}'`);
  return requireName(scope, 'name', name, NAME_RULES.namePrefix);
}
