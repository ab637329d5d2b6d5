/**
 * The state of a source's circuit breaker as `/readyz` and metrics show it.
 * `half-open` also covers an open circuit whose wait is over: the next call
 * is let through as a trial (cockatiel moves to half-open only when it comes).
 */

/** A circuit breaker's state: `open` fails calls fast; `half-open` lets one trial call through. */
export type CircuitStatus = 'closed' | 'open' | 'half-open';
