/**
 * A small hand-made case-handling dataset whose every value the tests can
 * predict. Identifiers carry real check characters (built with the SDK's
 * algorithms), except in the one deliberately malformed record.
 */
import { creditCodeCheckChar, organisationCodeCheckChar, residentIdCheckChar } from '@govgraph/sdk';
import type { CaseRecord } from '@govgraph/legacy';

/** A valid resident ID number from its first 17 digits. */
export function residentId(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

/** A valid unified social credit code from its first 8 characters and an 8-character organisation code stem. */
export function creditCode(first8: string, organisationStem: string): string {
  const first17 = `${first8}${organisationStem}${organisationCodeCheckChar(organisationStem)}`;
  return first17 + creditCodeCheckChar(first17);
}

export const WANG = residentId('32010219900307123');
export const LI = residentId('32020519780101003');
export const HAN = residentId('32010619991231004');
export const ACME = creditCode('91320100', 'MA1MXXXX');
export const FOODS = creditCode('91320500', 'MA1NYYYY');

const history = (...steps: [CaseRecord['status'], string, string | null][]): CaseRecord['history'] => steps.map(([status, at, note]) => ({ status, at, note }));

export const COMPLETED_CASE: CaseRecord = {
  number: 'SZ2025030400001',
  applicantKind: 'person',
  applicantId: WANG,
  serviceCode: '320100-XK-0001',
  submittedAt: '2025-03-04T09:15:00+08:00',
  status: 'completed',
  history: history(
    ['submitted', '2025-03-04T09:15:00+08:00', '网上申请'],
    ['accepted', '2025-03-04T14:00:00+08:00', null],
    ['in_review', '2025-03-05T10:30:00+08:00', null],
    ['approved', '2025-03-06T16:45:00+08:00', '材料齐全'],
    ['completed', '2025-03-07T09:00:00+08:00', null],
  ),
  resultLicenceNumbers: ['JS-LT0001-2025-000001'],
};

export const SUBMITTED_CASE: CaseRecord = {
  number: 'SZ2025031000002',
  applicantKind: 'person',
  applicantId: WANG,
  serviceCode: '320100-GG-0002',
  submittedAt: '2025-03-10T10:00:00+08:00',
  status: 'submitted',
  history: history(['submitted', '2025-03-10T10:00:00+08:00', null]),
  resultLicenceNumbers: [],
};

export const ACCEPTED_CASE: CaseRecord = {
  number: 'NJ2025031100003',
  applicantKind: 'enterprise',
  applicantId: ACME,
  serviceCode: '320100-XK-0001',
  submittedAt: '2025-03-11T08:30:00+08:00',
  status: 'accepted',
  history: history(['submitted', '2025-03-11T08:30:00+08:00', null], ['accepted', '2025-03-11T09:00:00+08:00', '受理']),
  resultLicenceNumbers: [],
};

export const REJECTED_CASE: CaseRecord = {
  number: 'NJ2025031200004',
  applicantKind: 'enterprise',
  applicantId: ACME,
  serviceCode: '320500-QR-0003',
  submittedAt: '2025-03-12T11:00:00+08:00',
  status: 'rejected',
  history: history(['submitted', '2025-03-12T11:00:00+08:00', null], ['rejected', '2025-03-12T15:00:00+08:00', '材料不全']),
  resultLicenceNumbers: [],
};

export const IN_REVIEW_CASE: CaseRecord = {
  number: 'SZ2025031300005',
  applicantKind: 'person',
  applicantId: LI,
  serviceCode: '320100-XK-0001',
  submittedAt: '2025-03-13T13:20:00+08:00',
  status: 'in_review',
  history: history(
    ['submitted', '2025-03-13T13:20:00+08:00', null],
    ['accepted', '2025-03-13T15:00:00+08:00', null],
    ['in_review', '2025-03-14T09:00:00+08:00', null],
  ),
  resultLicenceNumbers: [],
};

/** Its applicant id has a wrong check character: the subgraph must refuse it as upstream data. */
export const MALFORMED_CASE: CaseRecord = {
  ...SUBMITTED_CASE,
  number: 'SZ2025010100099',
  applicantId: `${WANG.slice(0, 17)}${WANG.endsWith('0') ? '1' : '0'}`,
  submittedAt: '2025-01-01T08:00:00+08:00',
  history: history(['submitted', '2025-01-01T08:00:00+08:00', null]),
};

/** Every well-formed case, newest first (the order the system lists them in). */
export const CASES_NEWEST_FIRST: readonly CaseRecord[] = [IN_REVIEW_CASE, REJECTED_CASE, ACCEPTED_CASE, SUBMITTED_CASE, COMPLETED_CASE];

/** Selects every field of a case. */
export const CASE_FIELDS = `
  number
  applicant { __typename ... on Person { idNumber } ... on Enterprise { creditCode } }
  service { code }
  submittedAt
  status
  history { status at note }
  resultLicences { number }
  allowedTransitions
`;

/** What the subgraph answers for a record, with every field of {@link CASE_FIELDS}. */
export function expectedCase(record: CaseRecord, allowedTransitions: readonly string[]): Record<string, unknown> {
  return {
    number: record.number,
    applicant:
      record.applicantKind === 'person'
        ? { __typename: 'Person', idNumber: record.applicantId }
        : { __typename: 'Enterprise', creditCode: record.applicantId },
    service: { code: record.serviceCode },
    submittedAt: record.submittedAt,
    status: record.status.toUpperCase(),
    history: record.history.map((change) => ({ status: change.status.toUpperCase(), at: change.at, note: change.note })),
    resultLicences: record.resultLicenceNumbers.map((number) => ({ number })),
    allowedTransitions: [...allowedTransitions],
  };
}
