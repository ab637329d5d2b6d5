/**
 * The population registry's persons: Jiangsu residents with valid, unique
 * resident ID numbers whose birth date and gender digits agree with the
 * record, unique mobile numbers and Jiangsu addresses.
 * @internal
 */
import { residentIdCheckChar } from '@govgraph/sdk';
import { compactDay, dayNumber, formatDay } from './calendar';
import { FEMALE_GIVEN_CHARS, MALE_GIVEN_CHARS, NEUTRAL_GIVEN_CHARS, SURNAMES } from './chinese-names';
import { jiangsuAddress } from './jiangsu-address';
import { JIANGSU_CITIES, OTHER_BIRTH_REGIONS, type City } from './jiangsu-regions';
import { createWeightedChoices, type Random, type WeightedChoices } from './random';
import type { PersonRecord } from './types';
import { zeroPad } from './zero-pad';

/** Persons plus what later generators need without re-parsing records. */
export interface PersonPool {
  readonly records: readonly PersonRecord[];
  /** Day numbers of the birth dates. */
  readonly birthDays: Int32Array;
  /** Index into {@link JIANGSU_CITIES} of the city each person lives in. */
  readonly cityIndexes: Uint8Array;
}

/** Relative weight of each birth decade 1940s … 2000s (2000–2007 only). */
const DECADE_WEIGHTS: readonly (readonly [startYear: number, weight: number])[] = [
  [1940, 5], [1950, 11], [1960, 17], [1970, 17], [1980, 17], [1990, 16], [2000, 13],
];
const LAST_BIRTH_YEAR = 2007;

const MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '166', '173', '176', '177', '178', '180', '181', '182', '183', '184', '185', '186',
  '187', '188', '189', '198', '199',
];

const ODD_DIGITS = ['1', '3', '5', '7', '9'] as const;
const EVEN_DIGITS = ['0', '2', '4', '6', '8'] as const;
const MAX_ATTEMPTS = 1000;

/** Generates `count` persons with ids `P00000001`, `P00000002`, … */
export function generatePersons(random: Random, count: number): PersonPool {
  const years: (readonly [number, number])[] = [];
  for (const [start, weight] of DECADE_WEIGHTS) {
    const end = Math.min(start + 9, LAST_BIRTH_YEAR);
    for (let year = start; year <= end; year += 1) years.push([year, weight / (end - start + 1)]);
  }
  const yearChoices = createWeightedChoices(years);
  const cityChoices = createWeightedChoices(JIANGSU_CITIES.map((city, index) => [index, city.population] as const));
  const surnameChoices = createWeightedChoices(SURNAMES);

  const records: PersonRecord[] = [];
  const birthDays = new Int32Array(count);
  const cityIndexes = new Uint8Array(count);
  const idNumbers = new Set<string>();
  const phones = new Set<string>();

  for (let i = 0; i < count; i += 1) {
    const gender = random.chance(0.505) ? 'M' : 'F';
    const year = random.weightedPick(yearChoices);
    const birthDay = random.int(dayNumber(year, 1, 1), dayNumber(year, 12, 31));

    const bornInJiangsu = random.chance(0.88);
    const birthCityIndex = random.weightedPick(cityChoices);
    const birthCity = JIANGSU_CITIES[birthCityIndex] as City;
    const birthDistrict = bornInJiangsu ? random.pick(birthCity.districts) : random.pick(OTHER_BIRTH_REGIONS);
    const staysHome = bornInJiangsu && random.chance(0.75);
    const cityIndex = staysHome ? birthCityIndex : random.weightedPick(cityChoices);
    const city = JIANGSU_CITIES[cityIndex] as City;
    const district = staysHome ? birthDistrict : random.pick(city.districts);

    const idNumber = uniqueIdNumber(random, idNumbers, `${birthDistrict.code}${compactDay(birthDay)}`, gender);
    records.push({
      id: `P${zeroPad(i + 1, 8)}`,
      idNumber,
      name: personName(random, surnameChoices, gender),
      gender,
      birthDate: formatDay(birthDay),
      phone: uniquePhone(random, phones),
      address: jiangsuAddress(random, city, district),
    });
    birthDays[i] = birthDay;
    cityIndexes[i] = cityIndex;
  }
  return { records, birthDays, cityIndexes };
}

function uniqueIdNumber(random: Random, taken: Set<string>, regionAndBirth: string, gender: 'M' | 'F'): string {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const sequence = zeroPad(random.int(0, 99), 2) + random.pick(gender === 'M' ? ODD_DIGITS : EVEN_DIGITS);
    const first17 = regionAndBirth + sequence;
    const idNumber = first17 + residentIdCheckChar(first17);
    if (!taken.has(idNumber)) {
      taken.add(idNumber);
      return idNumber;
    }
  }
  throw new RangeError(`no free resident ID number left for ${regionAndBirth}: too many persons for the region codes`);
}

function uniquePhone(random: Random, taken: Set<string>): string {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const phone = random.pick(MOBILE_PREFIXES) + zeroPad(random.int(0, 99999999), 8);
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
  throw new RangeError('no free mobile number left: too many persons');
}

function personName(random: Random, surnames: WeightedChoices<string>, gender: 'M' | 'F'): string {
  const surname = random.weightedPick(surnames);
  const gendered = gender === 'M' ? MALE_GIVEN_CHARS : FEMALE_GIVEN_CHARS;
  const givenChar = (): string => random.pick(random.chance(0.8) ? gendered : NEUTRAL_GIVEN_CHARS);
  if (surname.length > 1 || random.chance(0.3)) return surname + random.pick(gendered);
  return surname + givenChar() + givenChar();
}
