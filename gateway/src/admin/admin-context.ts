/**
 * The GraphQL context of the admin API: yoga's, plus the verified admin
 * token, the request id and a logger bound to both, and what the audit record
 * of an action needs to know about the operation.
 */
import type { YogaInitialContext } from 'graphql-yoga';
import type { Logger } from '../logger';
import type { AdminPrincipal } from './authenticate-admin';

/** What the admin API adds to yoga's context. */
export interface AdminRequestContext {
  readonly principal: AdminPrincipal;
  readonly requestId: string;
  /** Bound to `requestId` and `adminTokenId`. */
  readonly logger: Logger;
  readonly operationName: string | undefined;
  /** Hex sha256 of the GraphQL document (an audit record's `operationHash`). */
  readonly operationHash: string;
  /** `performance.now()` when the request was authenticated. */
  readonly startedAt: number;
}

/** The admin API's GraphQL context. */
export type AdminContext = YogaInitialContext & AdminRequestContext;
