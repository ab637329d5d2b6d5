import { registerEnumType } from 'type-graphql';

/**
 * Registration status of a legal person, from the legal-person registry
 * (`active` / `revoked` / `cancelled` on the wire): 存续, 吊销, 注销.
 */
export enum EnterpriseStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(EnterpriseStatus, {
  name: 'EnterpriseStatus',
  description: 'Registration status of a legal person.',
  valuesConfig: {
    ACTIVE: { description: 'Registered and operating (存续).' },
    REVOKED: { description: 'Business licence revoked (吊销).' },
    CANCELLED: { description: 'Deregistered (注销).' },
  },
});

/** The registry's status codes ↔ {@link EnterpriseStatus}. */
export const ENTERPRISE_STATUS_CODES: Readonly<Record<EnterpriseStatus, string>> = Object.freeze({
  [EnterpriseStatus.ACTIVE]: 'active',
  [EnterpriseStatus.REVOKED]: 'revoked',
  [EnterpriseStatus.CANCELLED]: 'cancelled',
});
