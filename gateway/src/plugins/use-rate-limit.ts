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
import { findRequestAccess } from '../policy/request-access';
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

/** Counts each operation against its application's rate and daily quota. */
export function useRateLimit(options: RateLimitOptions): Plugin<GatewayContext> {
  const { store } = options;
  const fallback = options.fallback ?? { requestsPerSecond: 1, dailyQuota: 1000 };
  const now = options.now ?? Date.now;
  return {
    onExecute({ args }) {
      const state = findRequestAccess(args.contextValue.request);
      const application = state?.application;
      if (!state || !application) return;
      const grants = state.usedGrants.length > 0 ? state.usedGrants : state.grants;
      let rps = fallback.requestsPerSecond;
      let dailyQuota = fallback.dailyQuota;
      if (grants.length > 0) {
        rps = -Infinity;
        dailyQuota = -Infinity;
        for (const grant of grants) {
          if (grant.requestsPerSecond > rps) rps = grant.requestsPerSecond;
          if (grant.dailyQuota > dailyQuota) dailyQuota = grant.dailyQuota;
        }
      }
      const unavailable = (error: unknown): never => {
        args.contextValue.logger?.error({ err: error }, 'rate-limit store failed');
        state.outcome = 'error';
        throw GW_ERRORS.GW_RATE_LIMIT_UNAVAILABLE.err('Rates and quotas cannot be checked right now; try again shortly.', {
          cause: error,
          headers: { 'Retry-After': '1' },
        });
      };
      const decide = (decision: RateLimitDecision): void => {
        if (decision.allowed) return;
        state.outcome = 'rate-limited';
        const headers = { 'Retry-After': String(decision.retryAfterSeconds) };
        if (decision.limitedBy === 'quota') {
          throw GW_ERRORS.GW_QUOTA_EXCEEDED.err(`The application's daily quota of ${dailyQuota} requests is used up.`, { headers });
        }
        throw GW_ERRORS.GW_RATE_LIMITED.err(`The application may send ${rps} requests per second.`, { headers });
      };
      let pending: RateLimitDecision | Promise<RateLimitDecision>;
      try {
        pending = store.consume(application.id, { rps, dailyQuota, now: now() });
      } catch (error) {
        return unavailable(error);
      }
      // A store in this process answers at once: no turn of the event loop for it.
      if (!isPromise(pending)) return decide(pending);
      return pending.then(decide, unavailable);
    },
  };
}
