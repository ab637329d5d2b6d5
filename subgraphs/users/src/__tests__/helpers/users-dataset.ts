/**
 * Hand-made registry records for the users subgraph's tests: exact values to
 * assert, identifiers with real check characters (built with the SDK's own
 * arithmetic), and a few records the subgraph must refuse.
 */
import type { EnterpriseRecord, PersonRecord } from '@govgraph/legacy';
import { creditCodeCheckChar, organisationCodeCheckChar, residentIdCheckChar } from '@govgraph/sdk';

/** A resident ID number with its GB 11643 check character. */
export function residentId(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

/** A unified social credit code `91` + region + organisation code, with both check characters. */
export function creditCode(region: string, organisationBody: string): string {
  const first17 = `91${region}${organisationBody}${organisationCodeCheckChar(organisationBody)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The same number with a check character that is not its own. */
export function withWrongCheckCharacter(idNumber: string): string {
  return idNumber.slice(0, 17) + (idNumber.endsWith('7') ? '8' : '7');
}

/** The first 17 digits of an ID number whose check character is `X`. */
function first17WithCheckX(): string {
  for (let sequence = 0; sequence < 1000; sequence += 1) {
    const first17 = `32020519780101${String(sequence).padStart(3, '0')}`;
    if (residentIdCheckChar(first17) === 'X' && sequence % 2 === 1) return first17;
  }
  throw new Error('no ID number with check character X found');
}

export const wang: PersonRecord = {
  id: 'P00000001',
  idNumber: residentId('32010219900307123'),
  name: '王小明',
  gender: 'M',
  birthDate: '1990-03-07',
  phone: '13812345678',
  address: '江苏省南京市玄武区中山路18号',
};
export const wangHong: PersonRecord = {
  id: 'P00000002',
  idNumber: residentId('32050819851120242'),
  name: '王小红',
  gender: 'F',
  birthDate: '1985-11-20',
  phone: '13987654321',
  address: '江苏省苏州市工业园区星湖街328号 A&B座 <3楼>',
};
export const liLei: PersonRecord = {
  id: 'P00000003',
  idNumber: residentId(first17WithCheckX()),
  name: '李雷',
  gender: 'M',
  birthDate: '1978-01-01',
  phone: '13700000001',
  address: '江苏省无锡市滨湖区湖滨路1号',
};
/** Has no phone number on file. */
export const hanMeimei: PersonRecord = {
  id: 'P00000004',
  idNumber: residentId('32010619991231004'),
  name: '韩梅梅',
  gender: 'F',
  birthDate: '1999-12-31',
  phone: '',
  address: '江苏省南京市鼓楼区北京西路2号',
};
/** A corrupt record: the last character of the ID number is not its check character. */
export const corruptPerson: PersonRecord = {
  id: 'P00000099',
  idNumber: withWrongCheckCharacter(residentId('32010219700101001')),
  name: '错误',
  gender: 'M',
  birthDate: '1970-01-01',
  phone: '13000000000',
  address: '江苏省南京市',
};

/** A valid ID number nobody in the registry has. */
export const unknownIdNumber = residentId('32010219800101999');

export const persons: readonly PersonRecord[] = [wang, wangHong, liLei, hanMeimei, corruptPerson];

export const techCo: EnterpriseRecord = {
  creditCode: creditCode('320100', 'MA1MXXXX'),
  name: '南京示例科技有限公司',
  kind: '有限责任公司',
  legalRepresentativeIdNumber: wang.idNumber,
  address: '江苏省南京市建邺区江东中路100号',
  status: 'active',
  establishedOn: '2015-06-01',
};
export const foodCo: EnterpriseRecord = {
  creditCode: creditCode('320500', 'MA1NYYYY'),
  name: '苏州示例食品有限公司',
  kind: '有限责任公司',
  legalRepresentativeIdNumber: wangHong.idNumber,
  address: '江苏省苏州市姑苏区人民路5号',
  status: 'revoked',
  establishedOn: '2010-01-15',
};
export const snackShop: EnterpriseRecord = {
  creditCode: creditCode('320200', 'MA1PHHHH'),
  name: '无锡李雷小吃店',
  kind: '个体工商户',
  legalRepresentativeIdNumber: liLei.idNumber,
  address: '江苏省无锡市梁溪区中山路9号',
  status: 'cancelled',
  establishedOn: '2019-09-09',
};
/** Its legal representative is not in the population registry. */
export const logisticsCo: EnterpriseRecord = {
  creditCode: creditCode('320100', 'MA1QWWWW'),
  name: '南京示例物流有限公司',
  kind: '股份有限公司',
  legalRepresentativeIdNumber: unknownIdNumber,
  address: '江苏省南京市栖霞区仙林大道1号',
  status: 'active',
  establishedOn: '2021-03-03',
};
/** A corrupt record: a status the registry does not define. */
export const corruptEnterprise: EnterpriseRecord = {
  creditCode: creditCode('320100', 'MA1RKKKK'),
  name: '南京错误数据有限公司',
  kind: '有限责任公司',
  legalRepresentativeIdNumber: wang.idNumber,
  address: '江苏省南京市',
  status: 'suspended' as EnterpriseRecord['status'],
  establishedOn: '2020-01-01',
};
/** A valid credit code no enterprise has. */
export const unknownCreditCode = creditCode('320100', 'MA1UUUUU');

export const enterprises: readonly EnterpriseRecord[] = [techCo, foodCo, snackShop, logisticsCo, corruptEnterprise];

/** `count` persons `P10000001…` with distinct valid ID numbers (for batching tests). */
export function bulkPersons(count: number): PersonRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const sequence = String(index + 1).padStart(3, '0');
    return {
      id: `P1${String(index + 1).padStart(7, '0')}`,
      idNumber: residentId(`32011319800101${sequence}`),
      name: `赵${index + 1}`,
      gender: (index + 1) % 2 === 1 ? 'M' : 'F',
      birthDate: '1980-01-01',
      phone: `139${String(index + 1).padStart(8, '0')}`,
      address: '江苏省南京市栖霞区',
    };
  });
}

/** One enterprise per representative, with distinct valid credit codes (for batching tests). */
export function bulkEnterprises(representatives: readonly PersonRecord[]): EnterpriseRecord[] {
  return representatives.map((person, index) => ({
    creditCode: creditCode('320113', `MB${String(index + 1).padStart(6, '0')}`),
    name: `南京批量${index + 1}有限公司`,
    kind: '有限责任公司',
    legalRepresentativeIdNumber: person.idNumber,
    address: '江苏省南京市栖霞区',
    status: 'active',
    establishedOn: '2020-01-01',
  }));
}
