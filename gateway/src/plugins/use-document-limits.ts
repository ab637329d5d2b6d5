/**
 * Step 3 of the request pipeline (ARCHITECTURE.md): document limits. The
 * byte size is checked before the document is parsed, so an oversized
 * document costs the gateway no parsing, validation or planning; depth,
 * aliases and root fields right after parsing, before validation. Batched
 * requests (a JSON array body) are refused, and an optional persisted-operation
 * safelist decides which documents may run at all.
 */
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { GW_ERRORS, type GatewayError } from '../errors';
import { measureDocument } from '../policy/measure-document';
import { resolvePersistedOperation, type PersistedOperationsOptions } from '../policy/persisted-operations';
import type { GatewayContext } from './types';

/** Options of {@link useDocumentLimits}. */
export interface DocumentLimitsOptions {
  /** Largest GraphQL document accepted, in UTF-8 bytes. */
  maxDocumentBytes: number;
  /** Deepest field nesting (a root field is depth 1), fragments expanded. @default 12 */
  maxDepth?: number;
  /** Deepest nesting under `__schema`/`__type` (GraphiQL's introspection query is 15). @default 16 */
  maxIntrospectionDepth?: number;
  /** Most aliases, fragments counted where spread. @default 30 */
  maxAliases?: number;
  /** Most root fields. @default 20 */
  maxRootFields?: number;
  /** The persisted-operation safelist. @default { mode: 'off' } */
  persistedOperations?: PersistedOperationsOptions;
}

/**
 * Rejects documents over `maxDocumentBytes` with `GW_DOCUMENT_TOO_LARGE` (413),
 * too deep, with too many aliases or root fields (`GW_DOCUMENT_TOO_DEEP`,
 * `GW_TOO_MANY_ALIASES`, `GW_TOO_MANY_ROOT_FIELDS`, 400), batched requests
 * (`GW_BATCHING_DISABLED`) and, per the safelist, ad-hoc documents.
 */
export function useDocumentLimits(options: DocumentLimitsOptions): Plugin<GatewayContext> {
  const { maxDocumentBytes, persistedOperations } = options;
  if (!Number.isInteger(maxDocumentBytes) || maxDocumentBytes <= 0) {
    throw new TypeError(`useDocumentLimits: maxDocumentBytes must be a positive integer, got ${String(maxDocumentBytes)}`);
  }
  const maxDepth = positive(options.maxDepth ?? 12, 'maxDepth');
  const maxIntrospectionDepth = positive(options.maxIntrospectionDepth ?? 16, 'maxIntrospectionDepth');
  const maxAliases = positive(options.maxAliases ?? 30, 'maxAliases');
  const maxRootFields = positive(options.maxRootFields ?? 20, 'maxRootFields');
  // Parsed documents are cached by yoga, so each distinct document is measured once.
  const verdicts = new WeakMap<DocumentNode, (() => GatewayError) | null>();

  const check = (document: DocumentNode): (() => GatewayError) | null => {
    const measures = measureDocument(document);
    if (measures.depth > maxDepth) return () => GW_ERRORS.GW_DOCUMENT_TOO_DEEP.err(`The operation nests fields ${measures.depth} deep; the limit is ${maxDepth}.`);
    if (measures.introspectionDepth > maxIntrospectionDepth) {
      return () => GW_ERRORS.GW_DOCUMENT_TOO_DEEP.err(`The introspection nests fields ${measures.introspectionDepth} deep; the limit is ${maxIntrospectionDepth}.`);
    }
    if (measures.aliases > maxAliases) return () => GW_ERRORS.GW_TOO_MANY_ALIASES.err(`The operation uses ${measures.aliases} aliases; the limit is ${maxAliases}.`);
    if (measures.rootFields > maxRootFields) {
      return () => GW_ERRORS.GW_TOO_MANY_ROOT_FIELDS.err(`The operation selects ${measures.rootFields} root fields; the limit is ${maxRootFields}.`);
    }
    return null;
  };

  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (Array.isArray(requestParserResult)) {
            throw GW_ERRORS.GW_BATCHING_DISABLED.err('Batched requests are not accepted: send one operation per request.');
          }
        },
      };
    },
    onParams({ params, setParams }) {
      let query = params.query;
      if (persistedOperations) {
        const persisted = resolvePersistedOperation(params, persistedOperations);
        if (persisted !== undefined && persisted !== query) {
          setParams({ ...params, query: persisted });
          query = persisted;
        }
      }
      if (typeof query !== 'string' || query.length * 3 <= maxDocumentBytes) return;
      const bytes = Buffer.byteLength(query, 'utf8');
      if (bytes > maxDocumentBytes) {
        throw GW_ERRORS.GW_DOCUMENT_TOO_LARGE.err(`The GraphQL document is ${bytes} bytes; the limit is ${maxDocumentBytes} bytes.`);
      }
    },
    onParse() {
      return ({ result }) => {
        if (!result || typeof result !== 'object' || !('kind' in result) || result.kind !== 'Document') return;
        let verdict = verdicts.get(result);
        if (verdict === undefined) {
          verdict = check(result);
          verdicts.set(result, verdict);
        }
        if (verdict) throw verdict();
      };
    },
  };
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new TypeError(`useDocumentLimits: ${name} must be a positive integer, got ${String(value)}`);
  return value;
}
