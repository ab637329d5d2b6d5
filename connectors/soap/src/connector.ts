/**
 * `soapSource(config)`: a SOAP legacy system as a plain object that satisfies
 * the SDK's `Source` (no base class), plus `call`. `start()` reads the WSDL;
 * everything else lives in the closure, nothing is module-level.
 */
import {
  BadGatewayError,
  createCallDeadline,
  createCallRunner,
  createResiliencePolicy,
  createUpstreamDataError,
  createUpstreamTimeoutError,
  decodeText,
  describeTransportFailure,
  getRequestScope,
  isGovgraphError,
  mapTransportFailure,
  REQUEST_ID_HEADER,
  resolveCapabilities,
  type CallCounters,
  type HealthReport,
  type Logger,
} from '@govgraph/sdk';
import { createSoapClient, type SoapClient } from './client';
import type { SoapSourceConfig } from './config';
import { xmlCharset } from './xml-charset';
import { buildRequestBody, wrapEnvelope } from './envelope';
import { UnsafeXmlError } from './parse-safe-xml';
import { readResponse } from './read-response';
import { readWsdl, type SoapServiceDescription } from './read-wsdl';
import type { SoapCallOptions, SoapSource } from './soap-source';
import { SOAP_PROTOCOLS } from './soap-version';
import { createUsernameTokenHeader } from './username-token';

/**
 * Creates a SOAP source. Nothing is opened until `start()`, which fetches and reads the WSDL.
 *
 * @example
 * const registry = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: 'http://registry.internal/PersonService' }));
 * await registry.start({ logger });
 * const person = await registry.call<PersonRecord>('GetPerson', { idNumber }, { arrays: ['address'] });
 */
export function soapSource(config: SoapSourceConfig): SoapSource {
  const label = `soap source "${config.name}"`;
  // 'auto': SOAP 1.2 if the WSDL offers it, else 1.1; the version read is in `service.soapVersion`.
  const candidates = config.soapVersion === 'auto' ? [SOAP_PROTOCOLS['1.2'], SOAP_PROTOCOLS['1.1']] : [SOAP_PROTOCOLS[config.soapVersion]];
  const securityHeader = config.security ? createUsernameTokenHeader(config.security) : undefined;
  let state: 'idle' | 'starting' | 'running' | 'stopped' = 'idle';
  let client: SoapClient | undefined;
  let service: SoapServiceDescription | undefined;
  let startLogger: Logger | undefined;
  const counters: CallCounters = { calls: 0, failures: 0, timeouts: 0 };
  const capabilities = config.capabilities ?? resolveCapabilities(undefined, config);
  const policy = createResiliencePolicy({ source: config.name, capabilities });
  const run = createCallRunner({ source: config.name, policy, counters, logger: () => startLogger });
  // SOAP has no safe verbs: only operations the manifest declares idempotent are ever retried.
  const idempotent = new Set(capabilities.idempotentOperations ?? []);

  const notRunning = (): Error =>
    new Error(state === 'stopped' ? `${label} is stopped` : `${label} is not started: call start() and wait for it first`);

  /** Fetches and reads the WSDL; the errors say whether the system is down or its WSDL unusable. */
  const loadService = async (current: SoapClient): Promise<SoapServiceDescription> => {
    const deadline = createCallDeadline(config.timeoutMs);
    try {
      const response = await current.fetchWsdl(deadline.signal);
      if (response.status !== 200) {
        throw new BadGatewayError(`could not fetch the WSDL of legacy system "${config.name}" (HTTP ${response.status})`, {
          cause: new Error(`${response.target} answered HTTP ${response.status}`),
          details: { source: config.name, status: response.status },
        });
      }
      try {
        return readWsdl(decodeText(response.body, xmlCharset(response.contentType, response.body)), candidates);
      } catch (error) {
        const what = error instanceof UnsafeXmlError ? 'a WSDL with a document type declaration, which is refused' : 'a WSDL that cannot be used';
        throw createUpstreamDataError(config.name, what, response.status, new Error(`${response.target}: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
      }
    } catch (error) {
      if (isGovgraphError(error)) throw error;
      if (deadline.timedOut) throw createUpstreamTimeoutError(config.name, config.timeoutMs, error);
      throw mapTransportFailure(config.name, error);
    } finally {
      deadline.dispose();
    }
  };

  return {
    kind: 'soap',
    name: config.name,
    capabilities,
    circuit: policy.circuit,

    async start(ctx) {
      if (state !== 'idle') throw new Error(`${label} was already ${state === 'stopped' ? 'stopped' : 'started'}`);
      state = 'starting';
      const current = createSoapClient(config);
      try {
        service = await loadService(current);
      } catch (error) {
        if (state === 'starting') state = 'idle'; // the subgraph may retry start()
        await current.close();
        throw error;
      }
      if (state !== 'starting') {
        await current.close();
        throw new Error(`${label} was stopped while it was starting`);
      }
      if (service.address !== undefined && service.address !== config.endpoint) {
        ctx.logger.debug({ source: config.name }, 'the WSDL names another address than the configured endpoint; calls go to the endpoint');
      }
      startLogger = ctx.logger;
      policy.useMetrics(ctx.metrics);
      client = current;
      state = 'running';
    },

    async checkHealth(): Promise<HealthReport> {
      const started = performance.now();
      const latencyMs = (): number => Math.round(performance.now() - started);
      const current = client;
      if (state !== 'running' || !current) return { status: 'down', detail: state === 'stopped' ? 'stopped' : 'not started', latencyMs: 0 };
      const deadline = createCallDeadline(config.healthTimeoutMs);
      try {
        const status = await current.probe(deadline.signal);
        return policy.withCircuit({ status: status === 200 ? 'up' : 'down', detail: `WSDL: HTTP ${status}`, latencyMs: latencyMs() });
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
      state = 'stopped';
      client = undefined;
      policy.rejectWaiting(new Error(`${label} was stopped`));
      await current?.close();
    },

    async call<T = unknown>(operationName: string, params: Readonly<Record<string, unknown>>, options?: SoapCallOptions): Promise<T> {
      // Programming mistakes and unsendable parameters fail here, before the call is counted or sent.
      const current = client;
      if (state !== 'running' || !current || !service) throw notRunning();
      const operation = service.operations.get(operationName);
      if (!operation) {
        throw new Error(`${label} has no operation "${operationName}" in its WSDL (it has: ${[...service.operations.keys()].join(', ')})`);
      }
      const protocol = SOAP_PROTOCOLS[service.soapVersion];
      const body = buildRequestBody(operation, params);
      const requestId = getRequestScope()?.requestId;
      const headers = { ...config.headers, ...protocol.requestHeaders(operation.soapAction), ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}) };
      return run(
        operationName,
        async (signal) => {
          // The WS-Security header is built per attempt: a fresh nonce and Created every time.
          const envelope = wrapEnvelope(protocol, body, securityHeader?.());
          const response = await current.post(envelope, headers, signal);
          return { status: response.status, value: readResponse<T>(config.name, protocol, operation, response, options?.arrays) };
        },
        { idempotent: idempotent.has(operationName) },
      );
    },

    describe() {
      if (!service || state !== 'running') throw notRunning();
      return service;
    },

    stats: () => ({ ...counters }),
  };
}
