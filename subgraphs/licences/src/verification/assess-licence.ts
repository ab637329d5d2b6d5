/**
 * The rule of `verifyLicence`, apart from any I/O so it is tested exactly:
 * revoked beats everything; then a licence is expired if the library says
 * so or if its last day of validity is before the check date (the library's
 * status can lag behind the calendar); otherwise it is valid.
 */
import { LicenceStatus } from '../licence/licence-status.enum';
import type { Licence } from '../licence/licence.type';
import type { LicenceVerification } from './licence-verification.type';
import { VerificationResult } from './verification-result.enum';

/** Assesses `licence` (or its absence) on `checkedOn` (`YYYY-MM-DD`). */
export function assessLicence(number: string, licence: Licence | null, checkedOn: string): LicenceVerification {
  const outcome = (result: VerificationResult, reason: string): LicenceVerification => ({ number, result, reason, licence, checkedOn });
  if (!licence) return outcome(VerificationResult.NOT_FOUND, `证照库中没有编号为 ${number} 的证照`);
  if (licence.status === LicenceStatus.REVOKED) {
    return outcome(VerificationResult.REVOKED, licence.revokedReason?.trim() || '证照已被吊销（证照库未记录吊销原因）');
  }
  if (licence.expiresOn !== null && licence.expiresOn < checkedOn) {
    return outcome(VerificationResult.EXPIRED, `证照有效期至 ${licence.expiresOn}，已过期`);
  }
  if (licence.status === LicenceStatus.EXPIRED) {
    return outcome(VerificationResult.EXPIRED, licence.expiresOn ? `证照已过期（有效期至 ${licence.expiresOn}）` : '证照库记录该证照已过期');
  }
  return outcome(VerificationResult.VALID, licence.expiresOn ? `证照有效，有效期至 ${licence.expiresOn}` : '证照有效，长期有效');
}
