/**
 * Fetches a composed supergraph SDL over HTTP, e.g. from an internal schema
 * registry or an artefact server (never a public one: government intranets
 * are offline).
 */
import { request } from 'undici';
import { GW_ERRORS } from '../errors';

/**
 * Returns the SDL served at `url` (GET, 2xx, non-empty body).
 * @throws GatewayError `GW_SUPERGRAPH_UNAVAILABLE` naming the URL and what went wrong.
 */
export async function fetchSupergraphUrl(url: string, timeoutMs: number): Promise<string> {
  const signal = AbortSignal.timeout(timeoutMs);
  let status: number;
  let sdl: string;
  try {
    const response = await request(url, { method: 'GET', headers: { accept: 'text/plain, application/graphql, */*' }, signal, reset: true });
    status = response.statusCode;
    sdl = await response.body.text();
  } catch (error) {
    const message = (error as { message?: unknown } | null)?.message;
    const why = signal.aborted ? `no answer within ${timeoutMs} ms` : typeof message === 'string' ? message : String(error);
    throw GW_ERRORS.GW_SUPERGRAPH_UNAVAILABLE.err(`The supergraph at ${url} cannot be fetched: ${why}.`, { cause: error });
  }
  if (status < 200 || status >= 300) {
    throw GW_ERRORS.GW_SUPERGRAPH_UNAVAILABLE.err(`The supergraph at ${url} cannot be fetched: HTTP ${status}.`);
  }
  if (sdl.trim() === '') throw GW_ERRORS.GW_SUPERGRAPH_UNAVAILABLE.err(`The supergraph at ${url} is empty.`);
  return sdl;
}
