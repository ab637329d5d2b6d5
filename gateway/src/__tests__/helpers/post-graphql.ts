/**
 * Posts a GraphQL request to a gateway over real HTTP (loopback only) and
 * returns status, headers and the parsed body.
 */

/** The parsed answer of {@link postGraphQL}. */
export interface GraphQLHttpResult {
  readonly status: number;
  readonly headers: Headers;
  /** The raw body, to check that nothing leaks (URLs, host names). */
  readonly text: string;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

/** POSTs `{ query, variables }` to `${baseUrl}/graphql`. */
export async function postGraphQL(
  baseUrl: string,
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphQLHttpResult> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as GraphQLHttpResult['body'] };
}
