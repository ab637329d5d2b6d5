/**
 * A loopback URL nobody listens on: a port that was just bound and released,
 * so a connection to it is refused (the "subgraph is down" case).
 */
import { createServer } from 'node:net';

/** Returns `http://127.0.0.1:<free port>/graphql`. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}
