/**
 * `@Mask('phone')`: names the masking rule the gateway applies to a field's
 * values for an application whose grant does not clear it, as Federation's
 * built-in `@tag(name: "govgraph:mask:phone")` (kept by composition).
 */
import { Directive } from 'type-graphql';
import type { FieldTagDecorator } from './grade.decorator';
import { isMaskRule, MASK_RULES, MASK_TAG_PREFIX, type MaskRule } from './mask-rule';

/**
 * Tags the field with its masking rule. Use it on string fields together
 * with `@Grade` (a masked field is L3 or L4).
 * @throws TypeError for a value that is not a masking rule
 */
export function Mask(rule: MaskRule): FieldTagDecorator {
  if (!isMaskRule(rule)) throw new TypeError(`@Mask: ${JSON.stringify(rule)} is not a masking rule (one of ${MASK_RULES.join(', ')})`);
  return Directive(`@tag(name: "${MASK_TAG_PREFIX}${rule}")`);
}
