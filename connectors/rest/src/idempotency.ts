/**
 * Which REST calls are safe to repeat, and so may be retried. HTTP says GET,
 * HEAD and OPTIONS are safe (RFC 9110 §9.2.1); PUT and DELETE are idempotent
 * by the standard but legacy systems often implement them with side effects
 * (an audit row, a counter), so they are retried only when the manifest says
 * so, like POST. A manifest that lists `idempotentOperations` replaces the
 * default: list `GET` there to keep GETs retried.
 */
import type { CapabilityManifest } from '@govgraph/sdk';
import type { RestMethod } from './rest-source';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** @internal Whether a call of `method` named `operation` may be retried under `capabilities`. */
export function isIdempotentRestCall(method: RestMethod, operation: string | undefined, capabilities: CapabilityManifest): boolean {
  const listed = capabilities.idempotentOperations;
  if (listed === undefined) return SAFE_METHODS.has(method);
  return listed.includes(method) || (operation !== undefined && listed.includes(operation));
}
