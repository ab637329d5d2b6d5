/**
 * Where the supergraph comes from, chosen by the config's `supergraph.kind`.
 * The registry (issue: Prisma-backed subgraph list) will be a fourth kind.
 */
import type { SupergraphSource } from '../config';
import type { Logger } from '../logger';
import { composeSupergraphFromSubgraphs } from './compose-from-subgraphs';
import { fetchSupergraphUrl } from './fetch-supergraph-url';
import { loadSupergraphFile } from './load-supergraph-file';

/** Options of {@link loadSupergraph}. */
export interface LoadSupergraphOptions {
  /** Deadline of each network request. */
  readonly timeoutMs: number;
  readonly logger: Logger;
  /** Headers of the SDL requests when composing from subgraphs (the gateway's context token). */
  readonly headersFor?: ((subgraph: string) => Record<string, string> | Promise<Record<string, string>>) | undefined;
}

/**
 * Returns the supergraph SDL of `source`.
 * @throws GatewayError `GW_SUPERGRAPH_UNAVAILABLE` or `GW_SUPERGRAPH_COMPOSITION_FAILED`.
 */
export async function loadSupergraph(source: SupergraphSource, options: LoadSupergraphOptions): Promise<string> {
  switch (source.kind) {
    case 'subgraphs':
      return composeSupergraphFromSubgraphs({ subgraphs: source.subgraphs, ...options });
    case 'file':
      return loadSupergraphFile(source.path);
    case 'url':
      return fetchSupergraphUrl(source.url, options.timeoutMs);
  }
}
