/**
 * The case-handling system's JSON → the GraphQL shape, and GraphQL values →
 * the system's. Every record is checked before it is used: a malformed one
 * (a missing field, an unknown status, an applicant id that is not a valid
 * ID number or credit code, a timestamp without an offset) is an
 * `UpstreamDataError` naming the field, never a crash or a wrong answer.
 * Field values are not put in messages: they may be personal data.
 */
import { parseCreditCode, parseResidentId, UpstreamDataError } from '@govgraph/sdk';
import { z } from 'zod';
import type { ApplicantReference } from '../applicant/applicant.type';
import { HolderKind } from '../applicant/holder-kind';
import { CaseStatus } from './case-status';
import type { Case } from './case.type';
import { toChinaInstant } from './china-instant';

/** The source name the case-handling system is known by in errors, logs and `/readyz`. */
export const CASE_HANDLING_SOURCE = 'case-handling';

/** Workflow states as the case-handling system writes them. */
const LEGACY_STATUSES = ['submitted', 'accepted', 'in_review', 'approved', 'rejected', 'completed', 'withdrawn'] as const;

/** A workflow state as the case-handling system writes it. */
export type LegacyCaseStatus = (typeof LEGACY_STATUSES)[number];

/** An applicant kind as the case-handling system writes it. */
export type LegacyHolderKind = 'person' | 'enterprise';

const instant = z.string({ error: 'must be a string' }).transform((value, ctx) => {
  const china = toChinaInstant(value);
  if (china === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 instant with an offset' });
    return z.NEVER;
  }
  return china;
});

const status = z.enum(LEGACY_STATUSES, { error: `must be one of ${LEGACY_STATUSES.join(', ')}` });

const caseRecordSchema = z
  .object({
    number: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
    applicantKind: z.enum(['person', 'enterprise'], { error: 'must be "person" or "enterprise"' }),
    applicantId: z.string({ error: 'must be a string' }),
    serviceCode: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
    submittedAt: instant,
    status,
    history: z
      .array(
        z.object({
          status,
          at: instant,
          note: z.string({ error: 'must be a string or null' }).nullish(),
        }),
        { error: 'must be an array' },
      )
      .min(1, { error: 'must have at least the submission' }),
    resultLicenceNumbers: z.array(z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }), { error: 'must be an array' }),
  })
  .transform((record, ctx) => {
    const parsed = record.applicantKind === 'person' ? parseResidentId(record.applicantId) : parseCreditCode(record.applicantId);
    if (!parsed.ok) {
      // The reason quotes parts of the number (a birth date, a region): it goes to the log as the cause, not to the client.
      const what = record.applicantKind === 'person' ? 'resident ID number' : 'unified social credit code';
      ctx.addIssue({ code: 'custom', path: ['applicantId'], message: `is not a valid ${what}`, params: { reason: parsed.reason } });
      return z.NEVER;
    }
    return { ...record, applicantId: parsed.value };
  });

/** A case record of the case-handling system (after its checks). */
export type CaseRecord = z.output<typeof caseRecordSchema>;

/**
 * Checks one case record of the case-handling system and maps it to a `Case`.
 * @throws UpstreamDataError naming every malformed field.
 */
export function toCase(value: unknown): Case {
  const result = caseRecordSchema.safeParse(value);
  if (!result.success) {
    const number = typeof (value as { number?: unknown } | null)?.number === 'string' ? ` ${(value as { number: string }).number}` : '';
    const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(record)'} ${issue.message}`);
    const reasons = result.error.issues.flatMap((issue) => (issue.code === 'custom' && issue.params?.['reason'] ? [`${issue.path.join('.')}: ${String(issue.params['reason'])}`] : []));
    const cause = new Error(`malformed case record${number}: ${[...problems, ...reasons].join('; ')}`, { cause: result.error });
    throw new UpstreamDataError(`legacy system "${CASE_HANDLING_SOURCE}" answered with a malformed case record${number}: ${problems.join('; ')}`, {
      cause,
      details: { source: CASE_HANDLING_SOURCE, problems },
    });
  }
  const record = result.data;
  return {
    number: record.number,
    applicant: toApplicantReference(record.applicantKind, record.applicantId),
    service: { code: record.serviceCode },
    submittedAt: record.submittedAt,
    status: fromLegacyStatus(record.status),
    history: record.history.map((change) => ({ status: fromLegacyStatus(change.status), at: change.at, note: change.note ?? null })),
    resultLicences: record.resultLicenceNumbers.map((number) => ({ number })),
  };
}

/**
 * Checks an envelope `{ items: [...] }` (the batch and by-applicants answers)
 * and maps its items with {@link toCase}.
 * @throws UpstreamDataError when the envelope or an item is malformed.
 */
export function toCaseList(value: unknown): Case[] {
  const items = (value as { items?: unknown } | null | undefined)?.items;
  if (typeof value !== 'object' || value === null || !Array.isArray(items)) {
    throw new UpstreamDataError(`legacy system "${CASE_HANDLING_SOURCE}" answered without an items array`, { details: { source: CASE_HANDLING_SOURCE } });
  }
  return items.map(toCase);
}

/**
 * Checks a page envelope `{ page, pageSize, total, items }` and maps its items.
 * @throws UpstreamDataError when a field is missing or not a count.
 */
export function toCasePage(value: unknown): { items: Case[]; total: number } {
  const total = (value as { total?: unknown } | null | undefined)?.total;
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
    throw new UpstreamDataError(`legacy system "${CASE_HANDLING_SOURCE}" answered with a page whose total is not a count`, {
      details: { source: CASE_HANDLING_SOURCE },
    });
  }
  return { items: toCaseList(value), total };
}

/** The applicant reference of a case, for the `Applicant` union. */
export function toApplicantReference(kind: LegacyHolderKind, id: string): ApplicantReference {
  return kind === 'person' ? { __typename: 'Person', idNumber: id } : { __typename: 'Enterprise', creditCode: id };
}

/** `in_review` → `IN_REVIEW`. */
export function fromLegacyStatus(legacy: LegacyCaseStatus): CaseStatus {
  return legacy.toUpperCase() as CaseStatus;
}

/** `IN_REVIEW` → `in_review`. */
export function toLegacyStatus(status: CaseStatus): LegacyCaseStatus {
  return status.toLowerCase() as LegacyCaseStatus;
}

/** `PERSON` → `person`. */
export function toLegacyHolderKind(kind: HolderKind): LegacyHolderKind {
  return kind === HolderKind.PERSON ? 'person' : 'enterprise';
}
