import { registerEnumType } from 'type-graphql';

/** The answer of `verifyLicence`: can this licence be relied on today? */
export enum VerificationResult {
  VALID = 'VALID',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
  NOT_FOUND = 'NOT_FOUND',
}

registerEnumType(VerificationResult, {
  name: 'VerificationResult',
  description: 'Whether a licence can be relied on at the check date.',
  valuesConfig: {
    VALID: { description: 'In force on the check date.' },
    REVOKED: { description: 'Revoked by the issuer.' },
    EXPIRED: { description: 'Past its expiry date (whatever status the library still records).' },
    NOT_FOUND: { description: 'The licence library holds no licence with this number.' },
  },
});
