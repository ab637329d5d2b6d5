import { UpstreamDataError } from '@govgraph/sdk';
import { liLei, wang, wangHong, withWrongCheckCharacter } from '../../__tests__/helpers/users-dataset';
import { Gender } from '../gender';
import { mapPersonRecord } from '../person.mapping';

const SOURCE = 'population-registry';

/** What the SOAP source hands over for one `tns:Person`: every value a string. */
const wire = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({ ...wang, ...overrides });

function mappingError(record: unknown): UpstreamDataError {
  try {
    mapPersonRecord(record, SOURCE);
  } catch (error) {
    if (error instanceof UpstreamDataError) return error;
    throw error;
  }
  throw new Error('expected an UpstreamDataError');
}

describe('mapPersonRecord', () => {
  it('maps a record field by field, M to MALE and F to FEMALE', () => {
    expect(mapPersonRecord(wire(), SOURCE)).toEqual({ ...wang, gender: Gender.MALE });
    expect(mapPersonRecord({ ...wangHong }, SOURCE)).toEqual({ ...wangHong, gender: Gender.FEMALE });
  });

  it('trims padding and upper-cases a lower-case check character x', () => {
    const mapped = mapPersonRecord(wire({ id: ' P00000003 ', idNumber: `${liLei.idNumber.toLowerCase()}  `, gender: 'M ', name: ' 李雷' }), SOURCE);
    expect(mapped).toMatchObject({ id: 'P00000003', idNumber: liLei.idNumber, gender: Gender.MALE, name: '李雷' });
  });

  it('keeps an empty phone number or address (the registry has none on file)', () => {
    expect(mapPersonRecord(wire({ phone: '', address: '' }), SOURCE)).toMatchObject({ phone: '', address: '' });
  });

  it('refuses an ID number that fails its check, without showing it, and keeps the reason for the log', () => {
    const error = mappingError(wire({ idNumber: withWrongCheckCharacter(wang.idNumber) }));
    expect(error.code).toBe('CONN_UPSTREAM_INVALID_RESPONSE');
    expect(error.message).toBe('legacy system "population-registry" returned an unreadable person record P00000001: idNumber is not a valid resident ID number');
    expect(error.message).not.toContain(wang.idNumber.slice(0, 17));
    expect(String((error.cause as Error).message)).toMatch(/check character should be/);
    expect(error.details).toEqual({ source: SOURCE });
  });

  it('names every bad field at once', () => {
    const error = mappingError(wire({ name: null, gender: 'X', birthDate: '1990-02-30', phone: undefined, address: ['a', 'b'] }));
    expect(error.message).toBe(
      'legacy system "population-registry" returned an unreadable person record P00000001: ' +
        'name is missing; phone is missing; address must be text, got a list; gender must be M or F; birthDate must be a date YYYY-MM-DD',
    );
  });

  it('refuses a gender code that only looks like a key of an object', () => {
    expect(mappingError(wire({ gender: 'toString' })).message).toMatch(/gender must be M or F$/);
  });

  it('refuses a record without an id or that is not a record', () => {
    expect(mappingError(wire({ id: '' })).message).toBe('legacy system "population-registry" returned an unreadable person record (without id): id is empty');
    expect(mappingError('P00000001').message).toBe('legacy system "population-registry" returned a person entry that is not a record');
    expect(mappingError(null).message).toBe('legacy system "population-registry" returned a person entry that is not a record');
  });
});
