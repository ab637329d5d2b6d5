import { UpstreamDataError } from '@govgraph/sdk';
import { foodCo, snackShop, techCo, wang, withWrongCheckCharacter } from '../../__tests__/helpers/users-dataset';
import { EnterpriseStatus } from '../enterprise-status';
import { mapEnterpriseRecord } from '../enterprise.mapping';

const SOURCE = 'legal-person-registry';

function mappingError(record: unknown): UpstreamDataError {
  try {
    mapEnterpriseRecord(record, SOURCE);
  } catch (error) {
    if (error instanceof UpstreamDataError) return error;
    throw error;
  }
  throw new Error('expected an UpstreamDataError');
}

describe('mapEnterpriseRecord', () => {
  it('maps a record and each status code', () => {
    expect(mapEnterpriseRecord({ ...techCo }, SOURCE)).toEqual({ ...techCo, status: EnterpriseStatus.ACTIVE });
    expect(mapEnterpriseRecord({ ...foodCo }, SOURCE).status).toBe(EnterpriseStatus.REVOKED);
    expect(mapEnterpriseRecord({ ...snackShop }, SOURCE).status).toBe(EnterpriseStatus.CANCELLED);
  });

  it('normalises a lower-case credit code', () => {
    expect(mapEnterpriseRecord({ ...techCo, creditCode: techCo.creditCode.toLowerCase() }, SOURCE).creditCode).toBe(techCo.creditCode);
  });

  it('refuses a credit code that fails its check, saying why', () => {
    const bad = techCo.creditCode.slice(0, 17) + (techCo.creditCode.endsWith('1') ? '2' : '1');
    const error = mappingError({ ...techCo, creditCode: bad });
    expect(error.code).toBe('CONN_UPSTREAM_INVALID_RESPONSE');
    expect(error.message).toMatch(
      new RegExp(`^legacy system "legal-person-registry" returned an unreadable enterprise record ${bad}: creditCode is not a valid unified social credit code \\(check character should be '.', got '.'\\)$`),
    );
  });

  it("refuses a legal representative's ID number that fails its check, without showing it", () => {
    const bad = withWrongCheckCharacter(wang.idNumber);
    const error = mappingError({ ...techCo, legalRepresentativeIdNumber: bad });
    expect(error.message).toBe(
      `legacy system "legal-person-registry" returned an unreadable enterprise record ${techCo.creditCode}: legalRepresentativeIdNumber is not a valid resident ID number`,
    );
    expect(error.message).not.toContain(bad);
  });

  it('names every bad field at once', () => {
    const error = mappingError({ ...techCo, name: '', kind: 7, status: 'ACTIVE', establishedOn: '2015/06/01' });
    expect(error.message).toBe(
      `legacy system "legal-person-registry" returned an unreadable enterprise record ${techCo.creditCode}: ` +
        'name is empty; kind must be text, got number; status must be one of active, revoked, cancelled; establishedOn must be a date YYYY-MM-DD',
    );
  });

  it('refuses an entry that is not a record, and one without a credit code', () => {
    expect(mappingError([techCo]).message).toBe('legacy system "legal-person-registry" returned an enterprise entry that is not a record');
    expect(mappingError({ ...techCo, creditCode: undefined }).message).toBe(
      'legacy system "legal-person-registry" returned an unreadable enterprise record (without credit code): creditCode is missing',
    );
  });
});
