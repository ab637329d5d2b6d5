import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GW_ERRORS, GatewayError, toSubgraphFailure, type GatewayErrorCode } from '../errors';

/** The rows of the README's "Error codes" table: code → HTTP status. */
function readmeErrorCodes(): Map<string, number> {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.split(/^## Error codes\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = new Map<string, number>();
  for (const match of section.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)) {
    rows.set(match[1] as string, Number(match[2]));
  }
  return rows;
}

describe('GW_ERRORS', () => {
  const codes = Object.keys(GW_ERRORS) as GatewayErrorCode[];

  it.each(codes)('documents %s in the README "Error codes" table with its status', (code) => {
    expect(readmeErrorCodes().get(code)).toBe(GW_ERRORS[code].status);
  });

  it('documents no code in the README that the registry does not have', () => {
    expect([...readmeErrorCodes().keys()].filter((code) => !(code in GW_ERRORS))).toEqual([]);
  });

  it.each(codes)('%s has a SCREAMING_SNAKE code, a description and a version', (code) => {
    const definition = GW_ERRORS[code];
    expect(definition.code).toBe(code);
    expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(definition.description.length).toBeGreaterThan(10);
    expect(definition.addedIn).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('err() sets extensions.code and extensions.http.status, and keeps the cause out of the JSON', () => {
    const cause = new Error('connect ECONNREFUSED 10.0.0.1:4001');
    const error = GW_ERRORS.GW_SUBGRAPH_UNAVAILABLE.err('Subgraph "users" is unavailable.', { cause, extensions: { serviceName: 'users' } });

    expect(error).toBeInstanceOf(GatewayError);
    expect(error.code).toBe('GW_SUBGRAPH_UNAVAILABLE');
    expect(error.status).toBe(502);
    expect(error.cause).toBe(cause);
    expect(error.originalError).toBeUndefined();
    expect(error.toJSON()).toEqual({
      message: 'Subgraph "users" is unavailable.',
      extensions: { code: 'GW_SUBGRAPH_UNAVAILABLE', http: { status: 502 }, serviceName: 'users' },
    });
    expect(JSON.stringify(error)).not.toContain('10.0.0.1');
  });

  it('toSubgraphFailure() keeps message and code and drops the HTTP status', () => {
    expect(toSubgraphFailure(GW_ERRORS.GW_SUBGRAPH_TIMEOUT.err('Subgraph "users" did not answer within 10 ms.'))).toEqual({
      message: 'Subgraph "users" did not answer within 10 ms.',
      extensions: { code: 'GW_SUBGRAPH_TIMEOUT' },
    });
  });
});
