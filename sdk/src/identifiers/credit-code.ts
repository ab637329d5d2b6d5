/**
 * Unified social credit codes (统一社会信用代码) as defined by GB 32100-2015:
 * the 18-character identifier of every legal person and other organisation,
 * the key of `Enterprise` across the platform. Layout:
 *
 * | characters | meaning |
 * |---|---|
 * | 1 | registration authority (登记管理部门), e.g. `9` market regulation, `5` civil affairs, `1` institutional staffing |
 * | 2 | organisation type within that authority, e.g. `91…` enterprise, `92…` individual business, `93…` farmers' co-operative |
 * | 3–8 | administrative region code (GB/T 2260 digits) of the registering authority |
 * | 9–17 | the organisation code (GB 11714), itself ending in a check character |
 * | 18 | check character over characters 1–17 (ISO 7064 MOD 31-3 style) |
 *
 * The alphabet is the digits and the capital letters without I, O, Z, S and
 * V, which are too easily confused with 1, 0, 2, 5 and U.
 */
import { identifierParseFailure, quoteChar, type IdentifierParseFailure } from './identifier-parse-failure';
import { organisationCodeCheckChar } from './organisation-code';

/** The 31 characters of the code, in value order: `0` is 0 … `Y` is 30. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of characters 1–17 (3^(i-1) mod 31), GB 32100-2015 §4.4. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const ALPHABET_VALUES: ReadonlyMap<string, number> = new Map([...ALPHABET].map((char, index) => [char, index]));

/** A valid unified social credit code, taken apart. */
export interface CreditCodeParseSuccess {
  readonly ok: true;
  /** The code, normalised to capital letters. */
  readonly value: string;
  /** Character 1: the registration authority, e.g. `9` for market regulation (工商/市场监管). */
  readonly registrationAuthority: string;
  /** Character 2: the organisation type, e.g. `1` enterprise, `2` individual business, `3` farmers' co-operative (under authority `9`). */
  readonly organisationType: string;
  /** Characters 3–8: the administrative region code. */
  readonly regionCode: string;
  /** Characters 9–17: the GB 11714 organisation code, including its own check character. */
  readonly organisationCode: string;
}

/** What {@link parseCreditCode} returns: the parts of a valid code, or why it is not one. */
export type CreditCodeParseResult = CreditCodeParseSuccess | IdentifierParseFailure;

/**
 * The GB 32100-2015 check character of the first 17 characters of a unified
 * social credit code: 31 − (weighted sum mod 31), where 31 becomes 0, written
 * in the code's alphabet. Exported so that generators and tests build valid
 * codes with the same arithmetic the parser checks.
 *
 * @throws TypeError when `first17` is not 17 characters of the code's alphabet (capital letters).
 */
export function creditCodeCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || first17.length !== 17) {
    throw new TypeError(`creditCodeCheckChar expects 17 characters, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET_VALUES.get(first17.charAt(i));
    if (value === undefined) {
      throw new TypeError(
        `creditCodeCheckChar expects characters of ${ALPHABET}, got ${JSON.stringify(first17.charAt(i))} at ${i + 1}`,
      );
    }
    sum += value * (WEIGHTS[i] as number);
  }
  const check = 31 - (sum % 31);
  return ALPHABET.charAt(check === 31 ? 0 : check);
}

/**
 * Validates a unified social credit code and takes it apart. Checks, in
 * order: the length, that every character is in the code's alphabet, that
 * characters 3–8 (the region code) are digits, the check character of the
 * embedded organisation code (character 17), and the code's own check
 * character (18). The first problem found is the reason. Lower-case letters
 * are accepted and returned upper-cased.
 *
 * @example parseCreditCode('91350100M000100Y43')
 * // { ok: true, value: '91350100M000100Y43', registrationAuthority: '9', organisationType: '1',
 * //   regionCode: '350100', organisationCode: 'M000100Y4' }
 */
export function parseCreditCode(value: string): CreditCodeParseResult {
  if (typeof value !== 'string') {
    return identifierParseFailure(`must be a string, got ${value === null ? 'null' : typeof value}`);
  }
  if (value.length !== 18) {
    return identifierParseFailure(`must be 18 characters, got ${value.length}`);
  }
  const normalised = value.replace(/[a-z]/g, (char) => char.toUpperCase());
  for (let i = 0; i < 18; i += 1) {
    const char = normalised.charAt(i);
    if (!ALPHABET_VALUES.has(char)) {
      return identifierParseFailure(
        `character ${i + 1} must be a digit or a capital letter other than I, O, S, V and Z, got ${quoteChar(value.charAt(i))}`,
      );
    }
  }
  for (let i = 2; i < 8; i += 1) {
    const code = normalised.charCodeAt(i);
    if (code < 48 || code > 57) {
      return identifierParseFailure(
        `character ${i + 1} must be a digit (characters 3-8 are the region code), got ${quoteChar(value.charAt(i))}`,
      );
    }
  }

  const organisationCode = normalised.slice(8, 17);
  const organisationCheck = organisationCodeCheckChar(organisationCode.slice(0, 8));
  if (organisationCode.charAt(8) !== organisationCheck) {
    return identifierParseFailure(
      `character 17, the check character of the organisation code ${organisationCode.slice(0, 8)}, ` +
        `should be '${organisationCheck}', got ${quoteChar(value.charAt(16))}`,
    );
  }

  const expected = creditCodeCheckChar(normalised.slice(0, 17));
  if (normalised.charAt(17) !== expected) {
    return identifierParseFailure(`check character should be '${expected}', got ${quoteChar(value.charAt(17))}`);
  }
  return {
    ok: true,
    value: normalised,
    registrationAuthority: normalised.charAt(0),
    organisationType: normalised.charAt(1),
    regionCode: normalised.slice(2, 8),
    organisationCode,
  };
}
