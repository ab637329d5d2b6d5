/**
 * A supergraph with Chinese descriptions is two-byte text, and so is every
 * name graphql-js slices from it. The gateway interns the supergraph's names
 * as one-byte strings first, so its answers' keys, and the JSON of an
 * all-ASCII answer, stay one-byte (half the size; see
 * `supergraph/intern-graphql-names.ts`). The subgraph is a plain HTTP server
 * answering fixed JSON, and the names are fresh, so nothing in this process
 * made them property keys before the gateway did.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, type ExecutionResult } from 'graphql';
import { postGraphQL } from '../../__tests__/helpers/post-graphql';
import { FEDERATION_LINK } from '../../__tests__/helpers/start-test-subgraph';
import { createGateway, type Gateway, type ListeningGateway } from '../../app';
import type { GatewayEngineName } from '../../config';
import { createSilentLogger } from '../../logger';
import { isOneByteString } from '../../supergraph/__tests__/helpers/is-one-byte-string';

/** The composed supergraph of one subgraph, with placeholder names (only these are interned by composing it). */
function placeholderSupergraph(url: string): string {
  const typeDefs = parse(`${FEDERATION_LINK}\ntype Query { itemsPlaceholder: [ItemPlaceholder] }\ntype ItemPlaceholder { stockPlaceholder: Int }`);
  const composed = composeServices([{ name: 'store', url, typeDefs }]);
  if (composed.errors !== undefined || composed.supergraphSdl === undefined) throw new Error(String(composed.errors));
  return composed.supergraphSdl;
}

/** A subgraph that answers `_service { sdl }` with `sdl` and any other operation with `data`. */
async function startFixedJsonSubgraph(sdl: () => string, data: () => string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const asksForSdl = Buffer.concat(chunks).toString('utf8').includes('_service');
      response.writeHead(200, { 'content-type': 'application/json' }).end(asksForSdl ? JSON.stringify({ data: { _service: { sdl: sdl() } } }) : data());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

describe.each<[GatewayEngineName, 'file' | 'subgraphs']>([
  ['planner', 'file'],
  ['apollo', 'file'],
  ['planner', 'subgraphs'],
])('one-byte answers from a supergraph with Chinese descriptions (%s engine, supergraph from %s)', (engine, source) => {
  const suffix = randomBytes(6).toString('hex');
  const names = { items: `items${suffix}`, Item: `Item${suffix}`, stock: `stock${suffix}` };
  let subgraph: { url: string; server: Server };
  let gateway: Gateway;
  let listening: ListeningGateway;
  let directory: string;
  const results: ExecutionResult[] = [];

  beforeAll(async () => {
    const subgraphSdl = (): string =>
      `${FEDERATION_LINK}\ntype Query { ${names.items}: [${names.Item}] }\n"""电子证照（库存）"""\ntype ${names.Item} { ${names.stock}: Int }`;
    subgraph = await startFixedJsonSubgraph(subgraphSdl, () => `{"data":{"${names.items}":[{"${names.stock}":7},{"${names.stock}":12}]}}`);
    directory = mkdtempSync(join(tmpdir(), 'govgraph-one-byte-'));
    const path = join(directory, 'supergraph.graphql');
    writeFileSync(
      path,
      placeholderSupergraph(subgraph.url)
        .replaceAll('itemsPlaceholder', names.items)
        .replaceAll('ItemPlaceholder', names.Item)
        .replaceAll('stockPlaceholder', names.stock)
        .replace(`type ${names.Item}`, `"""电子证照（库存）"""\ntype ${names.Item}`),
    );
    gateway = await createGateway(
      {
        supergraph: source === 'file' ? { kind: 'file', path } : { kind: 'subgraphs', subgraphs: [{ name: 'store', url: subgraph.url }] },
        engine,
      },
      { logger: createSilentLogger(), plugins: [{ onExecute: () => ({ onExecuteDone: ({ result }) => void results.push(result as ExecutionResult) }) }] },
    );
    listening = await gateway.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await gateway?.stop();
    await new Promise((resolve) => subgraph?.server.close(resolve));
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('answers with the exact data, and the answer it serialises is one-byte JSON', async () => {
    const answer = await postGraphQL(listening.url, `{ ${names.items} { ${names.stock} } }`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { [names.items]: [{ [names.stock]: 7 }, { [names.stock]: 12 }] } });
    expect(results).toHaveLength(1);
    const json = JSON.stringify(results[0]);
    expect(json).toBe(`{"data":{"${names.items}":[{"${names.stock}":7},{"${names.stock}":12}]}}`);
    expect(isOneByteString(json)).toBe(true);
  });

  it('the schema clients query has one-byte names although the SDL was two-byte text', () => {
    const type = gateway.engine.schema.getType(names.Item);
    expect(type?.description).toBe('电子证照（库存）');
    const fields = Object.keys((gateway.engine.schema.getQueryType()?.getFields() ?? {}) as object);
    expect(fields).toEqual([names.items]);
    expect(fields.every(isOneByteString)).toBe(true);
  });
});
