/**
 * Builds the supergraph at start from running subgraphs: asks each for its
 * SDL, then composes them with @apollo/composition, the same composition
 * `rover supergraph compose` runs. Every subgraph is asked at once and every
 * problem is reported together, so one start-up attempt shows them all.
 */
import { composeServices } from '@apollo/composition';
import { parse, Source, type DocumentNode, type GraphQLError } from 'graphql';
import { GW_ERRORS } from '../errors';
import type { Logger } from '../logger';
import { describeCompositionErrors, formatCompositionReport, type CompositionProblem } from './describe-composition-errors';
import { fetchSubgraphSdl, type SubgraphEndpoint } from './fetch-subgraph-sdl';
import { internGraphQLNames } from './intern-graphql-names';

/** Options of {@link composeSupergraphFromSubgraphs}. */
export interface ComposeFromSubgraphsOptions {
  readonly subgraphs: readonly SubgraphEndpoint[];
  /** Deadline of each SDL request. */
  readonly timeoutMs: number;
  readonly logger: Logger;
  /** Headers of each SDL request (the gateway's context token). @default none */
  readonly headersFor?: ((subgraph: string) => Record<string, string> | Promise<Record<string, string>>) | undefined;
}

/**
 * Returns the composed supergraph SDL.
 * @throws GatewayError `GW_SUPERGRAPH_UNAVAILABLE` naming every subgraph (and
 *   URL) that did not give its SDL; `GW_SUPERGRAPH_COMPOSITION_FAILED` with a
 *   multi-line report (subgraph, coordinate, line of each error) and
 *   `details.problems` holding it as data.
 */
export async function composeSupergraphFromSubgraphs(options: ComposeFromSubgraphsOptions): Promise<string> {
  const { subgraphs, timeoutMs, logger, headersFor } = options;
  const fetched = await Promise.allSettled(
    subgraphs.map(async (subgraph) => fetchSubgraphSdl(subgraph, timeoutMs, headersFor ? await headersFor(subgraph.name) : {})),
  );
  const unavailable = fetched.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (unavailable.length === 1) throw unavailable[0];
  if (unavailable.length > 1) {
    const messages = unavailable.map((error) => (error instanceof Error ? error.message : String(error)));
    throw GW_ERRORS.GW_SUPERGRAPH_UNAVAILABLE.err(
      `${messages.length} subgraphs did not give their SDL:\n${messages.map((m) => `- ${m}`).join('\n')}`,
      { details: { subgraphs: unavailable.map((e) => (e as { details?: unknown }).details) } },
    );
  }

  const documents = new Map<string, DocumentNode>();
  const problems: CompositionProblem[] = [];
  subgraphs.forEach((subgraph, index) => {
    const result = fetched[index];
    if (result?.status !== 'fulfilled') return;
    try {
      internGraphQLNames(result.value); // before composition parses and prints it (see intern-graphql-names.ts)
      documents.set(subgraph.name, parse(new Source(result.value, subgraph.name)));
    } catch (error) {
      const parseError = error as GraphQLError;
      const location = parseError.locations?.[0];
      problems.push({
        code: 'INVALID_GRAPHQL',
        message: `[${subgraph.name}] ${parseError.message}`,
        locations: [{ subgraph: subgraph.name, ...(location ? { line: location.line, column: location.column } : {}) }],
      });
    }
  });
  if (problems.length === 0) {
    const result = composeServices(
      subgraphs.map(({ name, url }) => ({ name, url, typeDefs: documents.get(name) as DocumentNode })),
    );
    if (result.errors === undefined) {
      if (result.hints.length > 0) {
        logger.info({ hints: result.hints.length }, 'supergraph composed with hints (debug level lists them)');
        for (const hint of result.hints) logger.debug({ hint: hint.definition.code }, hint.message);
      }
      return result.supergraphSdl;
    }
    problems.push(...describeCompositionErrors(result.errors, documents));
  }
  throw GW_ERRORS.GW_SUPERGRAPH_COMPOSITION_FAILED.err(formatCompositionReport(problems), { details: { problems } });
}
