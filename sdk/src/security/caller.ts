/**
 * Who is calling the subgraph, as the gateway vouched for it in the signed
 * context token: resolvers read `ctx.caller` to log, to pass the purpose to a
 * legacy system that asks for one, or to refuse an operation themselves.
 */

/** The verified caller of one request (`ctx.caller`). */
export interface Caller {
  /** The calling application's id (`sub`), or `govgraph-gateway` for the gateway's own calls (composition, readiness). */
  readonly applicationId: string;
  /** The end user the application acts for (`usr`), when the gateway authenticated one. Never log it in clear. */
  readonly userSubject?: string;
  /** The declared purpose of the access (`pur`), e.g. `公积金贷款审核`. */
  readonly purpose?: string;
  /** The gateway's request id (`rid`), or this request's id when the token has none. */
  readonly requestId: string;
}
