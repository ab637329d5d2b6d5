/**
 * What a failed attempt means for the resilience policy, decided on the SDK's
 * error taxonomy (so it is the same for every protocol):
 *
 * | failure | retried (idempotent calls only) | counts towards opening the circuit |
 * |---|---|---|
 * | unreachable: refused, reset, DNS, TLS (`BadGatewayError` without a status) | yes | yes |
 * | no answer in time (`UpstreamTimeoutError`) | yes | yes |
 * | HTTP 502, 503, 504 | yes | yes |
 * | HTTP 429 | yes (after `Retry-After`) | no: the system is up and pacing us |
 * | HTTP 500 and other 5xx, a SOAP Server fault | yes | no: the system answered, about this request |
 * | 4xx, client faults, unreadable data, conflicts | never | no (an answer: it resets the count) |
 *
 * Counting only "the system cannot be reached or did not answer" (Envoy's
 * *consecutive gateway failure*) keeps one poisoned record that makes the
 * system answer 500 from cutting every caller off from a system that works.
 */
import { BadGatewayError, isGovgraphError, UpstreamTimeoutError } from '../errors';

const GATEWAY_STATUSES = new Set([502, 503, 504]);

function statusOf(error: unknown): number | undefined {
  const status = isGovgraphError(error) ? error.details?.['status'] : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** @internal A failure worth another attempt of an idempotent call: unreachable, no answer, 429 or 5xx. */
export function isRetryableFailure(error: unknown): boolean {
  if (error instanceof UpstreamTimeoutError) return true;
  if (!(error instanceof BadGatewayError)) return false;
  if (isPolicyRejection(error)) return false;
  const status = statusOf(error);
  return status === undefined || status === 429 || status >= 500;
}

/** @internal A failure that says the legacy system is unavailable: counted by the circuit breaker. */
export function isUnavailableFailure(error: unknown): boolean {
  if (error instanceof UpstreamTimeoutError) return true;
  if (!(error instanceof BadGatewayError) || isPolicyRejection(error)) return false;
  const status = statusOf(error);
  return status === undefined || GATEWAY_STATUSES.has(status);
}

/** @internal A taxonomy error that is an answer of the legacy system (or a mapping of one): proof it is up. */
export function isAnsweredFailure(error: unknown): boolean {
  return isGovgraphError(error) && !isUnavailableFailure(error) && !isPolicyRejection(error);
}

/** Why the policy itself refused a call without sending it. */
export type RejectionReason = 'circuit-open' | 'saturated' | 'rate-limited';

/** @internal The reason, if `error` is the policy's own refusal (circuit open, saturated, rate limited). */
export function rejectionReasonOf(error: unknown): RejectionReason | undefined {
  if (!(error instanceof BadGatewayError)) return undefined;
  if (error.details?.['circuit'] === 'open') return 'circuit-open';
  const rejection = error.details?.['rejection'];
  return rejection === 'saturated' || rejection === 'rate-limited' ? rejection : undefined;
}

function isPolicyRejection(error: unknown): boolean {
  return rejectionReasonOf(error) !== undefined;
}
