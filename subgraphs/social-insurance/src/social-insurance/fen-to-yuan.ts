/**
 * Amounts arrive in fen (分) as digit strings (`xsd:long`); clients get yuan
 * with two decimals. The conversion moves the decimal point in the text, so
 * no amount ever passes through a floating-point number.
 */
import { UpstreamDataError } from '@govgraph/sdk';

/**
 * `'800000'` → `'8000.00'`, `'5'` → `'0.05'`, `'-120'` → `'-1.20'`; leading
 * zeros dropped.
 *
 * @throws UpstreamDataError naming `field` when `fen` is not an integer in digits.
 */
export function fenToYuan(fen: string, field: string): string {
  const match = /^\s*([-+]?)(\d+)\s*$/.exec(fen);
  if (!match) throw new UpstreamDataError(`the social-insurance system answered ${field} with something other than an amount in fen`);
  const digits = (match[2] as string).replace(/^0+/, '').padStart(3, '0');
  const yuan = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return match[1] === '-' && yuan !== '0.00' ? `-${yuan}` : yuan;
}
