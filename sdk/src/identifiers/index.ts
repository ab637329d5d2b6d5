export { residentIdCheckChar, parseResidentId } from './resident-id';
export type { ResidentIdParseResult, ResidentIdParseSuccess, ParseResidentIdOptions } from './resident-id';
export { creditCodeCheckChar, parseCreditCode } from './credit-code';
export type { CreditCodeParseResult, CreditCodeParseSuccess } from './credit-code';
export { organisationCodeCheckChar } from './organisation-code';
export type { IdentifierParseFailure } from './identifier-parse-failure';
