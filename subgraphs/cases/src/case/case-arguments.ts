/**
 * Checks of the arguments of the cases subgraph that the GraphQL types
 * cannot express. Each throws one `BadRequestError` (`BAD_USER_INPUT`)
 * listing every problem, naming the argument: a client fixes its request in
 * one round.
 */
import { BadRequestError, parseCreditCode, parseResidentId } from '@govgraph/sdk';
import { HolderKind } from '../applicant/holder-kind';
import { CASE_BATCH_LIMIT } from './case-handling-client';
import { CaseStatus } from './case-status';

/** Longest note the case-handling system keeps. */
export const MAX_NOTE_LENGTH = 500;

/** Longest `Idempotency-Key` the case-handling system accepts. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** Collects problems and throws them as one error. */
function createProblems(): { add(problem: string): void; throwIfAny(): void } {
  const problems: string[] = [];
  return {
    add: (problem) => void problems.push(problem),
    throwIfAny() {
      if (problems.length > 0) throw new BadRequestError(problems.join('; '), { details: { problems: [...problems] } });
    },
  };
}

function checkNonEmpty(name: string, value: string, problems: ReturnType<typeof createProblems>): void {
  if (value.trim() === '') problems.add(`${name} must not be empty`);
}

function checkNote(name: string, note: string | null | undefined, problems: ReturnType<typeof createProblems>): void {
  if (note != null && note.length > MAX_NOTE_LENGTH) problems.add(`${name} must be at most ${MAX_NOTE_LENGTH} characters, got ${note.length}`);
}

/** A case number argument: not empty. Returns it unchanged. */
export function parseCaseNumber(name: string, number: string): string {
  const problems = createProblems();
  checkNonEmpty(name, number, problems);
  problems.throwIfAny();
  return number;
}

/**
 * The `applicantId` filter of `Query.cases`: a resident ID number or a
 * unified social credit code, returned normalised (upper case).
 */
export function parseApplicantIdFilter(name: string, applicantId: string): string {
  const asPerson = parseResidentId(applicantId);
  if (asPerson.ok) return asPerson.value;
  const asEnterprise = parseCreditCode(applicantId);
  if (asEnterprise.ok) return asEnterprise.value;
  throw new BadRequestError(
    `${name} must be a resident ID number or a unified social credit code (as an ID number: ${asPerson.reason}; as a credit code: ${asEnterprise.reason})`,
  );
}

/** What `submitCase` receives. */
export interface SubmitCaseArguments {
  readonly applicantKind: HolderKind;
  readonly applicantId: string;
  readonly serviceCode: string;
  readonly note?: string | null | undefined;
  readonly idempotencyKey?: string | null | undefined;
}

/** `submitCase`'s input, checked, with the applicant id normalised. */
export interface SubmitCaseRequest {
  readonly applicantKind: HolderKind;
  readonly applicantId: string;
  readonly serviceCode: string;
  readonly note: string | null;
  readonly idempotencyKey: string | undefined;
}

/**
 * Checks `submitCase(input)`: `applicantId` must be a valid resident ID
 * number for `PERSON` and a valid unified social credit code for
 * `ENTERPRISE` (the reason says what is wrong), `serviceCode` not empty,
 * `note` at most {@link MAX_NOTE_LENGTH} characters, `idempotencyKey` 1–200
 * visible ASCII characters.
 */
export function parseSubmitCaseInput(input: SubmitCaseArguments): SubmitCaseRequest {
  const problems = createProblems();
  let applicantId = input.applicantId;
  const parsed = input.applicantKind === HolderKind.PERSON ? parseResidentId(input.applicantId) : parseCreditCode(input.applicantId);
  if (parsed.ok) applicantId = parsed.value;
  else {
    const what = input.applicantKind === HolderKind.PERSON ? 'resident ID number' : 'unified social credit code';
    problems.add(`input.applicantId must be a valid ${what} for applicantKind ${input.applicantKind}: ${parsed.reason}`);
  }
  checkNonEmpty('input.serviceCode', input.serviceCode, problems);
  checkNote('input.note', input.note, problems);
  const key = input.idempotencyKey ?? undefined;
  if (key !== undefined && !new RegExp(`^[\\x21-\\x7e]{1,${MAX_IDEMPOTENCY_KEY_LENGTH}}$`).test(key)) {
    problems.add(`input.idempotencyKey must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters (no spaces)`);
  }
  problems.throwIfAny();
  return { applicantKind: input.applicantKind, applicantId, serviceCode: input.serviceCode, note: input.note ?? null, idempotencyKey: key };
}

/** What `transitionCase` receives. */
export interface TransitionCaseArguments {
  readonly number: string;
  readonly to: CaseStatus;
  readonly note?: string | null | undefined;
  readonly resultLicenceNumbers?: readonly string[] | null | undefined;
}

/**
 * Checks `transitionCase`'s arguments: `number` not empty, `note` at most
 * {@link MAX_NOTE_LENGTH} characters, `resultLicenceNumbers` only when moving
 * to `COMPLETED`, at most {@link CASE_BATCH_LIMIT}, none empty. Whether the
 * move itself is allowed depends on the case's status: see `case-workflow.ts`.
 */
export function parseTransitionCaseArguments(args: TransitionCaseArguments): {
  number: string;
  to: CaseStatus;
  note: string | null;
  resultLicenceNumbers: readonly string[] | undefined;
} {
  const problems = createProblems();
  checkNonEmpty('number', args.number, problems);
  checkNote('note', args.note, problems);
  const numbers = args.resultLicenceNumbers ?? undefined;
  if (numbers !== undefined) {
    if (args.to !== CaseStatus.COMPLETED) problems.add(`resultLicenceNumbers is only allowed with to: ${CaseStatus.COMPLETED}`);
    if (numbers.length > CASE_BATCH_LIMIT) problems.add(`resultLicenceNumbers must have at most ${CASE_BATCH_LIMIT} numbers, got ${numbers.length}`);
    if (numbers.some((number) => number.trim() === '')) problems.add('resultLicenceNumbers must not contain empty numbers');
  }
  problems.throwIfAny();
  return { number: args.number, to: args.to, note: args.note ?? null, resultLicenceNumbers: numbers };
}
