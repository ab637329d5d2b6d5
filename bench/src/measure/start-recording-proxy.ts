/**
 * A pass-through HTTP proxy in front of one subgraph that records every call
 * (body, forwarded headers, start and end): how the tour-overhead
 * measurement learns exactly which subgraph calls a gateway makes for an
 * operation, and which of them run in parallel.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One subgraph call the gateway made. */
export interface RecordedCall {
  readonly subgraph: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** `performance.now()` when the request arrived and when the answer was sent. */
  readonly startedAt: number;
  readonly endedAt: number;
}

/** A running proxy. */
export interface RecordingProxy {
  /** Point the gateway here instead of at the subgraph (same path). */
  readonly url: string;
  /** The calls recorded since the last {@link RecordingProxy.take}, which empties the list. */
  take(): RecordedCall[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/** Starts a proxy on loopback for the subgraph at `targetUrl`, recording into `sink`. */
export async function startRecordingProxy(subgraph: string, targetUrl: string, sink: RecordedCall[]): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const server = createServer((req, res) => {
    const startedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = forwardable(req.headers);
      fetch(targetUrl, { method: req.method ?? 'POST', headers, body: req.method === 'GET' ? undefined : body }).then(
        async (response) => {
          const text = await response.text();
          res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
          res.end(text);
          sink.push({ subgraph, url: targetUrl, headers, body, startedAt, endedAt: performance.now() });
        },
        (error: unknown) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(error instanceof Error ? error.message : String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    take: () => sink.splice(0, sink.length),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
