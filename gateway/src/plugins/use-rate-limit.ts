/**
 * Step 5 of the request pipeline (ARCHITECTURE.md): requests per second and
 * per UTC day, per application, through a {@link RateLimitStore} (memory for
 * one replica, Redis for several). The limits are the most generous of the
 * grants the operation relies on (an operation touching nothing granted,
 * such as `{ __typename }`, gets the most generous of all the application's
 * grants, or the fallback). Refusals are 429 with `Retry-After`.
 */
import { isPromise, type Plugin } from 'graphql-yoga';
import { GW_ERRORS } from '../errors';
import { findRequestAccess, type RequestAccess } from '../policy/request-access';
import type { CompiledGrant } from '../stores/registry-snapshot';
import type { RateLimitDecision, RateLimitStore } from '../stores/rate-limit-store';
import type { GatewayContext } from './types';

/** Options of {@link useRateLimit}. */
export interface RateLimitOptions {
  readonly store: RateLimitStore;
  /** Limits of an application with no grant at all. @default { requestsPerSecond: 1, dailyQuota: 1000 } */
  readonly fallback?: { readonly requestsPerSecond: number; readonly dailyQuota: number };
  /** @default Date.now */
  readonly now?: () => number;
}

/** The limits an operation is counted against. */
interface Limits {
  readonly rps: number;
  readonly dailyQuota: number;
}

/** Counts each operation against its application's rate and daily quota. */
export function useRateLimit(options: RateLimitOptions): Plugin<GatewayContext> {
  const { store } = options;
  const fallback: Limits = { rps: options.fallback?.requestsPerSecond ?? 1, dailyQuota: options.fallback?.dailyQuota ?? 1000 };
  const now = options.now ?? Date.now;
  // The most generous limits of a grant array, computed once per array: an application's grants (and a verdict's
  // used grants) are the same array for every request until the registry changes (use-access-grants.ts).
  const limitsOfGrants = new WeakMap<readonly CompiledGrant[], Limits>();
  const limitsOf = (grants: readonly CompiledGrant[]): Limits => {
    if (grants.length === 0) return fallback;
    let limits = limitsOfGrants.get(grants);
    if (!limits) {
      let rps = -Infinity;
      let dailyQuota = -Infinity;
      for (const grant of grants) {
        if (grant.requestsPerSecond > rps) rps = grant.requestsPerSecond;
        if (grant.dailyQuota > dailyQuota) dailyQuota = grant.dailyQuota;
      }
      limitsOfGrants.set(grants, (limits = { rps, dailyQuota }));
    }
    return limits;
  };
  return {
    onExecute({ args }) {
      const state = findRequestAccess(args.contextValue.request);
      const application = state?.application;
      if (!state || !application) return;
      const limits = limitsOf(state.usedGrants.length > 0 ? state.usedGrants : state.grants);
      let pending: RateLimitDecision | Promise<RateLimitDecision>;
      try {
        pending = store.consume(application.id, { rps: limits.rps, dailyQuota: limits.dailyQuota, now: now() });
      } catch (error) {
        return unavailable(args.contextValue, state, error);
      }
      // A store in this process answers at once: no turn of the event loop for it.
      if (!isPromise(pending)) return decide(state, limits, pending);
      return pending.then(
        (decision) => decide(state, limits, decision),
        (error: unknown) => unavailable(args.contextValue, state, error),
      );
    },
  };
}

/** Lets an allowed operation run; refuses the others with 429. @throws GatewayError */
function decide(state: RequestAccess, limits: Limits, decision: RateLimitDecision): void {
  if (decision.allowed) return;
  state.outcome = 'rate-limited';
  const headers = { 'Retry-After': String(decision.retryAfterSeconds) };
  if (decision.limitedBy === 'quota') {
    throw GW_ERRORS.GW_QUOTA_EXCEEDED.err(`The application's daily quota of ${limits.dailyQuota} requests is used up.`, { headers });
  }
  throw GW_ERRORS.GW_RATE_LIMITED.err(`The application may send ${limits.rps} requests per second.`, { headers });
}

/** Refuses the operation when the store cannot answer (fail closed). @throws GatewayError */
function unavailable(context: GatewayContext, state: RequestAccess, error: unknown): never {
  context.logger?.error({ err: error }, 'rate-limit store failed');
  state.outcome = 'error';
  throw GW_ERRORS.GW_RATE_LIMIT_UNAVAILABLE.err('Rates and quotas cannot be checked right now; try again shortly.', {
    cause: error,
    headers: { 'Retry-After': '1' },
  });
}
