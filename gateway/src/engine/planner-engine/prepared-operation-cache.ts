/**
 * Plans are cached per (document, operation name). yoga's parser cache hands
 * the same `DocumentNode` to every request with the same query text, so the
 * first level is a `WeakMap` on the document (no hashing, no printing); a
 * document parsed afresh falls back to a bounded map keyed by its printed
 * text, so a plan is still built once per distinct operation.
 */
import { print, type DocumentNode } from 'graphql';
import type { PreparedOperation, RefusedOperation } from './prepare-operation';

type Entry = PreparedOperation | RefusedOperation;

/** The plan cache of one engine. */
export interface PreparedOperationCache {
  /** The cached entry of `operationName` in `document`, or the one `prepare` makes (then cached). */
  get(document: DocumentNode, operationName: string | undefined, prepare: () => Entry): Entry;
}

/** Creates a cache holding at most `maxTexts` distinct document texts. @param maxTexts @default 1000 */
export function createPreparedOperationCache(maxTexts = 1000): PreparedOperationCache {
  const byDocument = new WeakMap<DocumentNode, Map<string, Entry>>();
  const byText = new Map<string, Entry>();
  return {
    get(document, operationName, prepare) {
      const name = operationName ?? '';
      let perDocument = byDocument.get(document);
      const cached = perDocument?.get(name);
      if (cached) return cached;
      const textKey = `${name}\n${print(document)}`;
      let entry = byText.get(textKey);
      if (entry) {
        // Refresh its place in the LRU order.
        byText.delete(textKey);
        byText.set(textKey, entry);
      } else {
        entry = prepare();
        byText.set(textKey, entry);
        if (byText.size > maxTexts) byText.delete(byText.keys().next().value as string);
      }
      if (!perDocument) {
        perDocument = new Map();
        byDocument.set(document, perDocument);
      }
      perDocument.set(name, entry);
      return entry;
    },
  };
}
