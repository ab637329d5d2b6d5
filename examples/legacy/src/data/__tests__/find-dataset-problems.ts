/**
 * Checks every rule a generated dataset promises and returns the broken ones
 * as readable lines (an empty array means consistent). Collecting problems
 * instead of calling `expect` per record keeps the check of a
 * hundred-thousand-licence dataset fast and its failure output short.
 * @internal test helper
 */
import { parseCreditCode, parseResidentId } from '@govgraph/sdk';
import { JIANGSU_CITIES } from '../jiangsu-regions';
import { CASE_TRANSITIONS, type Dataset, type EnterpriseRecord, type LicenceRecord, type PersonRecord } from '../types';

const MAX_REPORTED = 20;
const KIND_LETTERS: Readonly<Record<string, string>> = { 行政许可: 'XK', 行政确认: 'QR', 行政给付: 'JF', 公共服务: 'GG', 其他行政权力: 'QT' };
const ORGANISATION_TYPE_OF_KIND: Readonly<Record<string, string>> = {
  有限责任公司: '1', 股份有限公司: '1', 个人独资企业: '1', 合伙企业: '1', 个体工商户: '2', 农民专业合作社: '3',
};
const CITY_PREFIXES = new Map<string, string>([['320000', 'JS'], ...JIANGSU_CITIES.map((city) => [city.code, city.casePrefix] as const)]);
const DISTRICTS = new Map(JIANGSU_CITIES.flatMap((city) => city.districts.map((district) => [district.code, `${city.name}${district.name}`] as const)));
const ADDRESS = new RegExp(
  `^江苏省(${JIANGSU_CITIES.flatMap((city) => city.districts.map((district) => `${city.name}${district.name}`)).join('|')})` +
    '[\\u4e00-\\u9fa5]{1,4}(路|街|大道)[1-9]\\d{0,2}号$',
);

/** `YYYY-MM-DD` + `years` − 1 day, computed with `Date` independently of the generator's calendar code. */
export function expectedExpiry(issuedOn: string, years: number): string {
  const [year, month, day] = issuedOn.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year + years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0); // 29 Feb → 28 Feb
  target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}

/** Whole years between two `YYYY-MM-DD` dates. */
function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** All broken rules of `dataset`, at most {@link MAX_REPORTED} per kind of record. */
export function findDatasetProblems(dataset: Dataset): string[] {
  const problems: string[] = [];
  const report = (() => {
    const counts = new Map<string, number>();
    return (area: string, message: string): void => {
      const count = (counts.get(area) ?? 0) + 1;
      counts.set(area, count);
      if (count <= MAX_REPORTED) problems.push(`${area}: ${message}`);
    };
  })();
  const now = new Date(`${dataset.referenceDate}T12:00:00+08:00`);
  const ref = dataset.referenceDate;

  // Persons
  const persons = new Map<string, PersonRecord>();
  const personIds = new Set<string>();
  const phones = new Set<string>();
  dataset.persons.forEach((person, index) => {
    const where = `persons[${index}] ${person.id}`;
    if (person.id !== `P${String(index + 1).padStart(8, '0')}`) report('persons', `${where} has an unexpected id`);
    if (personIds.has(person.id)) report('persons', `${where} duplicate id`);
    personIds.add(person.id);
    const parsed = parseResidentId(person.idNumber, { now });
    if (!parsed.ok) report('persons', `${where} invalid ID number ${person.idNumber}: ${parsed.reason}`);
    else {
      if (parsed.value !== person.idNumber) report('persons', `${where} ID number not normalised`);
      if (parsed.birthDate !== person.birthDate) report('persons', `${where} birth date ${person.birthDate} ≠ ID digits ${parsed.birthDate}`);
      if (parsed.gender !== person.gender) report('persons', `${where} gender ${person.gender} ≠ ID digit ${parsed.gender}`);
    }
    if (person.birthDate < '1940-01-01' || person.birthDate > '2007-12-31') report('persons', `${where} born ${person.birthDate}`);
    if (persons.has(person.idNumber)) report('persons', `${where} duplicate ID number ${person.idNumber}`);
    persons.set(person.idNumber, person);
    if (!/^1[3-9]\d{9}$/.test(person.phone)) report('persons', `${where} bad phone ${person.phone}`);
    if (phones.has(person.phone)) report('persons', `${where} duplicate phone ${person.phone}`);
    phones.add(person.phone);
    if (!/^[\u4e00-\u9fa5]{2,3}$/.test(person.name)) report('persons', `${where} bad name ${person.name}`);
    if (!ADDRESS.test(person.address)) report('persons', `${where} bad address ${person.address}`);
  });

  // Enterprises
  const enterprises = new Map<string, EnterpriseRecord>();
  dataset.enterprises.forEach((enterprise, index) => {
    const where = `enterprises[${index}] ${enterprise.creditCode}`;
    const parsed = parseCreditCode(enterprise.creditCode);
    if (!parsed.ok) report('enterprises', `${where} invalid credit code: ${parsed.reason}`);
    else {
      if (parsed.value !== enterprise.creditCode) report('enterprises', `${where} credit code not normalised`);
      if (parsed.registrationAuthority !== '9') report('enterprises', `${where} authority ${parsed.registrationAuthority}`);
      if (parsed.organisationType !== ORGANISATION_TYPE_OF_KIND[enterprise.kind]) {
        report('enterprises', `${where} organisation type ${parsed.organisationType} does not fit ${enterprise.kind}`);
      }
      const district = DISTRICTS.get(parsed.regionCode);
      if (!district) report('enterprises', `${where} region ${parsed.regionCode} is not a Jiangsu district of the dataset`);
      else if (!enterprise.address.startsWith(`江苏省${district}`)) report('enterprises', `${where} address ${enterprise.address} not in ${district}`);
    }
    if (enterprises.has(enterprise.creditCode)) report('enterprises', `${where} duplicate credit code`);
    enterprises.set(enterprise.creditCode, enterprise);
    const representative = persons.get(enterprise.legalRepresentativeIdNumber);
    if (!representative) report('enterprises', `${where} legal representative ${enterprise.legalRepresentativeIdNumber} is not a person`);
    else if (ageOn(representative.birthDate, enterprise.establishedOn) < 18) {
      report('enterprises', `${where} legal representative born ${representative.birthDate} is a minor on ${enterprise.establishedOn}`);
    }
    if (!['active', 'revoked', 'cancelled'].includes(enterprise.status)) report('enterprises', `${where} status ${enterprise.status}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(enterprise.establishedOn) || enterprise.establishedOn >= ref) {
      report('enterprises', `${where} established ${enterprise.establishedOn}`);
    }
    if (!ADDRESS.test(enterprise.address)) report('enterprises', `${where} bad address ${enterprise.address}`);
    if (enterprise.name.length < 6) report('enterprises', `${where} implausible name ${enterprise.name}`);
  });

  // Services
  const services = new Map(dataset.services.map((service) => [service.code, service]));
  if (services.size !== dataset.services.length) report('services', 'duplicate codes');
  dataset.services.forEach((service, index) => {
    const where = `services[${index}] ${service.code}`;
    const match = /^(32\d{4})-([A-Z]{2})-(\d{4})$/.exec(service.code);
    if (!match) report('services', `${where} bad code`);
    else {
      if (!CITY_PREFIXES.has(match[1] as string)) report('services', `${where} region ${match[1]} is neither the province nor a city`);
      if (KIND_LETTERS[service.kind] !== match[2]) report('services', `${where} letters ${match[2]} do not fit ${service.kind}`);
    }
    if (index > 0 && (dataset.services[index - 1] as { code: string }).code >= service.code) report('services', `${where} not sorted by code`);
    if (![1, 2, 3, 4].includes(service.onlineDepth)) report('services', `${where} depth ${service.onlineDepth}`);
    if (!(Number.isInteger(service.promisedDays) && service.promisedDays >= 0 && service.promisedDays <= service.legalDays)) {
      report('services', `${where} promised ${service.promisedDays} legal ${service.legalDays}`);
    }
    const level = service.code.startsWith('320000') ? '江苏省' : JIANGSU_CITIES.find((city) => service.code.startsWith(city.code))?.name;
    if (!level || !service.department.startsWith(level) || service.department.length <= level.length + 2) {
      report('services', `${where} department ${service.department} does not fit the code's region`);
    }
  });

  // Licence types
  const types = new Map(dataset.licenceTypes.map((type) => [type.code, type]));
  if (types.size !== dataset.licenceTypes.length) report('licenceTypes', 'duplicate codes');
  if (new Set(dataset.licenceTypes.map((type) => type.name)).size !== dataset.licenceTypes.length) report('licenceTypes', 'duplicate names');
  dataset.licenceTypes.forEach((type, index) => {
    if (type.code !== `LT-${String(index + 1).padStart(4, '0')}`) report('licenceTypes', `${type.code} out of order`);
    if (!(type.validityYears === null || (Number.isInteger(type.validityYears) && type.validityYears > 0))) {
      report('licenceTypes', `${type.code} validity ${type.validityYears}`);
    }
    if (!type.issuer.startsWith('江苏省') && type.issuer !== '国家移民管理局') report('licenceTypes', `${type.code} issuer ${type.issuer}`);
  });

  // Licences
  const licences = new Map<string, LicenceRecord>();
  const businessLicences = new Map<string, LicenceRecord[]>();
  dataset.licences.forEach((licence, index) => {
    const where = `licences[${index}] ${licence.number}`;
    if (licences.has(licence.number)) report('licences', `${where} duplicate number`);
    licences.set(licence.number, licence);
    const type = types.get(licence.typeCode);
    if (!type) {
      report('licences', `${where} unknown type ${licence.typeCode}`);
      return;
    }
    if (licence.number !== `JS-${licence.typeCode.replace('-', '')}-${licence.issuedOn.slice(0, 4)}-${licence.number.slice(-6)}` || !/\d{6}$/.test(licence.number)) {
      report('licences', `${where} number does not encode type and issue year`);
    }
    if (index > 0 && (dataset.licences[index - 1] as LicenceRecord).issuedOn > licence.issuedOn) report('licences', `${where} not in issue order`);
    if (licence.holderKind !== type.holderKind) report('licences', `${where} held by a ${licence.holderKind}, type is for ${type.holderKind}`);
    const holder = licence.holderKind === 'person' ? persons.get(licence.holderId) : enterprises.get(licence.holderId);
    if (!holder) report('licences', `${where} holder ${licence.holderId} does not exist`);
    else {
      if (holder.name !== licence.holderName) report('licences', `${where} holder name ${licence.holderName} ≠ ${holder.name}`);
      const start = 'birthDate' in holder ? holder.birthDate : holder.establishedOn;
      if (licence.issuedOn < start) report('licences', `${where} issued ${licence.issuedOn} before the holder existed (${start})`);
    }
    if (!(licence.issuedOn < ref)) report('licences', `${where} issued ${licence.issuedOn}, not before ${ref}`);
    const expiry = type.validityYears === null ? null : expectedExpiry(licence.issuedOn, type.validityYears);
    if (licence.expiresOn !== expiry) report('licences', `${where} expires ${licence.expiresOn}, expected ${expiry}`);
    const expired = licence.expiresOn !== null && licence.expiresOn < ref;
    if (expired !== (licence.status === 'expired')) report('licences', `${where} status ${licence.status} but expires ${licence.expiresOn}`);
    if ((licence.status === 'revoked') !== (licence.revokedReason !== null)) report('licences', `${where} status ${licence.status} with reason ${licence.revokedReason}`);
    if (licence.revokedReason !== null && !/^(吊销|注销)：.+/.test(licence.revokedReason)) report('licences', `${where} reason ${licence.revokedReason}`);
    if (licence.issuer.length < 5) report('licences', `${where} issuer ${licence.issuer}`);
    if (type.name === '营业执照') {
      const list = businessLicences.get(licence.holderId) ?? [];
      list.push(licence);
      businessLicences.set(licence.holderId, list);
    }
  });
  const businessLicenceType = dataset.licenceTypes.find((type) => type.name === '营业执照');
  if (businessLicenceType && dataset.licences.length >= dataset.enterprises.length) {
    for (const enterprise of dataset.enterprises) {
      const list = businessLicences.get(enterprise.creditCode) ?? [];
      const [licence] = list;
      if (list.length !== 1 || !licence) report('licences', `${enterprise.creditCode} holds ${list.length} business licences`);
      else {
        if (licence.issuedOn !== enterprise.establishedOn) report('licences', `${enterprise.creditCode} business licence issued ${licence.issuedOn}, established ${enterprise.establishedOn}`);
        if ((enterprise.status === 'active') !== (licence.status === 'valid')) report('licences', `${enterprise.creditCode} is ${enterprise.status}, business licence ${licence.status}`);
      }
    }
  }

  // Cases
  const caseNumbers = new Set<string>();
  const resultLicences = new Set<string>();
  dataset.cases.forEach((record, index) => {
    const where = `cases[${index}] ${record.number}`;
    if (caseNumbers.has(record.number)) report('cases', `${where} duplicate number`);
    caseNumbers.add(record.number);
    const service = services.get(record.serviceCode);
    if (!service) report('cases', `${where} unknown service ${record.serviceCode}`);
    const prefix = CITY_PREFIXES.get(record.serviceCode.slice(0, 6));
    const day = record.submittedAt.slice(0, 10).replaceAll('-', '');
    if (!new RegExp(`^${prefix}${day}\\d{5}$`).test(record.number)) report('cases', `${where} number does not encode ${prefix} and ${day}`);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/.test(record.submittedAt)) report('cases', `${where} submittedAt ${record.submittedAt}`);
    if (record.submittedAt < '2025-01-01' || record.submittedAt >= ref) report('cases', `${where} submitted ${record.submittedAt}`);
    if (index > 0 && (dataset.cases[index - 1] as { submittedAt: string }).submittedAt > record.submittedAt) report('cases', `${where} not in submission order`);
    const applicant = record.applicantKind === 'person' ? persons.get(record.applicantId) : enterprises.get(record.applicantId);
    if (!applicant) report('cases', `${where} applicant ${record.applicantId} does not exist`);
    else if ('status' in applicant && applicant.status !== 'active') report('cases', `${where} applicant enterprise is ${applicant.status}`);
    else if ('establishedOn' in applicant && applicant.establishedOn > record.submittedAt.slice(0, 10)) report('cases', `${where} applicant not yet established`);

    const [first] = record.history;
    if (!first || first.status !== 'submitted' || first.at !== record.submittedAt) report('cases', `${where} history does not start with the submission`);
    record.history.forEach((change, step) => {
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/.test(change.at) || change.at >= ref) report('cases', `${where} step ${step} at ${change.at}`);
      const previous = record.history[step - 1];
      if (previous) {
        if (!CASE_TRANSITIONS[previous.status].includes(change.status)) report('cases', `${where} ${previous.status} → ${change.status} is not allowed`);
        if (!(previous.at < change.at)) report('cases', `${where} step ${step} at ${change.at} is not after ${previous.at}`);
      }
    });
    const last = record.history[record.history.length - 1];
    if (record.status !== last?.status) report('cases', `${where} status ${record.status} ≠ last history entry ${last?.status}`);
    if (record.status !== 'completed' && record.resultLicenceNumbers.length > 0) report('cases', `${where} ${record.status} with result licences`);
    if (record.resultLicenceNumbers.length > 2) report('cases', `${where} ${record.resultLicenceNumbers.length} result licences`);
    for (const number of record.resultLicenceNumbers) {
      const licence = licences.get(number);
      if (!licence) report('cases', `${where} result licence ${number} does not exist`);
      else if (licence.holderId !== record.applicantId || licence.holderKind !== record.applicantKind) {
        report('cases', `${where} result licence ${number} belongs to ${licence.holderId}`);
      } else if (licence.issuedOn !== last?.at.slice(0, 10)) report('cases', `${where} result licence issued ${licence.issuedOn}, case completed ${last?.at}`);
      if (resultLicences.has(number)) report('cases', `${where} result licence ${number} is the result of another case too`);
      resultLicences.add(number);
    }
  });

  return problems;
}
