/**
 * Key values that a legacy system almost surely does not hold, in the same
 * format as the department's samples: a resident ID number or credit code
 * keeps a valid check character (so a subgraph that validates its keys
 * still looks them up), other keys get digits varied. Used for the "missing
 * key" and large-batch checks when the department supplies no values.
 */
import { creditCodeCheckChar, parseCreditCode } from '../identifiers/credit-code';
import { organisationCodeCheckChar } from '../identifiers/organisation-code';
import { parseResidentId, residentIdCheckChar } from '../identifiers/resident-id';
import type { KeyValue } from './conformance-spec';

/** @internal The i-th variation of `sample` (i ≥ 0); `undefined` when the format cannot be varied. */
export function varyKeyValue(sample: KeyValue, index: number): KeyValue | undefined {
  if (typeof sample === 'number') return 900_000_000 + index;
  if (typeof sample !== 'string') {
    const entries = Object.entries(sample);
    const position = entries.findIndex(([, value]) => typeof value === 'string' || typeof value === 'number');
    if (position < 0) return undefined;
    const [field, value] = entries[position]!;
    const varied = varyKeyValue(value as string | number, index);
    return varied === undefined ? undefined : { ...sample, [field]: varied };
  }
  if (parseResidentId(sample).ok) {
    // Region and birth date kept; sequence numbers counted down from 999 (rarely issued).
    const sequence = String(999 - (index % 1000)).padStart(3, '0');
    const first17 = `${sample.slice(0, 14)}${sequence}`;
    return index < 1000 ? first17 + residentIdCheckChar(first17) : undefined;
  }
  if (parseCreditCode(sample).ok) {
    const body = `${sample.slice(8, 12)}${String(9999 - (index % 10_000)).padStart(4, '0')}`;
    const first17 = `${sample.slice(0, 8)}${body}${organisationCodeCheckChar(body)}`;
    return index < 10_000 ? first17 + creditCodeCheckChar(first17) : undefined;
  }
  const digits = [...sample].flatMap((char, position) => (char >= '0' && char <= '9' ? [position] : []));
  if (digits.length === 0) return undefined;
  const width = Math.min(digits.length, 6);
  const counter = String(10 ** width - 1 - index).padStart(width, '0');
  if (counter.length > width || index >= 10 ** width) return undefined;
  const chars = [...sample];
  digits.slice(-width).forEach((position, offset) => {
    chars[position] = counter.charAt(offset);
  });
  return chars.join('');
}

/** @internal `count` distinct values not among `taken`, made by `make` (or by varying `sample`); fewer if it runs dry. */
export function makeMissingKeys(
  count: number,
  taken: readonly KeyValue[],
  sample: KeyValue,
  make?: (index: number) => KeyValue,
): KeyValue[] {
  const seen = new Set(taken.map(keyIdentity));
  const made: KeyValue[] = [];
  for (let index = 0; made.length < count && index < count * 4 + 16; index += 1) {
    const value = make ? make(index) : varyKeyValue(sample, index);
    if (value === undefined) break;
    const identity = keyIdentity(value);
    if (seen.has(identity)) continue;
    seen.add(identity);
    made.push(value);
  }
  return made;
}

/** @internal A stable identity of a key value, for duplicates and comparisons. */
export function keyIdentity(value: KeyValue): string {
  if (typeof value !== 'object') return JSON.stringify(String(value));
  return JSON.stringify(Object.keys(value).sort().map((key) => [key, normalise(value[key])]));
}

function normalise(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'number' ? String(value) : value;
  if (Array.isArray(value)) return value.map(normalise);
  return Object.keys(value as object)
    .sort()
    .map((key) => [key, normalise((value as Record<string, unknown>)[key])]);
}
