import 'reflect-metadata';

export * from './errors';
export { createLogger, createSilentLogger, REDACTED_LOG_PATHS, type Logger, type CreateLoggerOptions } from './logger';
export {
  REQUEST_ID_HEADER,
  runInRequestScope,
  getRequestScope,
  normaliseRequestId,
  type RequestScope,
} from './context/request-context';
export type { Source, SourceStartContext, HealthReport } from './source';
