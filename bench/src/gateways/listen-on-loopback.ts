/**
 * Serves a node:http request listener and returns the GraphQL URL and a
 * close that also ends keep-alive connections (load generators hold them).
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningBenchGateway } from './bench-gateway';

/** Listens on `host:port` and serves `listener`; `path` is the GraphQL endpoint's path. */
export async function listenOnLoopback(
  listener: RequestListener,
  options: { host: string; port: number; path: string; onClose: () => Promise<void> },
): Promise<RunningBenchGateway> {
  const server = createServer(listener);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${options.host}:${port}${options.path}`,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(options.onClose)),
  };
}
