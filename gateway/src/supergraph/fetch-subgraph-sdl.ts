/**
 * Asks a running subgraph for its SDL through the federation subgraph
 * protocol's `{ _service { sdl } }` query. Failures are start-up errors read
 * by an operator, so they name the subgraph and its URL.
 */
import { request } from 'undici';
import { GW_ERRORS } from '../errors';

/** A subgraph to compose: its name and GraphQL endpoint. */
export interface SubgraphEndpoint {
  readonly name: string;
  readonly url: string;
}

const SERVICE_DEFINITION_BODY = JSON.stringify({ query: 'query __ApolloGetServiceDefinition__ { _service { sdl } }' });

/**
 * Returns the subgraph's SDL.
 * @throws GatewayError `GW_SUPERGRAPH_UNAVAILABLE` naming the subgraph and URL.
 */
export async function fetchSubgraphSdl(
  subgraph: SubgraphEndpoint,
  timeoutMs: number,
  headers: Readonly<Record<string, string>> = {},
): Promise<string> {
  const unavailable = (why: string, cause?: unknown) =>
    GW_ERRORS.GW_SUPERGRAPH_UNAVAILABLE.err(
      `Subgraph "${subgraph.name}" at ${subgraph.url} did not give its SDL ({ _service { sdl } }): ${why}`,
      { cause, details: { subgraph: subgraph.name, url: subgraph.url } },
    );
  const signal = AbortSignal.timeout(timeoutMs);
  let body: unknown;
  let status: number;
  try {
    const response = await request(subgraph.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body: SERVICE_DEFINITION_BODY,
      signal,
      reset: true, // a one-off call at start: no idle keep-alive socket left behind
    });
    status = response.statusCode;
    body = await response.body.json().catch(() => undefined);
  } catch (error) {
    throw unavailable(signal.aborted ? `no answer within ${timeoutMs} ms` : describeNetworkError(error), error);
  }
  const result = body as { data?: { _service?: { sdl?: unknown } }; errors?: { message?: unknown }[] } | undefined;
  const sdl = result?.data?._service?.sdl;
  if (typeof sdl === 'string' && sdl.trim() !== '') return sdl;
  const firstError = result?.errors?.[0]?.message;
  if (typeof firstError === 'string') throw unavailable(`it answered HTTP ${status} with the error "${firstError}" (is it a Federation subgraph?)`);
  throw unavailable(`it answered HTTP ${status} without _service.sdl (is it a Federation subgraph?)`);
}

function describeNetworkError(error: unknown): string {
  const { message, code, cause } = (error ?? {}) as { message?: unknown; code?: unknown; cause?: { message?: unknown } };
  const text = typeof message === 'string' && message !== '' ? message : String(error);
  const withCode = typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
  return typeof cause?.message === 'string' ? `${withCode} (${cause.message})` : withCode;
}
