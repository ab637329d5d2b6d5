/**
 * The system's operations: read the (already routed and authenticated)
 * request element, validate it against the contract, answer with the
 * response element or an `env:Sender` fault. A person without an account is
 * absent from a status answer and has an empty history, never a fault.
 */
import { escapeXml, type XmlElement } from '../population';
import { contributionToXml, insuranceStatusToXml } from './social-insurance-xml';
import type { SocialInsuranceLedger } from './social-insurance-ledger';
import {
  MAX_CONTRIBUTION_RANGE_MONTHS,
  MAX_INSURANCE_STATUS_BATCH,
  SOCIAL_INSURANCE_NAMESPACE,
  senderFault,
  type SocialInsuranceFault,
  type SocialInsuranceOperation,
} from './social-insurance-contract';

/** The response element (serialised) or a fault. */
export type SocialInsuranceResult = { readonly ok: true; readonly xml: string } | { readonly ok: false; readonly fault: SocialInsuranceFault };

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Which child elements each request element may hold. */
const ALLOWED_CHILDREN: Readonly<Record<SocialInsuranceOperation, readonly string[]>> = {
  GetInsuranceStatusByIdNumbers: ['idNumber'],
  GetContributionHistory: ['idNumber', 'fromMonth', 'toMonth'],
};

/**
 * Runs one operation. `request` is the operation element of the SOAP body,
 * or `undefined` when only the action named the operation (empty body).
 */
export function executeSocialInsuranceOperation(
  ledger: SocialInsuranceLedger,
  operation: SocialInsuranceOperation,
  request: XmlElement | undefined,
): SocialInsuranceResult {
  const children = request?.children ?? [];
  const unexpected = children.find((child) => child.namespace !== SOCIAL_INSURANCE_NAMESPACE || !ALLOWED_CHILDREN[operation].includes(child.localName));
  if (unexpected) {
    const expected = ALLOWED_CHILDREN[operation].map((name) => `{${SOCIAL_INSURANCE_NAMESPACE}}${name}`).join(', ');
    return invalid(`unexpected element {${unexpected.namespace ?? ''}}${unexpected.localName} in ${operation}; expected ${expected}`);
  }
  const values = (name: string): string[] => children.filter((child) => child.localName === name).map((child) => child.text.trim());

  switch (operation) {
    case 'GetInsuranceStatusByIdNumbers': {
      const idNumbers = values('idNumber');
      if (idNumbers.length > MAX_INSURANCE_STATUS_BATCH) {
        return { ok: false, fault: senderFault('TOO_MANY_KEYS', `at most ${MAX_INSURANCE_STATUS_BATCH} idNumber elements per request, got ${idNumbers.length}`) };
      }
      if (idNumbers.some((idNumber) => idNumber === '')) return invalid('idNumber must not be empty');
      return respond(operation, ledger.getManyByIdNumbers(idNumbers).map(insuranceStatusToXml).join(''));
    }
    case 'GetContributionHistory': {
      const problems: string[] = [];
      const single = (name: string): string => {
        const found = values(name);
        if (found.length !== 1 || found[0] === '') problems.push(`${name} is required once`);
        return found[0] ?? '';
      };
      const idNumber = single('idNumber');
      const fromMonth = single('fromMonth');
      const toMonth = single('toMonth');
      const from = monthIndex(fromMonth);
      const to = monthIndex(toMonth);
      if (fromMonth && from === undefined) problems.push(`fromMonth must be YYYY-MM, got ${JSON.stringify(fromMonth)}`);
      if (toMonth && to === undefined) problems.push(`toMonth must be YYYY-MM, got ${JSON.stringify(toMonth)}`);
      if (from !== undefined && to !== undefined) {
        if (from > to) problems.push(`fromMonth ${fromMonth} is after toMonth ${toMonth}`);
        else if (to - from + 1 > MAX_CONTRIBUTION_RANGE_MONTHS) {
          problems.push(`at most ${MAX_CONTRIBUTION_RANGE_MONTHS} months per request, got ${to - from + 1} (${fromMonth} … ${toMonth})`);
        }
      }
      if (problems.length > 0) return invalid(problems.join('; '));
      const contributions = ledger.contributions(idNumber, fromMonth, toMonth);
      return respond(
        operation,
        `<si:idNumber>${escapeXml(idNumber)}</si:idNumber><si:fromMonth>${fromMonth}</si:fromMonth><si:toMonth>${toMonth}</si:toMonth>` +
          contributions.map(contributionToXml).join(''),
      );
    }
  }
}

function monthIndex(text: string): number | undefined {
  const match = MONTH.exec(text);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : undefined;
}

function respond(operation: SocialInsuranceOperation, content: string): SocialInsuranceResult {
  return { ok: true, xml: `<si:${operation}Response xmlns:si="${SOCIAL_INSURANCE_NAMESPACE}" xmlns:xsi="${XSI}">${content}</si:${operation}Response>` };
}

function invalid(message: string): SocialInsuranceResult {
  return { ok: false, fault: senderFault('INVALID_ARGUMENT', message) };
}
