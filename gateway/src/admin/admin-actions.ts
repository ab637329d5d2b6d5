/**
 * Runs admin operations so that every mutation, whatever its outcome, and
 * every denied attempt, read or write, leaves one audit record (`kind:
 * 'admin'`, `actor` = admin token id, `action` e.g. `grants.add`, outcome)
 * written straight to the sink: admin actions are rare, and an operator
 * reading the audit right after an action must find it. Registry errors are
 * mapped to the admin API's codes on the way out.
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from '../logger';
import type { AuditSink } from '../stores/audit-sink';
import { adminOutcomeOf, toAdminError } from './admin-errors';
import type { AdminContext } from './admin-context';

/** What an action learnt about its target while running, for its audit record. */
export interface AdminActionTarget {
  /** The application the action concerned, once known. */
  applicationId?: string;
}

/** The two ways to run an admin operation. */
export interface AdminActions {
  /** Runs a mutation and audits it (`ok`, `denied`, `invalid`, `not-found`, `conflict`, `error`). */
  mutate<T>(ctx: AdminContext, action: string, run: (target: AdminActionTarget) => Promise<T>): Promise<T>;
  /** Runs a read; audits it only when it is denied. */
  read<T>(ctx: AdminContext, action: string, run: (target: AdminActionTarget) => Promise<T>): Promise<T>;
}

/** Options of {@link createAdminActions}. */
export interface AdminActionsOptions {
  readonly auditSink: AuditSink;
  readonly logger: Logger;
  /** @default the system clock */
  readonly now?: () => Date;
}

/** Creates the action runner over `auditSink`. */
export function createAdminActions(options: AdminActionsOptions): AdminActions {
  const { auditSink, logger } = options;
  const now = options.now ?? (() => new Date());

  async function audit(ctx: AdminContext, action: string, outcome: string, target: AdminActionTarget): Promise<void> {
    const record = {
      at: now(),
      kind: 'admin' as const,
      applicationId: target.applicationId,
      operationName: ctx.operationName,
      operationHash: ctx.operationHash,
      coordinates: [],
      maxGrade: 'L1' as const,
      outcome,
      durationMs: performance.now() - ctx.startedAt,
      subgraphs: [],
      requestId: ctx.requestId,
      actor: ctx.principal.id,
      action,
    };
    try {
      await auditSink.write([record]);
    } catch (error) {
      // The action itself has happened (and may have returned a secret shown only now), so it is not undone;
      // the record goes to the log instead, for an operator to restore.
      (ctx.logger ?? logger).error({ err: error, auditRecord: record }, 'admin audit record could not be stored');
    }
  }

  async function run<T>(ctx: AdminContext, action: string, auditAll: boolean, body: (target: AdminActionTarget) => Promise<T>): Promise<T> {
    const target: AdminActionTarget = {};
    let result: T;
    try {
      result = await body(target);
    } catch (error) {
      const mapped = toAdminError(error);
      const outcome = adminOutcomeOf(mapped);
      if (auditAll || outcome === 'denied') await audit(ctx, action, outcome, target);
      if (outcome === 'denied') ctx.logger.warn({ action, adminTokenId: ctx.principal.id }, 'admin action denied');
      throw mapped;
    }
    if (auditAll) {
      await audit(ctx, action, 'ok', target);
      ctx.logger.info({ action, adminTokenId: ctx.principal.id, applicationId: target.applicationId }, 'admin action');
    }
    return result;
  }

  return {
    mutate: (ctx, action, body) => run(ctx, action, true, body),
    read: (ctx, action, body) => run(ctx, action, false, body),
  };
}
