/**
 * Reads a `--wsdl` / `--openapi` argument: a file path (relative to the
 * working directory) or an http(s) URL (fetched once, within a deadline).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The deadline of fetching a document by URL. */
const FETCH_TIMEOUT_MS = 15_000;

/**
 * Returns the document's text.
 * @throws Error naming the document and what went wrong.
 */
export async function readDocument(location: string, cwd: string): Promise<string> {
  if (/^https?:\/\//i.test(location)) {
    let response: Response;
    try {
      response = await fetch(location, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (error) {
      throw new Error(`cannot fetch ${location}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new Error(`cannot fetch ${location}: HTTP ${response.status}`);
    return response.text();
  }
  try {
    return await readFile(resolve(cwd, location), 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${location}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
