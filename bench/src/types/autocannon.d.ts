/**
 * The part of autocannon 8's programmatic API the runner uses (the package
 * ships no types and there is no @types package installed).
 */
declare module 'autocannon' {
  /** One request of a sequence each connection sends in turn (autocannon's `requests` option). */
  interface AutocannonRequest {
    method?: 'GET' | 'POST';
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface AutocannonOptions {
    url: string;
    /** Each connection cycles through these; fields not given come from the options above. */
    requests?: AutocannonRequest[];
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    timeout?: number;
  }
  interface Percentiles {
    average: number;
    p50: number;
    p99: number;
    max: number;
    total: number;
  }
  interface AutocannonResult {
    /** Seconds the run lasted. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    latency: Percentiles;
    requests: Percentiles & { sent: number };
    throughput: Percentiles;
  }
  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
  export = autocannon;
}
