/**
 * Validation of the scalar options of `createSubgraph`. Functions and classes
 * (resolvers, sources, loaders) are checked by TypeScript; what comes from a
 * department's environment (name, limits, timeouts) is checked here, all
 * problems reported at once, naming the option and the bad value.
 */
import { z } from 'zod';
import { ConfigError } from './errors';

const subgraphSettingsSchema = z.object({
  /** Subgraph name, as the gateway knows it: lower-case, digits and dashes. */
  name: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes, starting with a letter'),
  /** @default '/graphql' */
  graphqlEndpoint: z.string().startsWith('/').default('/graphql'),
  /** Per-source time budget of `/readyz`. @default 2000 */
  readinessTimeoutMs: z.number().int().min(50).max(60_000).default(2000),
  /** Largest request body accepted, in bytes. @default 1048576 */
  maxRequestBytes: z.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  /** Show unexpected errors' messages to clients (local development only). @default false */
  exposeUnexpectedErrors: z.boolean().default(false),
});

/** The validated scalar settings of a subgraph. */
export type SubgraphSettings = Readonly<z.output<typeof subgraphSettingsSchema>>;

/** Parses the scalar settings of `createSubgraph`; throws `ConfigError` listing every problem. */
export function parseSubgraphSettings(input: unknown): SubgraphSettings {
  const result = subgraphSettingsSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}${describeInput(input, issue.path)}`);
    throw new ConfigError(`Invalid subgraph options:\n  - ${problems.join('\n  - ')}`, { details: { problems } });
  }
  return Object.freeze(result.data);
}

function describeInput(input: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = input;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
}
