/**
 * The wire shapes of the social-insurance system: `si:insuranceStatus` and
 * `si:contribution` elements whose children follow the WSDL's sequences.
 * Values absent for a `never` account are `xsi:nil="true"` (the response
 * element declares `xsi`).
 */
import type { ContributionRecord, SocialInsuranceRecord } from '../data/types';
import { escapeXml } from '../population';

/** Children of `tns:InsuranceStatus`, in sequence order (`insuranceType` repeats). */
export const INSURANCE_STATUS_FIELDS = Object.freeze([
  'idNumber',
  'name',
  'status',
  'insuranceType',
  'firstContributionMonth',
  'lastContributionMonth',
  'totalContributionMonths',
  'payingUnit',
] as const);

/** Children of `tns:Contribution`, in sequence order. */
export const CONTRIBUTION_FIELDS = Object.freeze(['month', 'insuranceType', 'baseAmount', 'personalAmount', 'employerAmount', 'payingUnit'] as const);

const element = (name: string, value: string | number | null): string =>
  value === null ? `<si:${name} xsi:nil="true"/>` : `<si:${name}>${escapeXml(String(value))}</si:${name}>`;

/** One account's status. */
export function insuranceStatusToXml(record: SocialInsuranceRecord): string {
  return (
    '<si:insuranceStatus>' +
    element('idNumber', record.idNumber) +
    element('name', record.name) +
    element('status', record.status) +
    record.insuranceTypes.map((type) => element('insuranceType', type)).join('') +
    element('firstContributionMonth', record.firstContributionMonth) +
    element('lastContributionMonth', record.lastContributionMonth) +
    element('totalContributionMonths', record.totalContributionMonths) +
    element('payingUnit', record.payingUnit) +
    '</si:insuranceStatus>'
  );
}

/** One month's contribution to one insurance type. */
export function contributionToXml(record: ContributionRecord): string {
  return `<si:contribution>${CONTRIBUTION_FIELDS.map((field) => element(field, record[field])).join('')}</si:contribution>`;
}
