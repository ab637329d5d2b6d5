/**
 * Data grades (issue 4): how sensitive a field's data is, L1 (public) to L4
 * (most sensitive). Subgraphs declare them beside the field; a grant carries
 * the highest grade it reaches.
 */

/** A data grade. A field without a declared grade is `L1`. */
export type DataGrade = 'L1' | 'L2' | 'L3' | 'L4';

/** Every grade, least sensitive first. */
export const DATA_GRADES: readonly DataGrade[] = Object.freeze(['L1', 'L2', 'L3', 'L4']);

/** Type guard for {@link DataGrade}. */
export function isDataGrade(value: unknown): value is DataGrade {
  return typeof value === 'string' && (DATA_GRADES as readonly string[]).includes(value);
}

/** 1 for L1 … 4 for L4, to compare grades. */
export function gradeRank(grade: DataGrade): number {
  return DATA_GRADES.indexOf(grade) + 1;
}
