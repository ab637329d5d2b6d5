/** `src/main.ts` of a scaffolded subgraph: environment → config → listen. */
import type { ScaffoldContext } from '../scaffold-context';
import { allConfigFields } from './config-file';

/** Renders `src/main.ts`. */
export function mainFile(context: ScaffoldContext): string {
  const { pascal, kebab } = context.names;
  const fields = allConfigFields(context);
  const table = fields.map((field) => ` * | \`${field.env}\` | ${field.doc} | ${field.defaultText.replace(/`/g, '')} |`).join('\n');
  const reads = fields.map((field) => `        ${field.key}: env['${field.env}'],`).join('\n');
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
import { createLogger, isGovgraphError, SECURITY_ENVIRONMENT_HELP, securityInputFromEnv } from '@govgraph/sdk';
import { create${pascal}Subgraph } from './app';
import { parse${pascal}SubgraphConfig } from './config';

async function main(): Promise<void> {
  const env = process.env;
  const security = securityInputFromEnv(env);
  if (security === undefined) {
    process.stderr.write(\`${kebab} subgraph failed to start: no caller trust configured.\\n\${SECURITY_ENVIRONMENT_HELP}\`);
    process.exit(1);
  }
  const config = parse${pascal}SubgraphConfig({
    ...Object.fromEntries(
      Object.entries({
${reads}
      }).filter(([, value]) => value !== undefined && value !== ''),
    ),
    security,
  });
  const logger = createLogger({ level: config.logLevel });
  const running = await create${pascal}Subgraph(config, { logger }).listen({ port: config.port, host: config.host });
  logger.info({ url: running.url }, 'the ${kebab} subgraph is listening');
  let closing = false;
  const close = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'closing the ${kebab} subgraph');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'the ${kebab} subgraph did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

main().catch((error: unknown) => {
  const message = isGovgraphError(error) || error instanceof Error ? error.message : String(error);
  process.stderr.write(\`${kebab} subgraph failed to start: \${message}\\n\`);
  process.exit(1);
});
`;
}
