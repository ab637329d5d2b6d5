/**
 * A real HTTP server on 127.0.0.1:0 for connector tests (a test utility, not
 * for production): records what it was sent, how many requests were in flight
 * at once, and how many sockets the client closed, so a test can assert on the
 * wire rather than on a stubbed client. Close it in `afterEach`/`afterAll`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request the test server received, with its whole body as UTF-8 text. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** Answers one request; `body` is already read. A rejection is answered with status 599 and the error text. */
export type TestHttpHandler = (req: IncomingMessage, res: ServerResponse, body: string) => unknown;

/** A running test server; what it counts is read live through the getters. */
export interface TestHttpServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Every request received so far, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Highest number of requests being handled at the same time. */
  readonly maxInFlight: number;
  /** Sockets closed so far (by either side). */
  readonly closedSockets: number;
  /** Resolves when `count` sockets have closed (or rejects after `timeoutMs`). */
  waitForClosedSockets(count: number, timeoutMs?: number): Promise<void>;
  /** Destroys open sockets (keep-alive included) and closes the server. */
  close(): Promise<void>;
}

/** Starts a {@link TestHttpServer} on an ephemeral loopback port, answering with `handler`. */
export async function startTestHttpServer(handler: TestHttpHandler): Promise<TestHttpServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;
  let closedSockets = 0;
  const closeWaiters: Array<() => void> = [];

  const server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let finished = false;
    const done = (): void => {
      if (finished) return;
      finished = true;
      inFlight -= 1;
    };
    res.on('finish', done);
    res.on('close', done);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      Promise.resolve(handler(req, res, body)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      closedSockets += 1;
      for (const wake of closeWaiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    get closedSockets() {
      return closedSockets;
    },
    async waitForClosedSockets(count, timeoutMs = 1000) {
      const deadline = Date.now() + timeoutMs;
      while (closedSockets < count) {
        if (Date.now() > deadline) throw new Error(`only ${closedSockets} of ${count} sockets closed within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          closeWaiters.push(resolve);
          setTimeout(resolve, 20);
        });
      }
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port nothing listens on (bound, then released), to test "connection refused". */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Sends `value` as JSON with `status` and a `content-length`, for test handlers. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
