/**
 * Masking rules (issue 4): how a sensitive value is shown when the grant does
 * not clear the field's rule (`resident-id` → `320***********1234`, `phone` →
 * `138****5678`, `name` → `张*`, `address` → up to the district, then `****`).
 */

/** A masking rule a subgraph declares on a field and a grant may clear. */
export type MaskRule = 'resident-id' | 'phone' | 'name' | 'address';

/** Every masking rule. */
export const MASK_RULES: readonly MaskRule[] = Object.freeze(['resident-id', 'phone', 'name', 'address']);

/** Type guard for {@link MaskRule}. */
export function isMaskRule(value: unknown): value is MaskRule {
  return typeof value === 'string' && (MASK_RULES as readonly string[]).includes(value);
}
