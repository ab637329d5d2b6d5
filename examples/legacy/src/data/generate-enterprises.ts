/**
 * The legal-person registry's enterprises: unique, valid unified social
 * credit codes (registration authority `9`, organisation type from the
 * kind), names following the `区划 + 字号 + 行业 + 组织形式` rule, a legal
 * representative who exists in the population registry and was an adult on
 * the establishment date.
 * @internal
 */
import { creditCodeCheckChar, organisationCodeCheckChar } from '@govgraph/sdk';
import { addYears, formatDay, parseDay } from './calendar';
import { surnameOf } from './chinese-names';
import {
  COMPANY_INDUSTRIES,
  COOPERATIVE_PRODUCTS,
  ENTERPRISE_KINDS,
  PARTNERSHIP_INDUSTRIES,
  SHOP_KINDS,
  TRADE_NAMES,
} from './enterprise-names';
import type { PersonPool } from './generate-persons';
import { jiangsuAddress } from './jiangsu-address';
import { JIANGSU, JIANGSU_CITIES, type City, type District } from './jiangsu-regions';
import { createWeightedChoices, type Random, type WeightedChoices } from './random';
import type { EnterpriseRecord, EnterpriseStatus } from './types';

/** Enterprises plus what later generators need without re-parsing records. */
export interface EnterprisePool {
  readonly records: readonly EnterpriseRecord[];
  /** Day numbers of the establishment dates. */
  readonly establishedDays: Int32Array;
  /** Index into {@link JIANGSU_CITIES} of the registering city. */
  readonly cityIndexes: Uint8Array;
}

/** The credit-code alphabet (digits and capitals without I, O, S, V, Z). */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Unified social credit codes (and `MA…` organisation codes for new registrations) since 2015-10-01. */
const CREDIT_CODE_REFORM = parseDay('2015-10-01');

/** The earliest establishment date each kind can have: when its governing law took effect. */
const EARLIEST_ESTABLISHMENT: Readonly<Record<string, number>> = {
  有限责任公司: parseDay('1994-07-01'),
  股份有限公司: parseDay('1994-07-01'),
  个人独资企业: parseDay('2000-01-01'),
  合伙企业: parseDay('1997-08-01'),
  个体工商户: parseDay('1990-01-01'),
  农民专业合作社: parseDay('2007-07-01'),
};

const STATUS_CHOICES = createWeightedChoices<EnterpriseStatus>([
  ['active', 90],
  ['cancelled', 6],
  ['revoked', 4],
]);
const MAX_ATTEMPTS = 1000;
const NAME_ATTEMPTS = 30;

/** Generates `count` enterprises; `persons` must not be empty when `count` > 0. */
export function generateEnterprises(random: Random, count: number, persons: PersonPool, referenceDay: number): EnterprisePool {
  const kindChoices = createWeightedChoices(ENTERPRISE_KINDS.map((entry) => [entry, entry[2]] as const));
  const cityChoices = createWeightedChoices(JIANGSU_CITIES.map((city, index) => [index, city.population] as const));
  const industryChoices = createWeightedChoices(COMPANY_INDUSTRIES);

  const records: EnterpriseRecord[] = [];
  const establishedDays = new Int32Array(count);
  const cityIndexes = new Uint8Array(count);
  const codes = new Set<string>();
  const names = new Set<string>();

  for (let i = 0; i < count; i += 1) {
    const [kind, organisationType] = random.weightedPick(kindChoices);
    const cityIndex = random.weightedPick(cityChoices);
    const city = JIANGSU_CITIES[cityIndex] as City;
    const district = random.pick(city.districts);

    const representative = random.int(0, persons.records.length - 1);
    const representativeRecord = persons.records[representative];
    if (!representativeRecord) throw new RangeError('enterprises need persons to be their legal representatives');
    const earliest = Math.max(addYears(persons.birthDays[representative] as number, 18), EARLIEST_ESTABLISHMENT[kind] as number);
    const latest = referenceDay - 1;
    if (earliest > latest) {
      throw new RangeError(`${representativeRecord.id} is not an adult before the reference date and cannot represent an enterprise`);
    }
    const u = random.next();
    const establishedDay = latest - Math.floor((latest - earliest) * u * u);

    let name = '';
    for (let attempt = 0; attempt < NAME_ATTEMPTS && (name === '' || names.has(name)); attempt += 1) {
      name = enterpriseName(random, kind, city, district, surnameOf(representativeRecord.name), industryChoices);
    }
    names.add(name);

    records.push({
      creditCode: uniqueCreditCode(random, codes, organisationType, district.code, establishedDay),
      name,
      kind,
      legalRepresentativeIdNumber: representativeRecord.idNumber,
      address: jiangsuAddress(random, city, district),
      status: random.weightedPick(STATUS_CHOICES),
      establishedOn: formatDay(establishedDay),
    });
    establishedDays[i] = establishedDay;
    cityIndexes[i] = cityIndex;
  }
  return { records, establishedDays, cityIndexes };
}

function enterpriseName(
  random: Random,
  kind: string,
  city: City,
  district: District,
  representativeSurname: string,
  industries: WeightedChoices<string>,
): string {
  const trade = random.pick(TRADE_NAMES);
  switch (kind) {
    case '股份有限公司':
      return `${random.chance(0.5) ? JIANGSU.shortName : city.shortName}${trade}${random.weightedPick(industries)}股份有限公司`;
    case '个人独资企业':
      return `${city.name}${district.name}${trade}${random.weightedPick(industries)}中心`;
    case '合伙企业':
      return `${city.shortName}${trade}${random.pick(PARTNERSHIP_INDUSTRIES)}合伙企业（有限合伙）`;
    case '个体工商户': {
      const owner = random.chance(0.5) ? `${representativeSurname}记` : random.chance(0.5) ? `老${representativeSurname}` : trade;
      return `${city.name}${district.name}${owner}${random.pick(SHOP_KINDS)}`;
    }
    case '农民专业合作社':
      return `${city.name}${district.name}${trade}${random.pick(COOPERATIVE_PRODUCTS)}专业合作社`;
    default:
      return `${city.shortName}${trade}${random.weightedPick(industries)}有限公司`;
  }
}

/**
 * `9` (market regulation) + organisation type + district code + organisation
 * code + check character. Registrations from before the 2015 reform keep
 * their old 8-digit organisation code; later ones get an `MA…` code.
 */
function uniqueCreditCode(random: Random, taken: Set<string>, organisationType: string, regionCode: string, establishedDay: number): string {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    let body: string;
    if (establishedDay < CREDIT_CODE_REFORM && organisationType === '1') {
      body = `${random.int(10000000, 99999999)}`;
    } else {
      body = 'MA';
      for (let i = 0; i < 6; i += 1) body += CREDIT_ALPHABET.charAt(random.int(0, CREDIT_ALPHABET.length - 1));
    }
    const first17 = `9${organisationType}${regionCode}${body}${organisationCodeCheckChar(body)}`;
    const code = first17 + creditCodeCheckChar(first17);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
  throw new RangeError('no free unified social credit code left: too many enterprises');
}
