/**
 * Checks the `contributions(fromMonth, toMonth)` arguments before the system
 * is called, with the system's own rules (`YYYY-MM`, from ≤ to, at most 36
 * months both included), so a client gets `BAD_USER_INPUT` saying what is
 * wrong instead of a SOAP fault.
 */
import { BadRequestError } from '@govgraph/sdk';

/** The longest range the system answers, in months, both ends included. */
export const MAX_CONTRIBUTION_MONTHS = 36;

/** A checked month range. */
export interface MonthRange {
  readonly fromMonth: string;
  readonly toMonth: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Validates the range; every problem of both arguments is in the one error.
 *
 * @throws BadRequestError (`BAD_USER_INPUT`) with `details.problems`.
 */
export function parseMonthRange(fromMonth: string, toMonth: string): MonthRange {
  const problems: string[] = [];
  const from = MONTH.exec(fromMonth);
  const to = MONTH.exec(toMonth);
  if (!from) problems.push(`fromMonth: must be a month YYYY-MM, got ${JSON.stringify(fromMonth)}`);
  if (!to) problems.push(`toMonth: must be a month YYYY-MM, got ${JSON.stringify(toMonth)}`);
  if (from && to) {
    const months = Number(to[1]) * 12 + Number(to[2]) - (Number(from[1]) * 12 + Number(from[2])) + 1;
    if (months < 1) problems.push(`fromMonth: must not be after toMonth (${fromMonth} > ${toMonth})`);
    else if (months > MAX_CONTRIBUTION_MONTHS) {
      problems.push(`toMonth: a range covers at most ${MAX_CONTRIBUTION_MONTHS} months, ${fromMonth} … ${toMonth} is ${months}`);
    }
  }
  if (problems.length > 0) throw new BadRequestError(problems.join('; '), { details: { problems } });
  return { fromMonth, toMonth };
}
