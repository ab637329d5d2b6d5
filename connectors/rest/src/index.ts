export { restSource } from './connector';
export { parseRestSourceConfig, type RestSourceConfig } from './config';
export { pathSegment } from './path-segment';
export type { RestQuery, RestQueryValue } from './query-string';
export type { RestSource, RestRequest, RestCallOptions, RestMethod, ResponseSchema, SourceStats } from './rest-source';
