import { GraphQLError } from 'graphql';
import { GW_ERRORS } from '../../errors';
import { isShowable, maskError } from '../mask-error';

describe('maskError', () => {
  it('masks a plain Error as INTERNAL_SERVER_ERROR, keeping nothing of its message', () => {
    const masked = maskError(new Error('password=hunter2 at db.intranet'), 'Unexpected error.') as GraphQLError;

    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(masked)).not.toContain('hunter2');
  });

  it('masks a GraphQLError that wraps a thrown Error, keeping its path', () => {
    const wrapped = new GraphQLError('Expected "data._entities" to contain 2 elements', { path: ['people', 0], originalError: new Error('x') });

    const masked = maskError(wrapped, 'Unexpected error.') as GraphQLError;

    expect(masked.message).toBe('Unexpected error.');
    expect(masked.path).toEqual(['people', 0]);
  });

  it('shows gateway registry errors, parse and validation errors as they are', () => {
    const registry = GW_ERRORS.GW_DOCUMENT_TOO_LARGE.err('too large');
    const parse = new GraphQLError('Syntax Error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });

    expect(maskError(registry, 'Unexpected error.')).toBe(registry);
    expect(maskError(parse, 'Unexpected error.')).toBe(parse);
  });

  it("shows an error a subgraph reported (@apollo/gateway wraps the response's plain object)", () => {
    const fromSubgraph = new GraphQLError('The licence library is down.', {
      originalError: { message: 'The licence library is down.', extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE' } } as unknown as Error,
      extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE', serviceName: 'licences' },
    });

    expect(isShowable(fromSubgraph)).toBe(true);
  });

  it('does not show an Error that merely claims a serviceName', () => {
    const thrown = new GraphQLError('request to http://10.0.0.9/graphql failed', {
      originalError: new Error('ECONNREFUSED'),
      extensions: { serviceName: 'licences' },
    });

    expect(isShowable(thrown)).toBe(false);
  });
});
