import { createHash } from 'node:crypto';

/**
 * A physical name for an AWS resource from readable parts, kept within `maxLength`.
 * Long names are cut and end in a short hash of the whole, so two long names never collide.
 */
export function physicalName(parts: readonly string[], maxLength = 64): string {
  const name = parts
    .filter((part) => part.length > 0)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (name.length <= maxLength) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, maxLength - hash.length - 1).replace(/-$/, '')}-${hash}`;
}
