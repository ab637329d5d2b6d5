/**
 * The one HTTP server loop every simulator shares: read the body, let the
 * simulator name the operation, count it, apply injected latency and
 * failures, then write the simulator's answer. Protocol code only routes and
 * answers; counting, faults and clean shutdown are written once, here.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCallCounter } from './call-counter';
import { createFaultInjector } from './fault-injector';
import type { SimulatorHandle, SimulatorListenOptions } from './simulator-handle';
import { textResponse, type SimulatorResponse } from './simulator-response';

/** The operation name counted for requests that name no known operation (unknown path, unparseable body). */
export const UNROUTED_OPERATION = '(unrouted)';

/** A fully read request, as a simulator's router sees it. */
export interface SimulatorRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The request target, resolved against a placeholder origin: use `pathname` and `searchParams`. */
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** The router's verdict: which operation this is (for counting and fault targeting) and how to answer it. */
export interface SimulatorRoute {
  readonly operation: string;
  handle(): SimulatorResponse | Promise<SimulatorResponse>;
}

/** Options of {@link startHttpSimulator}. @internal */
export interface HttpSimulatorOptions extends SimulatorListenOptions {
  /** The system's name, for logs. */
  readonly name: string;
  /** Appended to the origin to form the handle's `url`, e.g. `/population`. @default '' */
  readonly path?: string;
  /** Names the operation of a request. Must not throw for bad input: route it to an error answer instead. */
  route(request: SimulatorRequest): SimulatorRoute;
  /** The protocol's server error, sent for the injected `error` failure. */
  injectedError(operation: string): SimulatorResponse;
  /** Larger request bodies are refused with 413. @default 1 MiB */
  readonly maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Starts one simulator; resolves once it listens. @internal */
export async function startHttpSimulator(options: HttpSimulatorOptions): Promise<SimulatorHandle> {
  const { name, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const calls = createCallCounter();
  const faults = createFaultInjector();
  const closing = new AbortController();
  const server = createServer({ keepAliveTimeout: 5000 });

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const body = await readBody(req, maxBodyBytes);
    if (body === 'aborted') return;
    const url = parseTarget(req.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const route: SimulatorRoute =
      body === 'too-large'
        ? { operation: UNROUTED_OPERATION, handle: () => textResponse(413, `request body larger than ${maxBodyBytes} bytes`) }
        : url === undefined
          ? { operation: UNROUTED_OPERATION, handle: () => textResponse(400, 'invalid request target') }
          : safeRoute(() => options.route({ method, url, headers: req.headers, body }));
    calls.record(route.operation);
    const decision = faults.decide(route.operation);
    const log = (status: number | string): void =>
      logger?.debug(
        { simulator: name, operation: route.operation, method, path: url?.pathname, status, failure: decision.failure, ms: Math.round(performance.now() - started) },
        'legacy call',
      );

    if (decision.latencyMs > 0) {
      try {
        await sleep(decision.latencyMs, undefined, { signal: closing.signal });
      } catch {
        return; // closing: the connection is being destroyed
      }
    }
    switch (decision.failure) {
      case 'reset':
        log('reset');
        req.socket.resetAndDestroy();
        return;
      case 'hang':
        log('hang');
        return; // answered never; close() destroys the socket
      case 'error':
        write(res, options.injectedError(route.operation));
        log(500);
        return;
      case 'malformed': {
        const answer = await route.handle();
        write(res, truncate(answer));
        log('malformed');
        return;
      }
      case 'none': {
        const answer = await route.handle();
        write(res, answer);
        log(answer.status);
        return;
      }
    }
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    serve(req, res).catch((error: unknown) => {
      logger?.error({ simulator: name, err: error }, 'simulator failed to answer');
      if (!res.headersSent && !res.destroyed) write(res, textResponse(500, 'simulator failure'));
    });
  });
  // A client that disconnects mid-answer must not crash the process.
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost(address.address)}:${address.port}${options.path ?? ''}`,
    port: address.port,
    calls,
    faults,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function safeRoute(route: () => SimulatorRoute): SimulatorRoute {
  try {
    return route();
  } catch (error) {
    return { operation: UNROUTED_OPERATION, handle: () => { throw error; } };
  }
}

/** Reads the whole body, or reports that it was too large (after draining it) or aborted. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', () => resolve('aborted'));
    req.on('aborted', () => resolve('aborted'));
  });
}

function parseTarget(target: string | undefined): URL | undefined {
  try {
    // Prefixing keeps `//x` a path instead of a protocol-relative URL.
    return new URL(`http://simulator.invalid${target ?? '/'}`);
  } catch {
    return undefined;
  }
}

function write(res: ServerResponse, answer: SimulatorResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
  res.end(body);
}

/** The injected `malformed` answer: status 200, same headers, the first half of the body. */
function truncate(answer: SimulatorResponse): SimulatorResponse {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  return { status: 200, headers: answer.headers, body: body.subarray(0, Math.floor(body.length / 2)) };
}

function urlHost(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}
