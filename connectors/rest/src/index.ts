export { restSource } from './connector';
export { parseRestSourceConfig, type RestSourceConfig } from './config';
export { pathSegment } from './path-segment';
export type { RestQuery, RestQueryValue } from './query-string';
export type { RestSource, RestRequest, RestCallOptions, RestMethod, ResponseSchema, SourceStats } from './rest-source';
export type {
  RestAuthConfig,
  CredentialAuthConfig,
  ApiKeyAuthConfig,
  ApiKeyHeaderAuthConfig,
  ApiKeyQueryAuthConfig,
  BasicAuthConfig,
  OAuth2ClientCredentialsAuthConfig,
  MtlsAuthConfig,
  PemSource,
} from './auth/rest-auth-config';
export type {
  PaginationOptions,
  PageStylePagination,
  OffsetStylePagination,
  CursorStylePagination,
  CollectOptions,
  PaginatedRequest,
} from './pagination/pagination-options';
