/**
 * What every HTTP simulator returns: where it listens, what it received, the
 * switches to break it, and a way to stop it without leaking handles.
 */
import type { Logger } from '@govgraph/sdk';
import type { CallCounter } from './call-counter';
import type { FaultInjector } from './fault-injector';

/** A running simulated legacy system. */
export interface SimulatorHandle {
  /** The URL a client is configured with (documented per system), without a trailing slash. */
  readonly url: string;
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  /** Calls received, in total and per operation. */
  readonly calls: CallCounter;
  /** Latency and failure switches. */
  readonly faults: FaultInjector;
  /** Stops listening, ends hanging requests and keep-alive sockets, cancels pending latency. Idempotent. */
  close(): Promise<void>;
}

/** Where and how a simulator listens; shared by every HTTP simulator's options. */
export interface SimulatorListenOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** 0 picks a free ephemeral port. @default 0 */
  readonly port?: number;
  /** Receives one debug line per request. @default nothing is logged */
  readonly logger?: Logger;
}
