/**
 * Organisation codes (组织机构代码) as defined by GB 11714-1997: 8 body
 * characters (`0`–`9`, `A`–`Z`) and a check character. Since GB 32100-2015
 * the 9-character code lives on as characters 9–17 of every unified social
 * credit code (its "主体标识码"), so a credit code is only valid when its
 * embedded organisation code is.
 */

/** Weights of the 8 body characters, GB 11714-1997 §5. */
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * The GB 11714-1997 check character (`0`–`9` or `X`) of the 8 body
 * characters of an organisation code. Digits count as 0–9 and letters A–Z as
 * 10–35; the check value is 11 − (weighted sum mod 11), where 10 is written
 * `X` and 11 is written `0`.
 *
 * @throws TypeError when `first8` is not exactly 8 characters of `0`–`9` / `A`–`Z`.
 * @example organisationCodeCheckChar('71526726') // 'X'
 */
export function organisationCodeCheckChar(first8: string): string {
  if (typeof first8 !== 'string' || !/^[0-9A-Z]{8}$/.test(first8)) {
    throw new TypeError(`organisationCodeCheckChar expects 8 characters of 0-9 and A-Z, got ${JSON.stringify(first8)}`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    sum += organisationCodeCharValue(first8.charCodeAt(i)) * (WEIGHTS[i] as number);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** Digits are worth 0–9, capital letters A–Z 10–35. */
function organisationCodeCharValue(charCode: number): number {
  return charCode <= 57 ? charCode - 48 : charCode - 55;
}
