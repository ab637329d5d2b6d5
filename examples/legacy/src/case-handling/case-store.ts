/**
 * The city case-handling system's state: every case in memory, indexed by
 * number and by applicant, each list kept newest first (submittedAt desc,
 * then number) so listings never sort. Mutations follow the workflow of
 * {@link CASE_TRANSITIONS}; idempotency keys remember which case a create
 * request made.
 */
import { CASE_TRANSITIONS, type CaseRecord, type CaseStatus, type HolderKind } from '../data/types';
import { chinaDateParts, formatChinaTimestamp } from '../time/china-time';

/** What a client supplies to open a case. */
export interface NewCase {
  readonly applicantKind: HolderKind;
  readonly applicantId: string;
  readonly serviceCode: string;
  readonly note: string | null;
}

/** A requested status change. */
export interface CaseTransition {
  readonly to: CaseStatus;
  readonly note: string | null;
  /** Replaces the case's result licences (only with `to: 'completed'`). */
  readonly resultLicenceNumbers?: readonly string[];
}

/** Listing filters, combined with AND. */
export interface CaseFilter {
  readonly applicantId?: string;
  readonly status?: CaseStatus;
  readonly serviceCode?: string;
}

/** Outcome of {@link CaseStore.create}. */
export type CreateCaseResult =
  | { readonly outcome: 'created'; readonly case: CaseRecord }
  | { readonly outcome: 'replayed'; readonly case: CaseRecord }
  | { readonly outcome: 'key-reused'; readonly number: string };

/** Outcome of {@link CaseStore.transition}. */
export type TransitionResult =
  | { readonly outcome: 'moved'; readonly case: CaseRecord }
  | { readonly outcome: 'not-found' }
  | { readonly outcome: 'not-allowed'; readonly from: CaseStatus };

/** The system's cases. */
export interface CaseStore {
  get(number: string): CaseRecord | undefined;
  /** Found cases only, each once, in the order of first request. */
  getMany(numbers: readonly string[]): CaseRecord[];
  /** Matching cases, newest first. */
  list(filter: CaseFilter): readonly CaseRecord[];
  /** Cases of each applicant in request order (applicants deduplicated), each applicant's newest first. */
  byApplicants(applicantIds: readonly string[], options: { readonly status?: CaseStatus; readonly limitPerApplicant?: number }): CaseRecord[];
  /**
   * Opens a case (status `submitted`). With an idempotency key, a repeat of
   * the same request returns the case it made (in its current state); the
   * same key with a different request is refused.
   */
  create(input: NewCase, idempotencyKey?: string): CreateCaseResult;
  transition(number: string, change: CaseTransition): TransitionResult;
}

/** Options of {@link createCaseStore}. */
export interface CaseStoreOptions {
  readonly cases: readonly CaseRecord[];
  /** The clock of new cases and history entries. @default () => new Date() */
  readonly now?: () => Date;
  /** First letters of new case numbers (`<prefix><YYYYMMDD><5 digits>`). @default 'SZ' */
  readonly numberPrefix?: string;
}

interface Entry {
  record: CaseRecord;
  readonly submittedMs: number;
}

/** Loads the cases (copied: the dataset is never mutated). Numbers must be unique. */
export function createCaseStore(options: CaseStoreOptions): CaseStore {
  const now = options.now ?? (() => new Date());
  const prefix = options.numberPrefix ?? 'SZ';
  const byNumber = new Map<string, Entry>();
  const byApplicant = new Map<string, Entry[]>();
  const all: Entry[] = [];
  const idempotency = new Map<string, { fingerprint: string; number: string }>();
  const nextSequence = new Map<string, number>();

  const add = (entry: Entry, sorted: boolean): void => {
    byNumber.set(entry.record.number, entry);
    const own = byApplicant.get(entry.record.applicantId) ?? [];
    byApplicant.set(entry.record.applicantId, own);
    if (sorted) {
      insertSorted(all, entry);
      insertSorted(own, entry);
    } else {
      all.push(entry);
      own.push(entry);
    }
  };
  for (const record of options.cases) {
    if (byNumber.has(record.number)) throw new Error(`duplicate case number ${record.number}`);
    const submittedMs = Date.parse(record.submittedAt);
    if (Number.isNaN(submittedMs)) throw new Error(`case ${record.number} has an invalid submittedAt ${record.submittedAt}`);
    add({ record, submittedMs }, false);
  }
  all.sort(newestFirst);
  for (const list of byApplicant.values()) list.sort(newestFirst);

  const newNumber = (instant: Date): string => {
    const p = chinaDateParts(instant);
    const day = `${p.year}${p.month}${p.day}`;
    let sequence = nextSequence.get(day) ?? 1;
    let number = '';
    do {
      number = `${prefix}${day}${String(sequence).padStart(5, '0')}`;
      sequence += 1;
    } while (byNumber.has(number));
    nextSequence.set(day, sequence);
    return number;
  };

  return {
    get: (number) => byNumber.get(number)?.record,
    getMany(numbers) {
      return [...new Set(numbers)].flatMap((number) => {
        const entry = byNumber.get(number);
        return entry ? [entry.record] : [];
      });
    },
    list({ applicantId, status, serviceCode }) {
      const base = applicantId === undefined ? all : (byApplicant.get(applicantId) ?? []);
      return base.filter((e) => (status === undefined || e.record.status === status) && (serviceCode === undefined || e.record.serviceCode === serviceCode)).map((e) => e.record);
    },
    byApplicants(applicantIds, { status, limitPerApplicant }) {
      return [...new Set(applicantIds)].flatMap((applicantId) => {
        const own = (byApplicant.get(applicantId) ?? []).filter((e) => status === undefined || e.record.status === status).map((e) => e.record);
        return limitPerApplicant === undefined ? own : own.slice(0, limitPerApplicant);
      });
    },
    create(input, idempotencyKey) {
      const fingerprint = JSON.stringify([input.applicantKind, input.applicantId, input.serviceCode, input.note]);
      if (idempotencyKey !== undefined) {
        const previous = idempotency.get(idempotencyKey);
        if (previous) {
          const existing = byNumber.get(previous.number);
          if (previous.fingerprint !== fingerprint || !existing) return { outcome: 'key-reused', number: previous.number };
          return { outcome: 'replayed', case: existing.record };
        }
      }
      const instant = now();
      const at = formatChinaTimestamp(instant);
      const record: CaseRecord = {
        number: newNumber(instant),
        applicantKind: input.applicantKind,
        applicantId: input.applicantId,
        serviceCode: input.serviceCode,
        submittedAt: at,
        status: 'submitted',
        history: [{ status: 'submitted', at, note: input.note }],
        resultLicenceNumbers: [],
      };
      add({ record, submittedMs: Date.parse(at) }, true);
      if (idempotencyKey !== undefined) idempotency.set(idempotencyKey, { fingerprint, number: record.number });
      return { outcome: 'created', case: record };
    },
    transition(number, { to, note, resultLicenceNumbers }) {
      const entry = byNumber.get(number);
      if (!entry) return { outcome: 'not-found' };
      const from = entry.record.status;
      if (!CASE_TRANSITIONS[from].includes(to)) return { outcome: 'not-allowed', from };
      entry.record = {
        ...entry.record,
        status: to,
        history: [...entry.record.history, { status: to, at: formatChinaTimestamp(now()), note }],
        resultLicenceNumbers: resultLicenceNumbers ?? entry.record.resultLicenceNumbers,
      };
      return { outcome: 'moved', case: entry.record };
    },
  };
}

function newestFirst(a: Entry, b: Entry): number {
  return b.submittedMs - a.submittedMs || (a.record.number < b.record.number ? -1 : a.record.number > b.record.number ? 1 : 0);
}

function insertSorted(list: Entry[], entry: Entry): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newestFirst(list[middle] as Entry, entry) <= 0) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, entry);
}
