/**
 * The registry as the request path reads it: one snapshot in memory, swapped
 * when the registry changes. A timer asks `reader.version()` (cheap) every
 * `pollMs` and reloads only when it changed, so a revoked or rotated key
 * takes effect on every running replica within seconds, and a request never
 * waits for the database. A failed poll keeps the last snapshot and logs.
 */
import { GW_ERRORS } from '../errors';
import type { Logger } from '../logger';
import type { RegistryReader, RegistrySnapshot } from '../stores/registry-snapshot';

/** Options of {@link createRegistryCache}. */
export interface RegistryCacheOptions {
  readonly reader: RegistryReader;
  /** How often `version()` is asked. @default 2000 */
  readonly pollMs?: number;
  readonly logger?: Logger;
}

/** A polled registry snapshot. */
export interface RegistryCache {
  /** Loads the first snapshot and starts polling. @throws GatewayError `GW_REGISTRY_UNAVAILABLE` */
  start(): Promise<RegistrySnapshot>;
  /** The current snapshot. @throws Error before `start()` resolved */
  current(): RegistrySnapshot;
  /** Checks the version now and reloads on change; true when it reloaded. */
  refresh(): Promise<boolean>;
  /** Stops polling. */
  close(): Promise<void>;
}

/** Creates the cache; call `start()` before serving. */
export function createRegistryCache(options: RegistryCacheOptions): RegistryCache {
  const { reader, logger } = options;
  const pollMs = options.pollMs ?? 2000;
  if (!Number.isInteger(pollMs) || pollMs <= 0) throw new TypeError(`createRegistryCache: pollMs must be a positive integer, got ${String(pollMs)}`);
  let snapshot: RegistrySnapshot | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let refreshing: Promise<boolean> | undefined;

  const refresh = (): Promise<boolean> => {
    refreshing ??= (async () => {
      try {
        const version = await reader.version();
        if (snapshot && version === snapshot.version) return false;
        const next = await reader.load();
        snapshot = next;
        logger?.info({ registryVersion: next.version, applications: next.applicationsById.size }, 'registry snapshot loaded');
        return true;
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  };

  const schedule = (): void => {
    if (closed) return;
    timer = setTimeout(() => {
      refresh().then(
        () => schedule(),
        (error: unknown) => {
          logger?.warn({ err: error }, 'registry poll failed; keeping the last snapshot');
          schedule();
        },
      );
    }, pollMs);
    timer.unref();
  };

  return {
    async start() {
      try {
        await refresh();
      } catch (error) {
        throw GW_ERRORS.GW_REGISTRY_UNAVAILABLE.err(`The registry cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (timer === undefined) schedule();
      return snapshot as RegistrySnapshot;
    },
    current() {
      if (!snapshot) throw new Error('The registry cache was not started.');
      return snapshot;
    },
    refresh,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await refreshing?.catch(() => undefined);
    },
  };
}
