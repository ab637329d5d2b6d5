/** `src/main.ts` of a scaffolded subgraph: environment → config → listen, through the SDK's `runSubgraphMain`. */
import type { ScaffoldContext } from '../scaffold-context';
import { allConfigFields } from './config-file';

/** Renders `src/main.ts`. */
export function mainFile(context: ScaffoldContext): string {
  const { pascal, kebab } = context.names;
  const fields = allConfigFields(context);
  const table = fields.map((field) => ` * | \`${field.env}\` | ${field.doc} | ${field.defaultText.replace(/`/g, '')} |`).join('\n');
  const reads = fields.map((field) => `    ${field.key}: env['${field.env}'],`).join('\n');
  return `/**
 * Runs the ${kebab} subgraph: environment → configuration → listen. The only
 * reader of \`process.env\` in this package.
 *
 * | variable | meaning | default |
 * |---|---|---|
${table}
 *
 * | \`GATEWAY_JWKS_URL\` | verify the gateway's context token with its JWKS | one of these three |
 * | \`GATEWAY_PUBLIC_KEY_JWK\` | verify it with the gateway's Ed25519 public key (JWK, JSON) | |
 * | \`GOVGRAPH_DEV_MODE\` | \`1\`: development only, every caller trusted | |
 *
 * Exits 1 with a readable message when the configuration is invalid or the
 * server cannot start; SIGINT/SIGTERM close it gracefully.
 */
import { runSubgraphMain } from '@govgraph/sdk';
import { create${pascal}Subgraph } from './app';
import { parse${pascal}SubgraphConfig } from './config';

void runSubgraphMain({
  name: '${kebab} subgraph',
  showErrorCode: false,
  announce: 'log',
  configFromEnv: (env) => ({
${reads}
  }),
  parseConfig: parse${pascal}SubgraphConfig,
  create: create${pascal}Subgraph,
});
`;
}
