/**
 * Turns environment variables into the input of `parseGatewayConfig`. It takes
 * the environment as an argument (it never reads `process.env` itself, only
 * `main.ts` does) so it can be tested, and it leaves every judgement about
 * values to the config schema: an unparsable value is passed on as the raw
 * string, so the config error names the option and shows what was set.
 *
 * | variable        | config option                    | format                               |
 * |-----------------|----------------------------------|--------------------------------------|
 * | `GATEWAY_PORT`  | `port` (@default 4000)           | integer                              |
 * | `GATEWAY_HOST`  | `host` (@default 127.0.0.1)      | interface to listen on               |
 * | `SUBGRAPHS`     | `supergraph: { kind: 'subgraphs' }` | `name=url,name=url`               |
 * | `SUPERGRAPH`    | `supergraph: { kind: 'file' \| 'url' }` | file path, or http(s) URL     |
 * | `LOG_LEVEL`     | `logLevel` (@default info)       | debug, info, warn, error, silent     |
 * | `GATEWAY_REQUEST_TIMEOUT_MS` | `requestTimeoutMs` (@default 10000) | integer             |
 * | `GATEWAY_GRAPHIQL` | `graphiql` (@default true)    | true / false                         |
 * | `GATEWAY_ENGINE` | `engine` (@default planner)     | apollo, planner                      |
 * | `GATEWAY_MAX_DOCUMENT_BYTES` | `limits.maxDocumentBytes` (@default 32768) | integer      |
 * | `GATEWAY_DEDUPE` | `dedupe.enabled` (@default true) | true / false                         |
 * | `GATEWAY_DEDUPE_ACROSS_IDENTITIES` | `dedupe.acrossIdentities` | `name,name` (identity-independent subgraphs) |
 */
import type { GatewayConfigInput } from './config';
import { GW_ERRORS } from './errors';

/** The environment, as `process.env` has it. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Builds the gateway's config input from `env`.
 * @throws GatewayError `GW_CONFIG_INVALID` when both `SUBGRAPHS` and `SUPERGRAPH`
 *   are set (they are mutually exclusive); everything else is judged by `parseGatewayConfig`.
 */
export function gatewayConfigFromEnv(env: Environment): unknown {
  const input: Record<string, unknown> = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) input[key] = value;
  };
  const subgraphs = nonEmpty(env['SUBGRAPHS']);
  const supergraph = nonEmpty(env['SUPERGRAPH']);
  if (subgraphs !== undefined && supergraph !== undefined) {
    throw GW_ERRORS.GW_CONFIG_INVALID.err(
      'Invalid gateway configuration (1 problem):\n- SUBGRAPHS and SUPERGRAPH are both set: set SUBGRAPHS to compose from running subgraphs, or SUPERGRAPH to load a composed supergraph, not both',
    );
  }
  if (subgraphs !== undefined) {
    input['supergraph'] = { kind: 'subgraphs', subgraphs: parseSubgraphList(subgraphs) };
  } else if (supergraph !== undefined) {
    input['supergraph'] = /^https?:\/\//i.test(supergraph) ? { kind: 'url', url: supergraph } : { kind: 'file', path: supergraph };
  }
  set('port', integer(env['GATEWAY_PORT']));
  set('host', nonEmpty(env['GATEWAY_HOST']));
  set('logLevel', nonEmpty(env['LOG_LEVEL']));
  set('requestTimeoutMs', integer(env['GATEWAY_REQUEST_TIMEOUT_MS']));
  set('graphiql', boolean(env['GATEWAY_GRAPHIQL']));
  set('engine', nonEmpty(env['GATEWAY_ENGINE']));
  const maxDocumentBytes = integer(env['GATEWAY_MAX_DOCUMENT_BYTES']);
  if (maxDocumentBytes !== undefined) input['limits'] = { maxDocumentBytes };
  const dedupeEnabled = boolean(env['GATEWAY_DEDUPE']);
  const acrossIdentities = nonEmpty(env['GATEWAY_DEDUPE_ACROSS_IDENTITIES']);
  if (dedupeEnabled !== undefined || acrossIdentities !== undefined) {
    input['dedupe'] = {
      ...(dedupeEnabled !== undefined ? { enabled: dedupeEnabled } : {}),
      ...(acrossIdentities !== undefined ? { acrossIdentities: acrossIdentities.split(',').map((name) => name.trim()).filter((name) => name !== '') } : {}),
    };
  }
  return input satisfies Partial<Record<keyof GatewayConfigInput, unknown>>;
}

/** Parses `name=url,name=url`; an entry without `=` is passed on as its raw string for the config error. */
function parseSubgraphList(value: string): unknown[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const at = entry.indexOf('=');
      return at > 0 ? { name: entry.slice(0, at).trim(), url: entry.slice(at + 1).trim() } : entry;
    });
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
}

function integer(value: string | undefined): number | string | undefined {
  const raw = nonEmpty(value);
  return raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : raw;
}

function boolean(value: string | undefined): boolean | string | undefined {
  const raw = nonEmpty(value)?.toLowerCase();
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return raw;
}
