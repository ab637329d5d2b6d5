export {
  parseCapabilityManifest,
  resolveCapabilities,
  findCapabilityConflicts,
  capabilityManifestInputSchema,
  CAPABILITY_DEFAULTS,
  type CapabilityManifest,
  type CapabilityManifestInput,
  type ParsedCapabilityInput,
  type CapabilityShortcuts,
  type RetryCapabilities,
  type CircuitBreakerCapabilities,
  type PaginationStyle,
} from './capability-manifest';
export type { CircuitStatus } from './circuit-status';
export {
  createResiliencePolicy,
  type ResiliencePolicy,
  type ResiliencePolicyOptions,
  type ResilientCall,
} from './create-resilience-policy';
export { isRetryableFailure, isUnavailableFailure, isAnsweredFailure, rejectionReasonOf, type RejectionReason } from './classify-failure';
export { parseRetryAfter, retryAfterMsOf } from './parse-retry-after';
export { createRetryAfterBackoff, type RetryAfterBackoff } from './retry-after-backoff';
export { createTokenBucket, TokenWaitTooLongError, type TokenBucket, type TokenBucketOptions } from './token-bucket';
export { getSourceMetrics, CIRCUIT_STATE_VALUES, type SourceMetrics, type CallOutcome } from './source-metrics';
