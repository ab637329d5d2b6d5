import { registerEnumType } from 'type-graphql';

/**
 * Status of an electronic licence as the licence library records it
 * (`valid`, `revoked`, `expired` in the legacy table). Whether a licence is
 * valid on a given day is `verifyLicence`'s question: the library's status
 * can lag behind the calendar.
 */
export enum LicenceStatus {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(LicenceStatus, {
  name: 'LicenceStatus',
  description: 'Status of a licence as the licence library records it.',
  valuesConfig: {
    VALID: { description: '有效: recorded as in force.' },
    REVOKED: { description: '已吊销: revoked by the issuer; see revokedReason.' },
    EXPIRED: { description: '已过期: recorded as past its expiry date.' },
  },
});
