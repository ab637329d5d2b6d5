/**
 * Data grades: how sensitive a field's values are, from L1 (public) to L4
 * (most sensitive: resident ID numbers, phone numbers). A subgraph declares
 * them beside the field (`@Grade('L3')`); the gateway learns them from the
 * supergraph and refuses an application whose grant does not reach the grade.
 * A field without a grade is L1.
 */

/** The grades, least sensitive first. */
export const DATA_GRADES = ['L1', 'L2', 'L3', 'L4'] as const;

/** A data grade: `L1` public, `L2` internal, `L3` personal, `L4` most sensitive. */
export type DataGrade = (typeof DATA_GRADES)[number];

/**
 * Prefix of the Federation `@tag` name that carries a field's grade:
 * `@tag(name: "govgraph:grade:L3")`. `@tag` is kept in the supergraph by
 * composition, so the gateway reads grades without a custom directive.
 */
export const GRADE_TAG_PREFIX = 'govgraph:grade:';

/** Whether `value` is a {@link DataGrade}. */
export function isDataGrade(value: unknown): value is DataGrade {
  return typeof value === 'string' && (DATA_GRADES as readonly string[]).includes(value);
}
