/**
 * `@Grade('L3')`: declares a field's data grade beside the field, as
 * Federation's built-in `@tag(name: "govgraph:grade:L3")`, so it survives
 * `_service { sdl }` and composition and the gateway can read it off the
 * supergraph. Put it on `@Field` properties and `@FieldResolver` methods.
 */
import { Directive } from 'type-graphql';
import { DATA_GRADES, GRADE_TAG_PREFIX, isDataGrade, type DataGrade } from './data-grade';

/** The decorator {@link Grade} and {@link Mask} return: for type-graphql fields and field resolvers. */
export type FieldTagDecorator = PropertyDecorator & MethodDecorator;

/**
 * Tags the field with its data grade. A field without a grade is L1, but
 * writing `@Grade('L1')` says that someone decided. A field that several
 * subgraphs define (a key such as `Person.idNumber`) must carry the same
 * grade in each of them.
 * @throws TypeError for a value that is not a grade (a typo in plain JavaScript)
 */
export function Grade(level: DataGrade): FieldTagDecorator {
  if (!isDataGrade(level)) throw new TypeError(`@Grade: ${JSON.stringify(level)} is not a data grade (one of ${DATA_GRADES.join(', ')})`);
  return Directive(`@tag(name: "${GRADE_TAG_PREFIX}${level}")`);
}
