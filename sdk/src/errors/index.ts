export { SDK_ERRORS, type SdkErrorCode } from './codes';
export {
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
  type GovgraphErrorOptions,
} from './govgraph-error';
