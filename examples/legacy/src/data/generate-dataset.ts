/**
 * The one entry point of the synthetic data: a whole simulated province
 * (persons, enterprises, service items, licence types, licences, cases)
 * generated from a seed. Same seed and sizes → the same dataset, byte for
 * byte, on every machine: the five legacy simulators each serve their part
 * of it, and tests assert against records they can predict.
 */
import { parseDay } from './calendar';
import { DATASET_REFERENCE_DATE, DEFAULT_DATASET_SEED, DEFAULT_DATASET_SIZES } from './dataset-defaults';
import { generateCases, numberCases, type CaseDraft } from './generate-cases';
import { generateEnterprises } from './generate-enterprises';
import { LICENCE_TYPE_CAPACITY, generateLicenceTypes } from './generate-licence-types';
import { fillLicences, issueBusinessLicences } from './generate-licences';
import { generatePersons } from './generate-persons';
import { SERVICE_CAPACITY, generateServices } from './generate-services';
import { createLicenceLedger } from './licence-ledger';
import { createRandom } from './random';
import type { CaseRecord, CaseStatusChange, Dataset, DatasetSizes, ServiceRecord } from './types';

/** Options of {@link generateDataset}. */
export interface GenerateDatasetOptions {
  /**
   * Any integer in [0, 2^32 − 1]; each seed is a different province.
   * @default 20260101
   */
  readonly seed?: number;
  /**
   * Sizes to override; the others keep their defaults
   * (10000 persons, 2000 enterprises, 500 services, 50 licence types, 100000 licences, 20000 cases).
   */
  readonly sizes?: Partial<DatasetSizes>;
}

/**
 * Share of the licence budget left after business licences that completed
 * cases may use for their result licences; the rest is the library's
 * history.
 */
const CASE_RESULT_SHARE = 0.5;

/**
 * Generates the simulated province. Takes about half a second for the default
 * sizes; pass smaller `sizes` in unit tests.
 *
 * @throws RangeError listing every invalid option (negative or fractional
 * sizes, more services or licence types than the catalogs hold, enterprises
 * without persons to represent them, …).
 */
export function generateDataset(options: GenerateDatasetOptions = {}): Dataset {
  const seed = options.seed ?? DEFAULT_DATASET_SEED;
  const sizes: DatasetSizes = Object.freeze({ ...DEFAULT_DATASET_SIZES, ...definedOnly(options.sizes ?? {}) });
  assertDatasetOptions(seed, sizes);

  const referenceDay = parseDay(DATASET_REFERENCE_DATE);
  const random = createRandom(seed);
  const persons = generatePersons(random, sizes.persons);
  const enterprises = generateEnterprises(random, sizes.enterprises, persons, referenceDay);
  const services = generateServices(random, sizes.services);
  const types = generateLicenceTypes(sizes.licenceTypes);

  const ledger = createLicenceLedger({ random, capacity: sizes.licences, types, persons, enterprises, referenceDay });
  issueBusinessLicences(ledger, types, enterprises);
  const reserve = Math.ceil(ledger.remaining * (1 - CASE_RESULT_SHARE));
  const caseDrafts = generateCases({ random, count: sizes.cases, persons, enterprises, services, types, ledger, referenceDay, reserve });
  fillLicences({ random, ledger, types, persons, enterprises, referenceDay });

  const licences = ledger.finalise();
  const { numbers: caseNumbers, order: caseOrder } = numberCases(caseDrafts);
  const cases = caseOrder.map((index): CaseRecord => {
    const draft = caseDrafts[index] as CaseDraft;
    const last = draft.history[draft.history.length - 1] as CaseStatusChange;
    return {
      number: caseNumbers[index] as string,
      applicantKind: draft.applicantKind,
      applicantId: draft.applicantId,
      serviceCode: (services.records[draft.serviceIndex] as ServiceRecord).code,
      submittedAt: (draft.history[0] as CaseStatusChange).at,
      status: last.status,
      history: draft.history,
      resultLicenceNumbers: draft.resultTickets.map((ticket) => licences.numbers[ticket] as string),
    };
  });

  return {
    seed,
    sizes,
    referenceDate: DATASET_REFERENCE_DATE,
    persons: persons.records,
    enterprises: enterprises.records,
    services: services.records,
    licenceTypes: types.records,
    licences: licences.records,
    cases,
  };
}

/** Throws one RangeError naming every problem of the options. */
function assertDatasetOptions(seed: number, sizes: DatasetSizes): void {
  const problems: string[] = [];
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    problems.push(`seed must be an integer in [0, 4294967295], got ${String(seed)}`);
  }
  const known = Object.keys(DEFAULT_DATASET_SIZES);
  for (const key of Object.keys(sizes).filter((name) => !known.includes(name))) {
    problems.push(`sizes.${key} is not a dataset size (known: ${known.join(', ')})`);
  }
  for (const key of known as (keyof DatasetSizes)[]) {
    const value = sizes[key];
    if (!Number.isSafeInteger(value) || value < 0) problems.push(`sizes.${key} must be an integer ≥ 0, got ${String(value)}`);
  }
  if (sizes.services > SERVICE_CAPACITY) {
    problems.push(`sizes.services must be at most ${SERVICE_CAPACITY} (the catalog's items × cities × variants), got ${sizes.services}`);
  }
  if (sizes.licenceTypes > LICENCE_TYPE_CAPACITY) {
    problems.push(`sizes.licenceTypes must be at most ${LICENCE_TYPE_CAPACITY} (the catalog's types), got ${sizes.licenceTypes}`);
  }
  if (sizes.enterprises > 0 && sizes.persons === 0) {
    problems.push('sizes.persons must be > 0 when there are enterprises: every enterprise has a legal representative');
  }
  if (sizes.licences > 0 && (sizes.licenceTypes === 0 || sizes.persons + sizes.enterprises === 0)) {
    problems.push('sizes.licences > 0 needs sizes.licenceTypes > 0 and some persons or enterprises to hold them');
  }
  if (sizes.cases > 0 && (sizes.services === 0 || sizes.persons + sizes.enterprises === 0)) {
    problems.push('sizes.cases > 0 needs sizes.services > 0 and some persons or enterprises to apply');
  }
  if (problems.length > 0) throw new RangeError(`Invalid dataset options:\n- ${problems.join('\n- ')}`);
}

/** The given sizes without `undefined` values; unknown keys are kept so that validation can name them. */
function definedOnly(sizes: Partial<DatasetSizes>): Partial<DatasetSizes> {
  return Object.fromEntries(Object.entries(sizes).filter(([, value]) => value !== undefined));
}

