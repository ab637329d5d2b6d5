/**
 * One GraphQL POST over loopback, returning the status and the parsed body
 * (or the raw text when it is not JSON).
 */

/** The answer to one request. */
export interface GraphQLAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs `{ query }` to `url`. @throws when the connection fails or `timeoutMs` passes */
export async function postGraphQL(
  url: string,
  query: string,
  options: { headers?: Readonly<Record<string, string>>; timeoutMs?: number } = {},
): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = text;
  }
  return { status: response.status, body };
}
