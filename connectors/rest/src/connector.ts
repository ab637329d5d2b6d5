/**
 * `restSource(config)`: a REST/JSON legacy system as a plain object that
 * satisfies the SDK's `Source` (envelop `Plugin` style, no base class), plus
 * its JSON operations. State (pool, counters, logger) lives in the closure;
 * nothing is module-level, so two sources never share anything.
 */
import {
  createCallDeadline,
  createCallRunner,
  createResiliencePolicy,
  describeTransportFailure,
  getRequestScope,
  resolveCapabilities,
  type CallCounters,
  type HealthReport,
  type Logger,
} from '@govgraph/sdk';
import type { Authenticator } from './auth/authenticator';
import { createAuthenticator } from './auth/create-authenticator';
import { loadClientTls } from './auth/load-client-tls';
import { isMtlsAuthConfig } from './auth/rest-auth-config';
import { sendAuthenticated } from './auth/send-authenticated';
import { createRestClient, type RestClient } from './client';
import type { RestSourceConfig } from './config';
import { isIdempotentRestCall } from './idempotency';
import { collect } from './pagination/collect';
import { paginate } from './pagination/paginate';
import { readResponse } from './read-response';
import type { RestRequest, RestSource } from './rest-source';

/**
 * Creates a REST source. Nothing is opened until `start()`.
 *
 * @example
 * const cases = restSource(parseRestSourceConfig({ name: 'case-handling', baseUrl: 'http://cases.internal/api' }));
 * await cases.start({ logger });
 * const found = await cases.get<CaseRecord>(`/cases/${pathSegment(caseNo)}`, undefined, { operation: 'getCase' });
 */
export function restSource(config: RestSourceConfig): RestSource {
  const label = `rest source "${config.name}"`;
  let state: 'idle' | 'running' | 'stopped' = 'idle';
  let client: RestClient | undefined;
  let auth: Authenticator | undefined;
  let startLogger: Logger | undefined;
  const counters: CallCounters = { calls: 0, failures: 0, timeouts: 0 };
  const capabilities = config.capabilities ?? resolveCapabilities(undefined, config);
  const policy = createResiliencePolicy({ source: config.name, capabilities });
  const run = createCallRunner({
    source: config.name,
    policy,
    counters,
    logger: () => startLogger,
  });

  const runningClient = (): RestClient => {
    if (state === 'running' && client) return client;
    throw new Error(state === 'idle' ? `${label} is not started: call start() first` : `${label} is stopped`);
  };

  const request = async <T>(call: RestRequest<T>): Promise<T> => {
    // Programming mistakes (bad path or header) fail here, before the call is counted or sent.
    const current = runningClient();
    const prepared = current.prepare({ ...call, requestId: getRequestScope()?.requestId });
    const credentials = auth;
    const idempotent = isIdempotentRestCall(call.method, call.operation, capabilities);
    return run(
      call.operation ?? call.method,
      async (signal) => {
        const response = credentials
          ? await sendAuthenticated(config.name, current, credentials, prepared, signal)
          : await current.send(prepared, signal);
        return { status: response.status, value: readResponse(config.name, response, call.schema) };
      },
      { idempotent },
    );
  };

  return {
    kind: 'rest',
    name: config.name,
    capabilities,
    circuit: policy.circuit,

    async start(ctx) {
      if (state !== 'idle') throw new Error(`${label} was already ${state === 'running' ? 'started' : 'stopped'}`);
      startLogger = ctx.logger;
      policy.useMetrics(ctx.metrics);
      // The client certificate is read (and checked) once, here: a bad one stops the start, not every call.
      const tls = isMtlsAuthConfig(config.auth) ? await loadClientTls(config.name, config.auth) : undefined;
      client = createRestClient(config, { tls });
      auth = createAuthenticator(config.auth, { source: config.name, timeoutMs: config.timeoutMs, tls });
      state = 'running';
    },

    async checkHealth(): Promise<HealthReport> {
      const started = performance.now();
      const latencyMs = (): number => Math.round(performance.now() - started);
      const current = client;
      if (state !== 'running' || !current) return { status: 'down', detail: state === 'idle' ? 'not started' : 'stopped', latencyMs: 0 };
      const deadline = createCallDeadline(config.healthTimeoutMs);
      try {
        const status = await current.probe(deadline.signal, auth?.cached());
        const up = status >= 200 && status <= 299;
        return policy.withCircuit({ status: up ? 'up' : 'down', detail: `HTTP ${status}`, latencyMs: latencyMs() });
      } catch (error) {
        const detail = deadline.timedOut ? `no answer within ${config.healthTimeoutMs} ms` : describeTransportFailure(error);
        return policy.withCircuit({ status: 'down', detail, latencyMs: latencyMs() });
      } finally {
        deadline.dispose();
      }
    },

    async stop() {
      if (state === 'stopped') return;
      const current = client;
      const currentAuth = auth;
      state = 'stopped';
      client = undefined;
      auth = undefined;
      policy.rejectWaiting(new Error(`${label} was stopped`));
      await Promise.all([current?.close(), currentAuth?.close()]);
    },

    request,
    get: (path, query, options) => request({ ...options, method: 'GET', path, ...(query === undefined ? {} : { query }) }),
    post: (path, body, options) => request({ ...options, method: 'POST', path, body }),
    paginate: (call, options) => paginate(request, config.name, call, options),
    collect: (call, options) => collect(config.name, paginate(request, config.name, call, options), options),
    stats: () => ({ ...counters }),
  };
}
