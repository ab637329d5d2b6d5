import { HolderKind } from '../../licence-type/holder-kind.enum';
import { LicenceStatus } from '../../licence/licence-status.enum';
import type { Licence } from '../../licence/licence.type';
import { assessLicence } from '../assess-licence';

const licence = (change: Partial<Licence>): Licence => ({
  number: 'JS-LT0001-2021-000001',
  typeCode: 'LT-0001',
  holderKind: HolderKind.ENTERPRISE,
  holderId: '91320100MA1MXXXX1X',
  issuer: '南京市市场监督管理局',
  issuedOn: '2021-04-01',
  expiresOn: '2026-03-31',
  status: LicenceStatus.VALID,
  revokedReason: null,
  ...change,
});

describe('assessLicence', () => {
  it('says when a revoked licence has no recorded reason', () => {
    expect(assessLicence('N', licence({ status: LicenceStatus.REVOKED }), '2025-01-01')).toMatchObject({
      result: 'REVOKED',
      reason: '证照已被吊销（证照库未记录吊销原因）',
    });
  });

  it('puts revocation before expiry', () => {
    expect(assessLicence('N', licence({ status: LicenceStatus.REVOKED, revokedReason: '伪造材料' }), '2030-01-01')).toMatchObject({
      result: 'REVOKED',
      reason: '伪造材料',
    });
  });

  it('trusts a recorded expiry even before the expiry date, and without one', () => {
    expect(assessLicence('N', licence({ status: LicenceStatus.EXPIRED }), '2025-01-01')).toMatchObject({
      result: 'EXPIRED',
      reason: '证照已过期（有效期至 2026-03-31）',
    });
    expect(assessLicence('N', licence({ status: LicenceStatus.EXPIRED, expiresOn: null }), '2025-01-01')).toMatchObject({
      result: 'EXPIRED',
      reason: '证照库记录该证照已过期',
    });
  });

  it('returns the whole verification', () => {
    const valid = licence({});
    expect(assessLicence('JS-LT0001-2021-000001', valid, '2026-03-31')).toEqual({
      number: 'JS-LT0001-2021-000001',
      result: 'VALID',
      reason: '证照有效，有效期至 2026-03-31',
      licence: valid,
      checkedOn: '2026-03-31',
    });
  });
});
