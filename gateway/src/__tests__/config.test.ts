import { parseGatewayConfig } from '../config';
import { gatewayConfigFromEnv } from '../config-from-env';
import { isGatewayError, type GatewayError } from '../errors';

function configError(input: unknown): GatewayError {
  try {
    parseGatewayConfig(input);
  } catch (error) {
    if (isGatewayError(error)) return error;
    throw error;
  }
  throw new Error('expected GW_CONFIG_INVALID');
}

describe('parseGatewayConfig', () => {
  it('applies the documented defaults and freezes the result', () => {
    const config = parseGatewayConfig({ supergraph: { kind: 'file', path: 'supergraph.graphql' } });

    expect(config).toEqual({
      supergraph: { kind: 'file', path: 'supergraph.graphql' },
      port: 4000,
      host: '127.0.0.1',
      logLevel: 'info',
      requestTimeoutMs: 10_000,
      graphiql: true,
      engine: 'planner',
      limits: { maxDocumentBytes: 32_768, maxRequestBytes: 1_048_576 },
      readiness: { probeCacheMs: 5_000, probeTimeoutMs: 2_000 },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.limits)).toBe(true);
    expect(Object.isFrozen(config.supergraph)).toBe(true);
  });

  it('selects the reference engine by name and refuses an unknown one', () => {
    expect(parseGatewayConfig({ supergraph: { kind: 'file', path: 's.graphql' }, engine: 'apollo' }).engine).toBe('apollo');
    expect(gatewayConfigFromEnv({ SUPERGRAPH: 's.graphql', GATEWAY_ENGINE: 'apollo' })).toEqual({ supergraph: { kind: 'file', path: 's.graphql' }, engine: 'apollo' });
    expect(() => parseGatewayConfig({ supergraph: { kind: 'file', path: 's.graphql' }, engine: 'rust' })).toThrow(
      '- engine: must be "apollo" or "planner" (got "rust")',
    );
  });

  it('keeps a partial limits object and fills in the rest', () => {
    const config = parseGatewayConfig({ supergraph: { kind: 'url', url: 'https://registry.intranet/supergraph' }, limits: { maxDocumentBytes: 100 } });

    expect(config.limits).toEqual({ maxDocumentBytes: 100, maxRequestBytes: 1_048_576 });
  });

  it('reports every problem at once, each naming the option and the bad value', () => {
    const error = configError({
      supergraph: {
        kind: 'subgraphs',
        subgraphs: [
          { name: 'users', url: 'ftp://users.intranet/graphql' },
          { name: 'users', url: 'http://users-2.intranet/graphql' },
          { name: '9cases', url: 'http://cases.intranet/graphql' },
        ],
      },
      port: 70_000,
      logLevel: 'verbose',
      requestTimeoutMs: -5,
      graphiql: 'yes',
      limits: { maxDocumentBytes: 0 },
      colour: 'red',
    });

    expect(error.code).toBe('GW_CONFIG_INVALID');
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Invalid gateway configuration (9 problems):');
    expect(lines).toEqual(
      expect.arrayContaining([
        '- supergraph.subgraphs[0].url: must be an absolute http:// or https:// URL (got "ftp://users.intranet/graphql")',
        '- supergraph.subgraphs[1].name: duplicate subgraph name "users" (got "users")',
        expect.stringMatching(/^- supergraph\.subgraphs\[2\]\.name: must start with a letter.* \(got "9cases"\)$/),
        expect.stringMatching(/^- port: .* \(got 70000\)$/),
        expect.stringMatching(/^- logLevel: .* \(got "verbose"\)$/),
        expect.stringMatching(/^- requestTimeoutMs: .* \(got -5\)$/),
        expect.stringMatching(/^- graphiql: .* \(got "yes"\)$/),
        expect.stringMatching(/^- limits\.maxDocumentBytes: .* \(got 0\)$/),
        expect.stringMatching(/^- \(config\): Unrecognized key: "colour"$/),
      ]),
    );
    expect((error.details?.['issues'] as unknown[]).length).toBe(9);
  });

  it('explains the supergraph source union when it is missing or unknown', () => {
    expect(configError({}).message).toContain('- supergraph: must be { kind: "subgraphs", subgraphs } | { kind: "file", path } | { kind: "url", url } (got nothing)');
    expect(configError({ supergraph: { kind: 'registry' } }).message).toMatch(/- supergraph\.kind: .* \(got "registry"\)/);
    expect(configError({ supergraph: { kind: 'subgraphs', subgraphs: [] } }).message).toContain(
      '- supergraph.subgraphs: must list at least one subgraph (got an array)',
    );
  });
});

describe('gatewayConfigFromEnv', () => {
  it('reads the documented variables', () => {
    const config = parseGatewayConfig(
      gatewayConfigFromEnv({
        SUBGRAPHS: 'users=http://users.intranet:4001/graphql, licences=http://licences.intranet:4002/graphql',
        GATEWAY_PORT: '8080',
        GATEWAY_HOST: '0.0.0.0',
        LOG_LEVEL: 'debug',
        GATEWAY_REQUEST_TIMEOUT_MS: '2500',
        GATEWAY_GRAPHIQL: 'false',
        GATEWAY_MAX_DOCUMENT_BYTES: '4096',
      }),
    );

    expect(config).toMatchObject({
      supergraph: {
        kind: 'subgraphs',
        subgraphs: [
          { name: 'users', url: 'http://users.intranet:4001/graphql' },
          { name: 'licences', url: 'http://licences.intranet:4002/graphql' },
        ],
      },
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'debug',
      requestTimeoutMs: 2500,
      graphiql: false,
      limits: { maxDocumentBytes: 4096 },
    });
  });

  it('takes SUPERGRAPH as a URL or a file path', () => {
    expect(gatewayConfigFromEnv({ SUPERGRAPH: 'https://registry.intranet/supergraph.graphql' })).toEqual({
      supergraph: { kind: 'url', url: 'https://registry.intranet/supergraph.graphql' },
    });
    expect(gatewayConfigFromEnv({ SUPERGRAPH: './supergraph.graphql' })).toEqual({
      supergraph: { kind: 'file', path: './supergraph.graphql' },
    });
  });

  it('passes unparsable values on, so the config error shows what was set', () => {
    const message = configError(gatewayConfigFromEnv({ SUBGRAPHS: 'users,licences=http://l/graphql', GATEWAY_PORT: 'eighty' })).message;

    expect(message).toContain('- supergraph.subgraphs[0]: must be an object { name, url } (got "users")');
    expect(message).toMatch(/- port: .* \(got "eighty"\)/);
  });

  it('refuses SUBGRAPHS and SUPERGRAPH together', () => {
    expect(() => gatewayConfigFromEnv({ SUBGRAPHS: 'users=http://u/graphql', SUPERGRAPH: 'supergraph.graphql' })).toThrow(
      /SUBGRAPHS and SUPERGRAPH are both set/,
    );
  });
});
