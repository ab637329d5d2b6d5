import { generateDataset, type Dataset } from '..';

/*
 * Exact records of one fixed seed and size. The generator's output is a
 * contract: simulators, subgraph tests and examples quote these records.
 * If this test fails, the generator changed what it produces for a seed; if
 * that was intended, update the values here and tell the users of the data.
 */
const SIZES = { persons: 200, enterprises: 50, services: 40, licenceTypes: 50, licences: 1000, cases: 300 };

let dataset: Dataset;
beforeAll(() => {
  dataset = generateDataset({ seed: 20260101, sizes: SIZES });
});

describe('generateDataset for seed 20260101', () => {
  it('generates the same persons', () => {
    expect(dataset.persons[0]).toEqual({
      id: 'P00000001',
      idNumber: '320904199208120168',
      name: '刘华蕾',
      gender: 'F',
      birthDate: '1992-08-12',
      phone: '15835014274',
      address: '江苏省盐城市大丰区胜利北路54号',
    });
    expect(dataset.persons[199]).toEqual({
      id: 'P00000200',
      idNumber: '320613196312181661',
      name: '宋薇宏',
      gender: 'F',
      birthDate: '1963-12-18',
      phone: '18772491342',
      address: '江苏省南通市崇川区通江街47号',
    });
  });

  it('generates persons first, so the first persons do not depend on the other sizes', () => {
    const larger = generateDataset({ seed: 20260101, sizes: { persons: 300, enterprises: 0, services: 0, licenceTypes: 0, licences: 0, cases: 0 } });
    expect(larger.persons.slice(0, 200)).toEqual(dataset.persons);
  });

  it('generates the same enterprise', () => {
    expect(dataset.enterprises[0]).toEqual({
      creditCode: '92320382MAKQGGHE0A',
      name: '徐州市邳州市王记日用品店',
      kind: '个体工商户',
      legalRepresentativeIdNumber: '341202196008095527',
      address: '江苏省徐州市邳州市东风路365号',
      status: 'active',
      establishedOn: '2002-08-19',
    });
  });

  it('generates the same service and licence type', () => {
    expect(dataset.services[0]).toEqual({
      code: '320100-XK-0001',
      name: '药品零售企业经营许可（延续）',
      department: '南京市市场监督管理局',
      kind: '行政许可',
      onlineDepth: 3,
      promisedDays: 22,
      legalDays: 30,
    });
    expect(dataset.licenceTypes[5]).toEqual({
      code: 'LT-0006',
      name: '不动产权证书',
      issuer: '江苏省自然资源厅',
      holderKind: 'person',
      validityYears: null,
    });
  });

  it('generates the same licences', () => {
    expect(dataset.licences[0]).toEqual({
      number: 'JS-LT0042-1990-000001',
      typeCode: 'LT-0042',
      holderKind: 'person',
      holderId: '32083019590221346X',
      holderName: '张娟',
      issuer: '泰州市卫生健康委员会',
      issuedOn: '1990-12-05',
      expiresOn: null,
      status: 'valid',
      revokedReason: null,
    });
    expect(dataset.licences[999]).toEqual({
      number: 'JS-LT0017-2026-000007',
      typeCode: 'LT-0017',
      holderKind: 'enterprise',
      holderId: '91320311MA6AHMR60Y',
      holderName: '徐州市泉山区海澜科技中心',
      issuer: '徐州市生态环境局',
      issuedOn: '2026-06-29',
      expiresOn: '2031-06-28',
      status: 'valid',
      revokedReason: null,
    });
    expect(dataset.licences.find((licence) => licence.status === 'revoked')).toEqual({
      number: 'JS-LT0004-2016-000002',
      typeCode: 'LT-0004',
      holderKind: 'person',
      holderId: '321084198407275292',
      holderName: '曹晨勇',
      issuer: '扬州市公安局交通警察支队',
      issuedOn: '2016-08-07',
      expiresOn: '2026-08-06',
      status: 'revoked',
      revokedReason: '吊销：醉酒驾驶机动车（道路交通安全法第九十一条）',
    });
  });

  it('generates the same case', () => {
    expect(dataset.cases[0]).toEqual({
      number: 'SZ2025010200001',
      applicantKind: 'enterprise',
      applicantId: '91320506775539650R',
      serviceCode: '320500-XK-0004',
      submittedAt: '2025-01-02T15:50:22+08:00',
      status: 'completed',
      history: [
        { status: 'submitted', at: '2025-01-02T15:50:22+08:00', note: '窗口申报' },
        { status: 'accepted', at: '2025-01-06T10:56:36+08:00', note: '材料齐全，予以受理' },
        { status: 'in_review', at: '2025-01-08T11:19:11+08:00', note: null },
        { status: 'approved', at: '2025-01-13T10:23:35+08:00', note: '审查通过，准予许可' },
        { status: 'completed', at: '2025-01-14T09:08:51+08:00', note: '办结，证照已制发' },
      ],
      resultLicenceNumbers: ['JS-LT0049-2025-000001'],
    });
  });
});
