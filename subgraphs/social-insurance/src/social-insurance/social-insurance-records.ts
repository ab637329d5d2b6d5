/**
 * Reading the social-insurance system, in one place: which operations, and
 * how their answers become the GraphQL shapes (lower-case codes → enums, a
 * digit string → `Int`, fen → yuan). Loaders and resolvers call this and
 * nothing else; the typed client (`../social-insurance-client.ts`, generated
 * from the WSDL) has already checked every field of every answer.
 */
import type { SoapSource } from '@govgraph/connector-soap';
import { UpstreamDataError, parseResidentId } from '@govgraph/sdk';
import { createSocialInsuranceClient, type Contribution as ContributionAnswer, type InsuranceStatus } from '../social-insurance-client';
import type { Contribution } from './contribution.type';
import { fenToYuan } from './fen-to-yuan';
import { InsuranceType } from './insurance-type';
import { InsuredStatus } from './insured-status';
import type { MonthRange } from './parse-month-range';
import type { SocialInsurance } from './social-insurance.type';

/**
 * `GetInsuranceStatusByIdNumbers` with repeated `idNumber` (at most the
 * manifest's batch size: the loader sees to it): the accounts found, in any
 * order. A person without an account is simply absent. Values that cannot be
 * resident ID numbers are not sent (no account can exist for them): the
 * system would refuse the whole batch.
 */
export async function fetchSocialInsurances(source: SoapSource, idNumbers: readonly string[]): Promise<SocialInsurance[]> {
  const valid = idNumbers.filter((idNumber) => parseResidentId(idNumber).ok);
  if (valid.length === 0) return [];
  const answer = await createSocialInsuranceClient(source).getInsuranceStatusByIdNumbers({ idNumber: valid });
  return answer.insuranceStatus.map(toSocialInsurance);
}

/** `GetContributionHistory` of one person over a checked range: by month, then insurance type. */
export async function fetchContributions(source: SoapSource, idNumber: string, range: MonthRange): Promise<Contribution[]> {
  const answer = await createSocialInsuranceClient(source).getContributionHistory({ idNumber, ...range });
  return answer.contribution.map((each, index) => toContribution(each, `GetContributionHistory.contribution[${index}]`));
}

function toSocialInsurance(status: InsuranceStatus, index: number): SocialInsurance {
  const path = `GetInsuranceStatusByIdNumbers.insuranceStatus[${index}]`;
  const months = /^\d{1,6}$/.test(status.totalContributionMonths) ? Number(status.totalContributionMonths) : Number.NaN;
  if (Number.isNaN(months)) throw new UpstreamDataError(`the social-insurance system answered ${path}.totalContributionMonths with something other than a count of months`);
  return {
    idNumber: status.idNumber,
    status: status.status.toUpperCase() as InsuredStatus,
    insuranceTypes: status.insuranceType.map((type) => type.toUpperCase() as InsuranceType),
    firstContributionMonth: status.firstContributionMonth,
    lastContributionMonth: status.lastContributionMonth,
    contributionMonths: months,
    payingUnit: status.payingUnit,
  };
}

function toContribution(contribution: ContributionAnswer, path: string): Contribution {
  return {
    month: contribution.month,
    insuranceType: contribution.insuranceType.toUpperCase() as InsuranceType,
    baseAmount: fenToYuan(contribution.baseAmount, `${path}.baseAmount`),
    personalAmount: fenToYuan(contribution.personalAmount, `${path}.personalAmount`),
    employerAmount: fenToYuan(contribution.employerAmount, `${path}.employerAmount`),
    payingUnit: contribution.payingUnit,
  };
}
