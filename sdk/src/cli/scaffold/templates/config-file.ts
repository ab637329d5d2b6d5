/** `src/config.ts` of a scaffolded subgraph: a zod schema and `parse<Name>SubgraphConfig`. */
import type { ConfigFieldTemplate, ScaffoldContext } from '../scaffold-context';

/** The options every scaffolded subgraph has, after the kind's own. */
export function commonConfigFields(context: ScaffoldContext): readonly ConfigFieldTemplate[] {
  return [
    {
      key: 'port',
      env: 'PORT',
      tsType: 'number',
      zod: `integerOption(0, 65_535, UNSIGNED).default(DEFAULT_${context.names.constant}_PORT)`,
      doc: 'Port `main.ts` listens on',
      defaultText: `\`${context.defaultPort}\``,
      example: String(context.defaultPort),
    },
    {
      key: 'host',
      env: 'HOST',
      tsType: 'string',
      zod: "z.string({ error: 'must be a host name or address' }).min(1, { error: 'must not be empty' }).default('127.0.0.1')",
      doc: 'Address `main.ts` binds',
      defaultText: '`127.0.0.1`',
      example: '0.0.0.0',
    },
    {
      key: 'logLevel',
      env: 'LOG_LEVEL',
      tsType: "'debug' | 'info' | 'warn' | 'error' | 'silent'",
      zod: "z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'must be one of debug, info, warn, error, silent' }).default('info')",
      doc: 'Level of the default logger',
      defaultText: '`info`',
      example: 'debug',
    },
  ];
}

/** Every option of the subgraph config, kind-specific first. */
export function allConfigFields(context: ScaffoldContext): readonly ConfigFieldTemplate[] {
  return [...context.kind.configFields(context), ...commonConfigFields(context)];
}

const HELPERS: Readonly<Record<string, string>> = {
  httpUrl: `const httpUrl = z.string({ error: 'must be an http(s) URL' }).superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL', input: value });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'must use http or https', input: value });
  // The value itself is not echoed: it holds a secret.
  if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not carry credentials', input: \`\${url.protocol}//***@\${url.host}\` });
});`,
  absolutePath: `const absolutePath = z
  .string({ error: 'must be an absolute path' })
  .refine((value) => isAbsolute(value), { error: 'must be an absolute path' });`,
};

/** Renders `src/config.ts`. */
export function configFile(context: ScaffoldContext): string {
  const { pascal, constant, kebab } = context.names;
  const fields = allConfigFields(context);
  const helperNames = Object.keys(HELPERS).filter((helper) => fields.some((field) => new RegExp(`\\b${helper}\\b`).test(field.zod)));
  const imports = [
    ...(helperNames.includes('absolutePath') ? ["import { isAbsolute } from 'node:path';"] : []),
    "import { ConfigError, integerOption, subgraphSecuritySchema, type SubgraphSecurity } from '@govgraph/sdk';",
    "import { z } from 'zod';",
  ];
  const members = fields
    .map((field) => {
      const defaultDoc = field.defaultText === 'required' ? '' : `\n   * @default ${field.defaultText.replace(/`/g, '')}`;
      return `  /**\n   * ${field.doc}. Env \`${field.env}\`.${defaultDoc}\n   */\n  readonly ${field.key}${field.optional ? '?' : ''}: ${field.tsType}${field.optional ? ' | undefined' : ''};`;
    })
    .join('\n');
  const schema = fields.map((field) => `      ${field.key}: ${field.zod},`).join('\n');
  const secrets = fields.filter((field) => field.secret).map((field) => `'${field.key}'`);
  const secretsDeclaration = secrets.length > 0 ? `\n/** Options whose values are never shown in an error (they are secrets). */\nconst SECRET_OPTIONS: ReadonlySet<string> = new Set([${secrets.join(', ')}]);\n` : '';
  const secretCheck = secrets.length > 0 ? `      if (SECRET_OPTIONS.has(option)) return [\`\${option}: \${issue.message}\`];\n` : '';
  return `/**
 * Configuration of the ${kebab} subgraph. \`parse${pascal}SubgraphConfig\` is the
 * only way in: it applies the defaults, reports every bad option at once
 * (naming it and the value given) and returns a frozen object. \`main.ts\`
 * builds the input from the environment; tests pass objects.
 */
${imports.join('\n')}

/** Default port of the ${kebab} subgraph. */
export const DEFAULT_${constant}_PORT = ${context.defaultPort};

/** A validated, frozen configuration. Build one with {@link parse${pascal}SubgraphConfig}. */
export interface ${pascal}SubgraphConfig {
${members}
  /**
   * How the subgraph trusts callers (the gateway's context token, or development mode). Not validated
   * as required here: \`create${pascal}Subgraph\` refuses to build without it. Env \`GATEWAY_JWKS_URL\`,
   * \`GATEWAY_PUBLIC_KEY_JWK\` or \`GOVGRAPH_DEV_MODE=1\`.
   */
  readonly security?: SubgraphSecurity;
}

/** Integer options: digit strings from the environment are read as numbers; a signed string is refused as set. */
const UNSIGNED = { rangeMessage: true, signed: false } as const;
${helperNames.map((helper) => `\n${HELPERS[helper]}\n`).join('')}${secretsDeclaration}
const ${context.names.camel}SubgraphConfigSchema = z
  .object(
    {
${schema}
      security: subgraphSecuritySchema.optional(),
    },
    { error: 'must be an object' },
  )
  .strict();

/**
 * Validates \`input\` and returns a frozen {@link ${pascal}SubgraphConfig} with defaults applied.
 *
 * @throws ConfigError listing every bad option with the value given.
 */
export function parse${pascal}SubgraphConfig(input: unknown): ${pascal}SubgraphConfig {
  const result = ${context.names.camel}SubgraphConfigSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => {
      const option = issue.path.map(String).join('.') || '(config)';
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => \`\${key}: is not an option\`);
${secretCheck}      return [\`\${option}: \${issue.message}, got \${show(issue.input)}\`];
    });
    throw new ConfigError(
      \`invalid ${kebab} subgraph configuration (\${problems.length} problem\${problems.length === 1 ? '' : 's'}):\\n\${problems.map((p) => \`  - \${p}\`).join('\\n')}\`,
      { details: { problems } },
    );
  }
  return Object.freeze({ ...result.data });
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? \`\${text.slice(0, 77)}...\` : text;
}
`;
}
