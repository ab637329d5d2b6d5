/**
 * The persisted-operation safelist (ARCHITECTURE.md step 3), Apollo-style:
 * a client sends `extensions.persistedQuery.sha256Hash` (with or without the
 * document); the gateway runs the safelisted document of that hash. With
 * `mode: 'require'` nothing else runs, so a leaked key cannot send arbitrary
 * documents; with `allow`, ad-hoc documents run too; `off` ignores hashes.
 */
import { GW_ERRORS } from '../errors';
import { sha256Hex } from './sha256-hex';

/** Options of the safelist. */
export interface PersistedOperationsOptions {
  /** @default 'off' */
  readonly mode: 'off' | 'allow' | 'require';
  /** Hex sha256 of a document → the document. */
  readonly store: ReadonlyMap<string, string>;
}

/** The document to run for `params`, or `undefined` to keep the request's own. @throws GatewayError */
export function resolvePersistedOperation(
  params: { query?: unknown; extensions?: unknown },
  options: PersistedOperationsOptions,
): string | undefined {
  if (options.mode === 'off') return undefined;
  const hash = persistedHashOf(params.extensions);
  const query = typeof params.query === 'string' ? params.query : undefined;
  if (hash === undefined) {
    if (options.mode === 'require') {
      throw GW_ERRORS.GW_PERSISTED_ONLY.err('This gateway runs persisted operations only: send extensions.persistedQuery.sha256Hash of a safelisted operation.');
    }
    return undefined;
  }
  const stored = options.store.get(hash.toLowerCase());
  if (query !== undefined && sha256Hex(query) !== hash.toLowerCase()) {
    throw GW_ERRORS.GW_PERSISTED_QUERY_HASH_MISMATCH.err('The document does not hash to extensions.persistedQuery.sha256Hash.');
  }
  if (stored === undefined) {
    if (options.mode === 'allow' && query !== undefined) return undefined;
    throw GW_ERRORS.GW_PERSISTED_QUERY_NOT_FOUND.err(/^[0-9a-f]{64}$/i.test(hash) ? `No persisted operation has the hash ${hash}.` : "extensions.persistedQuery.sha256Hash is not a hex sha256.");
  }
  return stored;
}

function persistedHashOf(extensions: unknown): string | undefined {
  if (extensions === null || typeof extensions !== 'object') return undefined;
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (persisted === null || typeof persisted !== 'object') return undefined;
  const hash = (persisted as { sha256Hash?: unknown }).sha256Hash;
  return typeof hash === 'string' && hash !== '' ? hash : undefined;
}
