export {
  createGateway,
  GRAPHQL_PATH,
  HEALTH_PATH,
  type CreateGatewayOptions,
  type Gateway,
  type ListeningGateway,
} from './app';
export {
  parseGatewayConfig,
  isSubgraphsSupergraphSource,
  type GatewayConfig,
  type GatewayConfigInput,
  type SupergraphSource,
  type SubgraphsSupergraphSource,
  type FileSupergraphSource,
  type UrlSupergraphSource,
} from './config';
export { gatewayConfigFromEnv, type Environment } from './config-from-env';
export {
  GW_ERRORS,
  GatewayError,
  isGatewayError,
  type GatewayErrorCode,
  type GatewayErrorDefinition,
  type GatewayErrorOptions,
} from './errors';
export { createLogger, createSilentLogger, REDACTED_LOG_PATHS, type Logger, type LogLevel, type CreateLoggerOptions } from './logger';
export type { GatewayContext } from './plugins/types';
export { REQUEST_ID_HEADER, normaliseRequestId } from './plugins/use-request-id';
export type {
  OutgoingSubgraphRequest,
  SubgraphCall,
  SubgraphRequest,
  WillSendSubgraphRequest,
} from './datasources/subgraph-data-source';
export type { ReadinessReport } from './health/create-readiness-check';
export type { SubgraphProbe } from './datasources/subgraph-data-source';
export type { Engine, EngineSubgraph } from './engine/create-engine';
export type { CompositionProblem, CompositionErrorLocation } from './supergraph/describe-composition-errors';
export { applyScalarValidation, type ScalarImplementations } from './supergraph/apply-scalar-validation';
export type { Principal } from './plugins/types';
export {
  parseAccessControlOptions,
  isEnforceAccessControl,
  type AccessControlOptions,
  type EnforceAccessControlOptions,
  type OpenAccessControlOptions,
} from './policy/access-control-options';
export { createAccessControl, type AccessControl, type AccessControlPlugins } from './policy/create-access-control';
export { accessControlFromEnv, type AccessControlEnv } from './access-control-from-env';
export { readFieldPolicies, GRADE_TAG_PREFIX, MASK_TAG_PREFIX, type FieldPolicy, type FieldPolicies } from './policy/field-policies';
export { collectOperationCoordinates, type OperationCoordinates } from './policy/collect-coordinates';
export { evaluateGrants, INTROSPECTION_TARGET, type DeniedCoordinate, type DenialReason, type GrantEvaluation } from './policy/evaluate-grants';
export { maskValue } from './policy/mask-value';
export { maskResult, type MaskedCoordinate } from './policy/mask-result';
export { createBufferedAudit, type BufferedAudit, type BufferedAuditOptions } from './policy/buffered-audit';
export { createRegistryCache, type RegistryCache, type RegistryCacheOptions } from './policy/registry-cache';
export {
  createContextTokenSigner,
  CONTEXT_TOKEN_HEADER,
  CONTEXT_TOKEN_ISSUER,
  CONTEXT_TOKEN_JWKS_PATH,
  CONTEXT_TOKEN_TTL_SECONDS,
  GATEWAY_SUBJECT,
  type ContextTokenClaims,
  type ContextTokenKeys,
  type ContextTokenSigner,
} from './policy/context-token-signer';
export { createContextTokenHook, gatewayCallHeaders } from './policy/create-context-token-hook';
export { PURPOSE_HEADER, type AuditOutcome } from './policy/request-access';
export type { PersistedOperationsOptions } from './policy/persisted-operations';
export { useApplicationAuth, API_KEY_HEADER, type ApplicationAuthOptions, type ClientCredentialsOptions, type JwksSource } from './plugins/use-application-auth';
export { useEndUser, END_USER_TOKEN_HEADER, type EndUserOptions } from './plugins/use-end-user';
export { useDocumentLimits, type DocumentLimitsOptions } from './plugins/use-document-limits';
export { useAccessGrants, type AccessGrantsOptions } from './plugins/use-access-grants';
export { useRateLimit, type RateLimitOptions } from './plugins/use-rate-limit';
export { useMasking } from './plugins/use-masking';
export { useAudit, type AuditOptions } from './plugins/use-audit';
export { useContextTokenJwks } from './plugins/use-context-token-jwks';
export { type RateLimitStore, type RateLimits, type RateLimitDecision } from './stores/rate-limit-store';
export { createMemoryRateLimitStore } from './stores/memory/memory-rate-limit-store';
export { createRedisRateLimitStore, type RedisRateLimitStoreOptions } from './stores/redis/redis-rate-limit-store';
