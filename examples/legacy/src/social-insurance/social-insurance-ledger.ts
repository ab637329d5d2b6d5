/**
 * The social-insurance system's in-memory tables: accounts by resident ID
 * number, each with its online contribution history (already ordered by
 * month, then insurance type).
 */
import type { ContributionRecord, SocialInsuranceRecord } from '../data/types';

/** Read access to the system's accounts. */
export interface SocialInsuranceLedger {
  /** Accounts found, each once, in request order. */
  getManyByIdNumbers(idNumbers: readonly string[]): SocialInsuranceRecord[];
  /** The account, or `undefined` if the person has none. */
  getByIdNumber(idNumber: string): SocialInsuranceRecord | undefined;
  /** Contributions of months `fromMonth` … `toMonth` (`YYYY-MM`, both included); `[]` for an unknown person. */
  contributions(idNumber: string, fromMonth: string, toMonth: string): ContributionRecord[];
}

/** Indexes the given accounts. ID numbers must be unique. */
export function createSocialInsuranceLedger(records: readonly SocialInsuranceRecord[]): SocialInsuranceLedger {
  const byIdNumber = new Map<string, SocialInsuranceRecord>();
  for (const record of records) {
    if (byIdNumber.has(record.idNumber)) throw new Error(`duplicate social-insurance account for ID number ${record.idNumber}`);
    byIdNumber.set(record.idNumber, record);
  }
  return {
    getManyByIdNumbers: (idNumbers) =>
      [...new Set(idNumbers)].flatMap((idNumber) => {
        const record = byIdNumber.get(idNumber);
        return record ? [record] : [];
      }),
    getByIdNumber: (idNumber) => byIdNumber.get(idNumber),
    // `YYYY-MM` strings compare like the months they name.
    contributions: (idNumber, fromMonth, toMonth) =>
      (byIdNumber.get(idNumber)?.contributions ?? []).filter((record) => record.month >= fromMonth && record.month <= toMonth),
  };
}
