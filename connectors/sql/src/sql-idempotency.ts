/**
 * Which SQL statements are safe to repeat, and so may be retried: a SELECT
 * (at the statement's top level, not a data-modifying `WITH`), anything sent
 * through a read-only source (the database refuses writes there), and the
 * statements whose `operation` the manifest lists in `idempotentOperations`
 * (an upsert, say).
 */
import type { CapabilityManifest } from '@govgraph/sdk';
import type { ParsedStatement } from './statement';

/** @internal Whether `statement`, run as `operation`, may be retried. */
export function isIdempotentStatement(
  statement: ParsedStatement,
  operation: string,
  options: { readonly readonly: boolean; readonly capabilities: CapabilityManifest },
): boolean {
  if (options.readonly || /^\s*select\b/i.test(statement.outline)) return true;
  return options.capabilities.idempotentOperations?.includes(operation) ?? false;
}
