/**
 * Reads a composed supergraph SDL from a file, e.g. the output of
 * `rover supergraph compose` checked in beside the deployment.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GW_ERRORS } from '../errors';

/**
 * Returns the file's content.
 * @throws GatewayError `GW_SUPERGRAPH_UNAVAILABLE` if the file cannot be read or is empty.
 */
export async function loadSupergraphFile(path: string): Promise<string> {
  const absolute = resolve(path);
  let sdl: string;
  try {
    sdl = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw GW_ERRORS.GW_SUPERGRAPH_UNAVAILABLE.err(
      `The supergraph file ${absolute} cannot be read${typeof code === 'string' ? ` (${code})` : ''}.`,
      { cause: error },
    );
  }
  if (sdl.trim() === '') throw GW_ERRORS.GW_SUPERGRAPH_UNAVAILABLE.err(`The supergraph file ${absolute} is empty.`);
  return sdl;
}
