/**
 * Starts the whole platform for a test: every server on an ephemeral
 * loopback port, data in a fresh temporary directory, the clock pinned so
 * answers are exact. `close()` stops everything and removes the directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type Platform, type PlatformOptions } from '@govgraph/example-platform';

/** The instant every test platform's clock shows: 2026-06-30 10:00 in China. */
export const TEST_NOW = new Date('2026-06-30T10:00:00+08:00');

/** A platform started by {@link startTestPlatform}. */
export interface TestPlatform extends Platform {
  /**
   * Sends one GraphQL request to the gateway, as the demo application granted
   * L4 with every mask cleared unless `headers` carries another `x-api-key`
   * (or `x-api-key: ''` to send none).
   */
  graphql<TData = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<TData>>;
}

/** A gateway answer: HTTP status, headers and the parsed body. */
export interface GraphQLResponse<TData> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { data?: TData | null; errors?: GraphQLErrorBody[]; extensions?: Record<string, unknown> };
}

/** One error of a GraphQL response. */
export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string } & Record<string, unknown>;
}

/** Starts the platform; pass options to override the test defaults. */
export async function startTestPlatform(options: Partial<PlatformOptions> = {}): Promise<TestPlatform> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'govgraph-test-'));
  let platform: Platform;
  try {
    platform = await startPlatform({ dataDirectory, now: () => new Date(TEST_NOW), ...options });
  } catch (error) {
    rmSync(dataDirectory, { recursive: true, force: true });
    throw error;
  }
  return {
    ...platform,
    graphql: (query, variables, headers = {}) => {
      const apiKey = platform.access.secrets?.sensitiveApiKey;
      const withKey = apiKey && !('x-api-key' in headers) ? { 'x-api-key': apiKey, ...headers } : headers;
      const sent = Object.fromEntries(Object.entries(withKey).filter(([, value]) => value !== ''));
      return postGraphQL(platform.graphqlUrl, query, variables, sent);
    },
    close: async () => {
      await platform.close();
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

/** POSTs a GraphQL request as JSON and parses the answer. */
export async function postGraphQL<TData = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(variables ? { query, variables } : { query }),
  });
  const text = await response.text();
  let body: GraphQLResponse<TData>['body'];
  try {
    body = JSON.parse(text) as GraphQLResponse<TData>['body'];
  } catch {
    throw new Error(`gateway answered ${response.status} with a non-JSON body: ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body };
}
