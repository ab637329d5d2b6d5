/**
 * A subgraph shows its sources' circuits in /readyz and serves Prometheus
 * metrics (its own requests and its sources' calls) at /metrics.
 */
import 'reflect-metadata';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import {
  BadGatewayError,
  createCallDeadline,
  createResiliencePolicy,
  createSilentLogger,
  createSubgraph,
  parseCapabilityManifest,
  type HealthReport,
  type Source,
  type SourceStartContext,
  type SubgraphContext,
} from '..';

/** A source whose legacy system is a switch, calling it through the SDK's resilience policy. */
function switchedSource() {
  const capabilities = parseCapabilityManifest({ circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: 200 } });
  const policy = createResiliencePolicy({ source: 'switch-registry', capabilities });
  const state = { down: true, calls: 0 };
  return {
    kind: 'memory',
    name: 'switch-registry',
    capabilities,
    state,
    circuit: policy.circuit,
    async start(ctx: SourceStartContext) {
      policy.useMetrics(ctx.metrics);
    },
    async stop() {},
    async checkHealth(): Promise<HealthReport> {
      return { status: 'up' };
    },
    async lookUp(code: string): Promise<string> {
      const deadline = createCallDeadline(capabilities.timeoutMs);
      try {
        return await policy.execute(
          { operation: 'lookUp', idempotent: false, signal: deadline.signal, expiresAt: deadline.expiresAt, settle: (error) => error },
          async () => {
            state.calls += 1;
            if (state.down) throw new BadGatewayError('legacy system "switch-registry" is unreachable (connection refused)', { details: { source: 'switch-registry' } });
            return `item ${code}`;
          },
        );
      } finally {
        deadline.dispose();
      }
    },
  } satisfies Source & Record<string, unknown>;
}

type Sources = { registry: ReturnType<typeof switchedSource> };

@Resolver()
class LookUpResolver {
  @Query(() => String, { nullable: true })
  lookUp(@Arg('code') code: string, @Ctx() ctx: SubgraphContext<Sources>) {
    return ctx.sources.registry.lookUp(code);
  }
}

describe('a subgraph with a resilient source', () => {
  const registry = switchedSource();
  const subgraph = createSubgraph({ name: 'switches', resolvers: [LookUpResolver], sources: { registry }, security: { mode: 'development' }, logger: createSilentLogger() });
  const query = async (code: string) => {
    const response = await subgraph.fetch('http://switches.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ lookUp(code: "${code}") }` }),
    });
    return (await response.json()) as { data?: { lookUp: string | null }; errors?: { message: string }[] };
  };

  beforeAll(() => subgraph.start());
  afterAll(() => subgraph.stop());

  it('reports the circuit in /readyz: closed, then open (source down) after consecutive failures, then closed again', async () => {
    const ready = await (await subgraph.fetch('http://switches.test/readyz')).json();
    expect(ready).toMatchObject({ status: 'ready', sources: { registry: { status: 'up', circuit: 'closed' } } });

    await query('a');
    await query('b');
    const failedFast = await query('c');
    expect(failedFast.errors?.[0]?.message).toBe('legacy system "switch-registry" is unavailable (circuit open)');
    expect(registry.state.calls).toBe(2);
    const notReady = await subgraph.fetch('http://switches.test/readyz');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'not-ready', sources: { registry: { status: 'down', circuit: 'open' } } });

    const metrics = await (await subgraph.fetch('http://switches.test/metrics')).text();
    expect(metrics).toContain('govgraph_source_circuit_state{source="switch-registry",subgraph="switches"} 2');
    expect(metrics).toContain('govgraph_source_rejections_total{source="switch-registry",operation="lookUp",reason="circuit-open",subgraph="switches"} 1');
    expect(metrics).toContain('govgraph_source_calls_total{source="switch-registry",operation="lookUp",outcome="unavailable",subgraph="switches"} 2');
    expect(metrics).toContain('govgraph_subgraph_requests_total{outcome="partial",subgraph="switches"} 3');

    registry.state.down = false;
    await new Promise((resolve) => setTimeout(resolve, 220));
    expect(await (await subgraph.fetch('http://switches.test/readyz')).json()).toMatchObject({ sources: { registry: { status: 'up', circuit: 'half-open' } } });
    expect(await query('d')).toEqual({ data: { lookUp: 'item d' } });
    expect(await (await subgraph.fetch('http://switches.test/readyz')).json()).toMatchObject({ status: 'ready', sources: { registry: { circuit: 'closed' } } });
  });

  it('serves Prometheus text at GET /metrics with request outcomes and durations', async () => {
    await subgraph.fetch('http://switches.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nope }' }),
    });
    const response = await subgraph.fetch('http://switches.test/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('govgraph_subgraph_requests_total{outcome="error",subgraph="switches"} 1');
    expect(text).toMatch(/govgraph_subgraph_request_duration_seconds_count\{subgraph="switches",outcome="success"\} 1\n/);
    expect(text).toContain('# TYPE govgraph_source_call_duration_seconds histogram');
  });
});
