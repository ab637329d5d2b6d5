/**
 * `/healthz` answers whether the process serves; `/readyz` whether its legacy
 * systems answer, asking every source at once, each bounded by a timeout, so
 * a load balancer can take a subgraph out while a legacy system is down.
 */
import type { HealthReport, Source } from '../source';

/** The body of `/readyz`. */
export interface ReadinessReport {
  readonly status: 'ready' | 'not-ready';
  readonly subgraph: string;
  readonly sources: Readonly<Record<string, HealthReport>>;
}

/** Asks every source for its health; a source that throws or exceeds `timeoutMs` counts as down. */
export async function checkReadiness(
  subgraph: string,
  sources: Readonly<Record<string, Source>>,
  timeoutMs: number,
): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(sources).map(async ([key, source]) => [key, await probe(source, timeoutMs)] as const),
  );
  const ready = entries.every(([, report]) => report.status === 'up');
  return { status: ready ? 'ready' : 'not-ready', subgraph, sources: Object.fromEntries(entries) };
}

async function probe(source: Source, timeoutMs: number): Promise<HealthReport> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthReport>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'down', detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    const report = await Promise.race([
      source.checkHealth().catch((): HealthReport => ({ status: 'down', detail: 'health check failed' })),
      timeout,
    ]);
    const measured = { ...report, latencyMs: report.latencyMs ?? Math.round(performance.now() - started) };
    const circuit = source.circuit?.();
    if (circuit === undefined) return measured;
    // An open circuit fails every call fast: the source cannot serve, whatever its probe says.
    if (circuit === 'open' && measured.status === 'up') return { ...measured, status: 'down', detail: `circuit open; ${measured.detail ?? 'probe answered'}`, circuit };
    return { ...measured, circuit };
  } finally {
    clearTimeout(timer);
  }
}
