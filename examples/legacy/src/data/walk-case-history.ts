/**
 * One case's status history: a walk through the workflow from `submitted`,
 * choosing each next status with realistic odds among those
 * `CASE_TRANSITIONS` allows, with delays that fit the service's promised
 * time limit and with office steps moved into office hours. The walk stops
 * at a terminal status or where the reference moment cuts it off, so recent
 * cases are still open.
 * @internal
 */
import { formatChinaTime, SECONDS_PER_DAY } from './calendar';
import { createWeightedChoices, type Random, type WeightedChoices } from './random';
import type { CaseStatus, CaseStatusChange, ServiceRecord } from './types';

// Bound once: under jest, code runs in a vm context where every global lookup (`Math`) goes
// through an interceptor; this runs for every case step.
const { floor } = Math;

/** How likely each next status is; every entry must be allowed by `CASE_TRANSITIONS` (a test checks every generated history). */
const NEXT_STATUS: Readonly<Record<CaseStatus, WeightedChoices<CaseStatus> | null>> = {
  submitted: createWeightedChoices<CaseStatus>([['accepted', 86], ['rejected', 7], ['withdrawn', 7]]),
  accepted: createWeightedChoices<CaseStatus>([['in_review', 95], ['withdrawn', 5]]),
  in_review: createWeightedChoices<CaseStatus>([['approved', 90], ['rejected', 10]]),
  approved: createWeightedChoices<CaseStatus>([['completed', 1]]),
  rejected: null,
  completed: null,
  withdrawn: null,
};

/** Offices handle cases on weekdays from 08:30 to 17:30. */
const OFFICE_OPENS = 8.5 * 3600;
const OFFICE_CLOSES = 17.5 * 3600;

/**
 * Walks the workflow of a case submitted at `submittedSeconds` (seconds
 * since 1970-01-01T00:00 China time) until a terminal status or
 * `endSeconds`; `lastSeconds` is when the last entry happened.
 */
export function walkCaseHistory(
  random: Random,
  options: { submittedSeconds: number; endSeconds: number; service: ServiceRecord },
): { history: CaseStatusChange[]; lastSeconds: number } {
  const { submittedSeconds, endSeconds, service } = options;
  const online = random.chance(service.onlineDepth >= 3 ? 0.8 : 0.3);
  const history: CaseStatusChange[] = [
    { status: 'submitted', at: formatChinaTime(submittedSeconds), note: online ? '网上申报' : '窗口申报' },
  ];
  let status: CaseStatus = 'submitted';
  let at = submittedSeconds;
  for (;;) {
    const choices: WeightedChoices<CaseStatus> | null = NEXT_STATUS[status];
    if (choices === null) break;
    const next: CaseStatus = random.weightedPick(choices);
    const delayed = at + delay(random, status, next, service.promisedDays);
    const nextAt = next === 'withdrawn' ? delayed : officeMoment(random, delayed);
    if (nextAt >= endSeconds) break;
    history.push({ status: next, at: formatChinaTime(nextAt), note: noteFor(status, next, service.kind) });
    status = next;
    at = nextAt;
  }
  return { history, lastSeconds: at };
}

/**
 * The first moment at or after `seconds` when offices work (weekdays
 * 08:30–17:30); early and late moments move to a random time in the first
 * two office hours.
 */
function officeMoment(random: Random, seconds: number): number {
  let day = floor(seconds / SECONDS_PER_DAY);
  let secondOfDay = seconds - day * SECONDS_PER_DAY;
  if (secondOfDay >= OFFICE_CLOSES) {
    day += 1;
    secondOfDay = 0;
  }
  if (secondOfDay < OFFICE_OPENS) secondOfDay = OFFICE_OPENS + random.int(0, 7200);
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday, 6 = Saturday
  if (weekday === 6) day += 2;
  else if (weekday === 0) day += 1;
  return day * SECONDS_PER_DAY + secondOfDay;
}

/** Seconds between two statuses, at least one minute. */
function delay(random: Random, from: CaseStatus, to: CaseStatus, promisedDays: number): number {
  if (to === 'withdrawn') return random.int(600, 5 * SECONDS_PER_DAY);
  switch (from) {
    case 'submitted':
      return random.int(600, 2 * SECONDS_PER_DAY);
    case 'accepted':
      return random.int(1800, 3 * SECONDS_PER_DAY);
    case 'in_review':
      return promisedDays === 0 ? random.int(600, 4 * 3600) : random.int(3600, floor(promisedDays * SECONDS_PER_DAY * 1.2));
    default:
      return random.int(600, SECONDS_PER_DAY);
  }
}

function noteFor(from: CaseStatus, to: CaseStatus, kind: string): string | null {
  switch (to) {
    case 'accepted':
      return '材料齐全，予以受理';
    case 'in_review':
      return null;
    case 'approved':
      return kind === '行政许可' ? '审查通过，准予许可' : '审核通过';
    case 'rejected':
      return from === 'submitted' ? '材料不齐全，不予受理' : '不符合法定条件，不予批准';
    case 'withdrawn':
      return '申请人主动撤回申请';
    case 'completed':
      return '已办结';
    default:
      return null;
  }
}
