/**
 * Masking rules: how the gateway hides a sensitive value from an application
 * whose grant does not clear the rule. A subgraph names the rule beside the
 * field (`@Mask('phone')`); the gateway applies it. The rules:
 * `resident-id` `320***********1234` (first 3 and last 4 characters kept),
 * `phone` `138****5678`, `name` `张*` / `欧阳**` (first character kept),
 * `address` kept up to the district (`…区/县/市`), then `****`.
 */

/** The masking rules the gateway knows. */
export const MASK_RULES = ['resident-id', 'phone', 'name', 'address'] as const;

/** A masking rule. */
export type MaskRule = (typeof MASK_RULES)[number];

/** Prefix of the Federation `@tag` name that carries a field's masking rule: `@tag(name: "govgraph:mask:phone")`. */
export const MASK_TAG_PREFIX = 'govgraph:mask:';

/** Whether `value` is a {@link MaskRule}. */
export function isMaskRule(value: unknown): value is MaskRule {
  return typeof value === 'string' && (MASK_RULES as readonly string[]).includes(value);
}
