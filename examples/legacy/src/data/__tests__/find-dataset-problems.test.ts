import { generateDataset, type CaseRecord, type Dataset, type LicenceRecord, type PersonRecord } from '..';
import { findDatasetProblems } from './find-dataset-problems';

// The consistency checker must catch what it claims to, or the dataset tests prove nothing.
const base = generateDataset({ seed: 11, sizes: { persons: 120, enterprises: 30, services: 60, licenceTypes: 50, licences: 600, cases: 200 } });

function withChange(change: (copy: { -readonly [K in keyof Dataset]: Dataset[K] extends readonly (infer T)[] ? T[] : Dataset[K] }) => void): string[] {
  const copy = structuredClone(base) as Parameters<typeof change>[0];
  change(copy);
  return findDatasetProblems(copy as Dataset);
}

const completedWithResult = (dataset: { cases: readonly CaseRecord[] }): number =>
  dataset.cases.findIndex((record) => record.resultLicenceNumbers.length > 0);

describe('findDatasetProblems', () => {
  it('finds nothing wrong with a generated dataset', () => {
    expect(findDatasetProblems(base)).toEqual([]);
  });

  it('catches a gender that disagrees with the ID number', () => {
    const problems = withChange((copy) => {
      const person = copy.persons[0] as PersonRecord;
      copy.persons[0] = { ...person, gender: person.gender === 'M' ? 'F' : 'M' };
    });
    expect(problems).toEqual([expect.stringMatching(/^persons: persons\[0\] P00000001 gender [MF] ≠ ID digit [MF]$/)]);
  });

  it('catches an invalid check digit and a duplicate phone', () => {
    const problems = withChange((copy) => {
      const person = copy.persons[1] as PersonRecord;
      const last = person.idNumber.charAt(17) === '0' ? '1' : '0';
      copy.persons[1] = { ...person, idNumber: person.idNumber.slice(0, 17) + last, phone: (copy.persons[2] as PersonRecord).phone };
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/invalid ID number .*: check character should be/),
        expect.stringMatching(/duplicate phone/),
      ]),
    );
  });

  it('catches a licence whose holder does not exist and a wrong status', () => {
    const problems = withChange((copy) => {
      copy.licences[0] = { ...(copy.licences[0] as LicenceRecord), holderId: '110105194912310021' };
      const expired = copy.licences.findIndex((licence) => licence.status === 'expired');
      copy.licences[expired] = { ...(copy.licences[expired] as LicenceRecord), status: 'valid' };
    });
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/holder 110105194912310021 does not exist/), expect.stringMatching(/status valid but expires/)]),
    );
  });

  it('catches a history that skips a workflow step or goes back in time', () => {
    const problems = withChange((copy) => {
      const index = completedWithResult(copy);
      const record = copy.cases[index] as CaseRecord;
      copy.cases[index] = { ...record, history: [record.history[0], ...record.history.slice(2)] as CaseRecord['history'] };
    });
    expect(problems).toEqual([expect.stringMatching(/submitted → in_review is not allowed/)]);

    const backwards = withChange((copy) => {
      const index = completedWithResult(copy);
      const record = copy.cases[index] as CaseRecord;
      const history = [...record.history];
      history[1] = { ...history[1]!, at: '2024-12-31T10:00:00+08:00' };
      copy.cases[index] = { ...record, history };
    });
    expect(backwards).toEqual([expect.stringMatching(/step 1 at 2024-12-31T10:00:00\+08:00 is not after/)]);
  });

  it('catches a result licence of somebody else and a status that is not the last step', () => {
    const problems = withChange((copy) => {
      const index = completedWithResult(copy);
      const record = copy.cases[index] as CaseRecord;
      const foreign = copy.licences.find((licence) => licence.holderId !== record.applicantId) as LicenceRecord;
      copy.cases[index] = { ...record, status: 'approved', resultLicenceNumbers: [foreign.number] };
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/status approved ≠ last history entry completed/),
        expect.stringMatching(/approved with result licences/),
        expect.stringMatching(/result licence .* belongs to/),
      ]),
    );
  });

  it('catches a legal representative who is not in the population registry', () => {
    const problems = withChange((copy) => {
      copy.enterprises[0] = { ...copy.enterprises[0]!, legalRepresentativeIdNumber: '11010519491231002X' };
    });
    expect(problems).toEqual([expect.stringMatching(/legal representative 11010519491231002X is not a person/)]);
  });
});
