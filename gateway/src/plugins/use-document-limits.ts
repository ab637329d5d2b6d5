/**
 * Step 3 of the request pipeline (ARCHITECTURE.md): document limits, checked
 * before the document is parsed, so an oversized document costs the gateway
 * no parsing, validation or planning. Depth, alias and cost limits belong
 * here too when they come.
 */
import type { Plugin } from 'graphql-yoga';
import { GW_ERRORS } from '../errors';
import type { GatewayContext } from './types';

/** Options of {@link useDocumentLimits}. */
export interface DocumentLimitsOptions {
  /** Largest GraphQL document accepted, in UTF-8 bytes. */
  maxDocumentBytes: number;
}

/** Rejects documents over `maxDocumentBytes` with `GW_DOCUMENT_TOO_LARGE` (413). */
export function useDocumentLimits(options: DocumentLimitsOptions): Plugin<GatewayContext> {
  const { maxDocumentBytes } = options;
  if (!Number.isInteger(maxDocumentBytes) || maxDocumentBytes <= 0) {
    throw new TypeError(`useDocumentLimits: maxDocumentBytes must be a positive integer, got ${String(maxDocumentBytes)}`);
  }
  return {
    onParams({ params }) {
      const { query } = params;
      if (typeof query !== 'string' || query.length * 3 <= maxDocumentBytes) return;
      const bytes = Buffer.byteLength(query, 'utf8');
      if (bytes > maxDocumentBytes) {
        throw GW_ERRORS.GW_DOCUMENT_TOO_LARGE.err(`The GraphQL document is ${bytes} bytes; the limit is ${maxDocumentBytes} bytes.`);
      }
    },
  };
}
