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
