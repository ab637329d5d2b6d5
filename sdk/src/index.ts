import 'reflect-metadata';

export {
  SDK_ERRORS,
  GovgraphError,
  BadRequestError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  UnprocessableContentError,
  NotSupportedError,
  BadGatewayError,
  UpstreamTimeoutError,
  UpstreamDataError,
  ConfigError,
  isGovgraphError,
  type SdkErrorCode,
  type GovgraphErrorOptions,
} from './errors';
export { createLogger, createSilentLogger, REDACTED_LOG_PATHS, type Logger, type CreateLoggerOptions } from './logger';
export {
  REQUEST_ID_HEADER,
  runInRequestScope,
  getRequestScope,
  normaliseRequestId,
  type RequestScope,
} from './context/request-context';
export type { Source, SourceStartContext, HealthReport } from './source';
export { parseSubgraphSettings, type SubgraphSettings } from './config';
export {
  parseCapabilityManifest,
  CAPABILITY_DEFAULTS,
  createResiliencePolicy,
  parseRetryAfter,
  createRetryAfterBackoff,
  type CapabilityManifest,
  type CapabilityManifestInput,
  type RetryCapabilities,
  type CircuitBreakerCapabilities,
  type PaginationStyle,
  type CircuitStatus,
  type ResiliencePolicy,
  type ResiliencePolicyOptions,
  type ResilientCall,
  type RetryAfterBackoff,
  type RejectionReason,
} from './resilience';
export {
  createSubgraph,
  type CreateSubgraphOptions,
  type Subgraph,
  type RunningSubgraph,
  type ListenOptions,
} from './server/create-subgraph';
export type { SubgraphContext, LoaderFactoryContext } from './server/subgraph-context';
export {
  runSubgraphMain,
  type RunSubgraphMainOptions,
  type SubgraphMainConfig,
  type ListenableSubgraph,
  type SignalSource,
} from './server/run-subgraph-main';
export {
  DATA_GRADES,
  GRADE_TAG_PREFIX,
  isDataGrade,
  MASK_RULES,
  MASK_TAG_PREFIX,
  isMaskRule,
  Grade,
  Mask,
  CONTEXT_TOKEN_HEADER,
  CONTEXT_TOKEN_ALGORITHM,
  GATEWAY_SUBJECT,
  DEVELOPMENT_APPLICATION_HEADER,
  DEVELOPMENT_APPLICATION_ID,
  DEFAULT_CONTEXT_TOKEN_ISSUER,
  UNAUTHENTICATED_MESSAGE,
  subgraphSecuritySchema,
  parseSubgraphSecurity,
  createContextTokenSigner,
  generateContextKeyPair,
  securityInputFromEnv,
  SECURITY_ENVIRONMENT_HELP,
  type DataGrade,
  type MaskRule,
  type FieldTagDecorator,
  type Caller,
  type ContextTokenClaims,
  type JsonWebKey,
  type ContextKeySource,
  type VerifySecurityOptions,
  type DevelopmentSecurityOptions,
  type SubgraphSecurityOptions,
  type SubgraphSecurity,
  type ContextTokenSigner,
  type ContextTokenSignerOptions,
  type ContextTokenRequest,
  type ContextKeyPair,
  type SecurityEnvironment,
} from './security';
export { UNEXPECTED_ERROR_MESSAGE } from './server/mask-error';
export { checkReadiness, type ReadinessReport } from './server/health';
export { type EntityResolver, type KeyFieldResolver } from './schema/entity-resolvers';
export { buildFederatedSchema, type BuildFederatedSchemaOptions, type FederatedSchema } from './schema/build-federated-schema';
export { FEDERATION_VERSION, FEDERATION_IMPORTS, federationLinkSdl } from './schema/federation-link';
export {
  createBatchLoader,
  createGroupedLoader,
  type BatchLoaderOptions,
  type GroupedLoaderOptions,
} from './loaders';
export { ResidentIdScalar, CreditCodeScalar } from './scalars';
export {
  PageArgs,
  MAX_PAGE_SIZE,
  parsePageArgs,
  createPageType,
  toPageResult,
  type PageRequest,
  type PageResult,
} from './pagination';
export {
  parseResidentId,
  residentIdCheckChar,
  parseCreditCode,
  creditCodeCheckChar,
  organisationCodeCheckChar,
  type ResidentIdParseResult,
  type CreditCodeParseResult,
  type IdentifierParseFailure,
} from './identifiers';

// Connector kit: building blocks for connector packages (@govgraph/connector-*).
// Not for subgraph authors: these are marked @internal and may change with the connectors.
export {
  createCallRunner,
  createCallDeadline,
  createSemaphore,
  TransportError,
  ResponseTooLargeError,
  IncompleteResponseError,
  mapTransportFailure,
  describeTransportFailure,
  createUpstreamTimeoutError,
  createUpstreamDataError,
  charsetOf,
  decodeText,
  createConfigError,
  parseConfig,
  integerOption,
  numberOption,
  booleanOption,
  headerValue,
  readLimitedBody,
  staticHeadersOption,
  type LimitedBodyResponse,
  type IntegerOptionOptions,
  type CallRunner,
  type CallRunnerOptions,
  type CallOptions,
  type CallCounters,
  type Exchanged,
  type CallDeadline,
  type Semaphore,
  type ReleaseSlot,
  type ConfigErrorProblem,
  type ShowConfigValue,
  type ParseConfigProblem,
} from './connector-kit';

// Resilience building blocks for connector packages: @internal, like the connector kit.
export {
  capabilityManifestInputSchema,
  resolveCapabilities,
  findCapabilityConflicts,
  isRetryableFailure,
  isUnavailableFailure,
  isAnsweredFailure,
  rejectionReasonOf,
  retryAfterMsOf,
  createTokenBucket,
  TokenWaitTooLongError,
  getSourceMetrics,
  CIRCUIT_STATE_VALUES,
  type ParsedCapabilityInput,
  type CapabilityShortcuts,
  type TokenBucket,
  type TokenBucketOptions,
  type SourceMetrics,
  type CallOutcome,
} from './resilience';
export { maxBatchSizeOf } from './resilience/max-batch-size-of';
