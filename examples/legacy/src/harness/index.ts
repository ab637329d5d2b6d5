export { createCallCounter, type CallCounter, type RecordingCallCounter } from './call-counter';
export {
  createFaultInjector,
  FAILURE_MODES,
  type FailureMode,
  type FailureOptions,
  type FaultInjector,
  type FaultState,
  type FaultDecision,
  type DecidingFaultInjector,
} from './fault-injector';
export type { SimulatorHandle, SimulatorListenOptions } from './simulator-handle';
export { jsonResponse, jsonError, textResponse, JSON_CONTENT_TYPE, type SimulatorResponse, type FieldProblem } from './simulator-response';
export {
  startHttpSimulator,
  UNROUTED_OPERATION,
  type SimulatorRequest,
  type SimulatorRoute,
  type HttpSimulatorOptions,
} from './start-http-simulator';
export { parsePagination, slicePage, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest, type PaginationResult } from './parse-pagination';
export { readJsonBody, isJsonObject, type JsonBodyResult } from './read-json-body';
export { createRestRouter, type RestRoute } from './create-rest-router';
