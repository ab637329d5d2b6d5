import { generateDataset } from '@govgraph/legacy';
import { UpstreamDataError } from '@govgraph/sdk';
import { ACME, COMPLETED_CASE, WANG } from '../../__tests__/helpers/case-fixtures';
import { toCase, toCaseList, toCasePage } from '../case.mapping';

function dataError(run: () => unknown): UpstreamDataError {
  try {
    run();
  } catch (error) {
    if (error instanceof UpstreamDataError) return error;
    throw error;
  }
  throw new Error('expected an UpstreamDataError');
}

describe('toCase', () => {
  it('maps a record to the GraphQL shape: references, upper-case statuses, China time', () => {
    expect(
      toCase({
        number: 'NJ2025031100003',
        applicantKind: 'enterprise',
        applicantId: ACME.toLowerCase(),
        serviceCode: '320100-XK-0001',
        submittedAt: '2025-03-11T00:30:00Z',
        status: 'in_review',
        history: [
          { status: 'submitted', at: '2025-03-11T08:30:00+08:00', note: '网上申请' },
          { status: 'accepted', at: '2025-03-11T09:00:00+08:00' },
          { status: 'in_review', at: '2025-03-11T10:00:00+08:00', note: null },
        ],
        resultLicenceNumbers: [],
        extraField: 'ignored',
      }),
    ).toEqual({
      number: 'NJ2025031100003',
      applicant: { __typename: 'Enterprise', creditCode: ACME },
      service: { code: '320100-XK-0001' },
      submittedAt: '2025-03-11T08:30:00+08:00',
      status: 'IN_REVIEW',
      history: [
        { status: 'SUBMITTED', at: '2025-03-11T08:30:00+08:00', note: '网上申请' },
        { status: 'ACCEPTED', at: '2025-03-11T09:00:00+08:00', note: null },
        { status: 'IN_REVIEW', at: '2025-03-11T10:00:00+08:00', note: null },
      ],
      resultLicences: [],
    });
    expect(toCase(COMPLETED_CASE)).toMatchObject({ applicant: { __typename: 'Person', idNumber: WANG }, resultLicences: [{ number: 'JS-LT0001-2025-000001' }] });
  });

  it('maps every case of a generated province, each applicant kept as is', () => {
    const { cases } = generateDataset({ seed: 11, sizes: { persons: 300, enterprises: 60, services: 40, licenceTypes: 10, licences: 600, cases: 1500 } });
    const mapped = cases.map(toCase);
    expect(mapped).toHaveLength(1500);
    expect(mapped.map((found) => (found.applicant.__typename === 'Person' ? found.applicant.idNumber : found.applicant.creditCode))).toEqual(
      cases.map((record) => record.applicantId),
    );
    expect(new Set(mapped.map((found) => found.status))).toEqual(new Set(['SUBMITTED', 'ACCEPTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'COMPLETED', 'WITHDRAWN']));
  });

  it('names every malformed field, without the values', () => {
    const error = dataError(() =>
      toCase({ ...COMPLETED_CASE, applicantKind: 'enterprise', status: 'done', history: [{ status: 'submitted', at: '2025-03-04 09:15' }], resultLicenceNumbers: [''] }),
    );
    expect(error.code).toBe('CONN_UPSTREAM_INVALID_RESPONSE');
    expect(error.message).toBe(
      `legacy system "case-handling" answered with a malformed case record ${COMPLETED_CASE.number}: ` +
        'status must be one of submitted, accepted, in_review, approved, rejected, completed, withdrawn; ' +
        'history.0.at must be an ISO 8601 instant with an offset; resultLicenceNumbers.0 must not be empty',
    );
    const notACreditCode = dataError(() => toCase({ ...COMPLETED_CASE, applicantKind: 'enterprise' }));
    expect(notACreditCode.message).toBe(
      `legacy system "case-handling" answered with a malformed case record ${COMPLETED_CASE.number}: applicantId is not a valid unified social credit code`,
    );
    // The reason quotes part of the number: only the (logged) cause has it.
    expect((notACreditCode.cause as Error).message).toMatch(/applicantId: character 17, the check character of the organisation code \d{8}, should be/);
    expect(dataError(() => toCase(null)).message).toBe('legacy system "case-handling" answered with a malformed case record: (record) Invalid input: expected object, received null');
    expect(dataError(() => toCase({ ...COMPLETED_CASE, history: [] })).message).toMatch(/: history must have at least the submission$/);
    expect(dataError(() => toCase({ ...COMPLETED_CASE, number: 7 })).message).toMatch(/record: number must be a string$/);
    const badCheck = dataError(() => toCase({ ...COMPLETED_CASE, applicantId: `${WANG.slice(0, 17)}Y` }));
    expect(badCheck.message).toMatch(/: applicantId is not a valid resident ID number$/);
    expect(JSON.stringify(badCheck.details)).not.toContain(WANG.slice(6, 14));
  });
});

describe('envelopes', () => {
  it('maps the items of a list and a page', () => {
    expect(toCaseList({ items: [COMPLETED_CASE] }).map((found) => found.number)).toEqual([COMPLETED_CASE.number]);
    expect(toCasePage({ page: 1, pageSize: 20, total: 41, items: [] })).toEqual({ items: [], total: 41 });
  });

  it('refuses an answer without items or a count', () => {
    expect(dataError(() => toCaseList({ cases: [] })).message).toBe('legacy system "case-handling" answered without an items array');
    expect(dataError(() => toCaseList(undefined)).message).toBe('legacy system "case-handling" answered without an items array');
    expect(dataError(() => toCasePage({ items: [], total: '3' })).message).toBe('legacy system "case-handling" answered with a page whose total is not a count');
    expect(dataError(() => toCasePage({ items: [], total: -1 })).message).toBe('legacy system "case-handling" answered with a page whose total is not a count');
  });
});
