/**
 * `--extends Person:idNumber`: an entity another subgraph owns, which the
 * scaffolded subgraph extends with fields. The stub gets only the key field,
 * typed with the SDK's identifier scalar when the key is one the platform
 * knows (`idNumber` → `ResidentId`, `creditCode` → `CreditCode`), so the
 * composed supergraph agrees with the owner's type.
 */
import { pascalToKebab } from '../names';
import type { ExtendedEntity, KeyScalar } from './scaffold-context';

const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const FIELD_NAME = /^[a-z][A-Za-z0-9]*$/;
const RESERVED_TYPES = new Set(['Query', 'Mutation', 'Subscription', 'String', 'Int', 'Float', 'Boolean', 'ID', 'Error', 'Object', 'Promise']);

/** Keys with an SDK scalar, and sample values that pass it (valid check characters). */
const KNOWN_KEYS: Readonly<Record<string, { readonly scalar: KeyScalar; readonly samples: readonly string[] }>> = {
  idNumber: { scalar: 'ResidentIdScalar', samples: ['320102199003071239', '320102197801074232', '320508198512240024'] },
  creditCode: { scalar: 'CreditCodeScalar', samples: ['91330100716105852F', '91350100M000100Y43', '914403001922038216'] },
};

/**
 * Parses the `--extends` values; `entity` is the type the package owns (which cannot also be extended).
 * @throws Error naming every bad value and the expected form.
 */
export function parseExtends(values: readonly string[], entity: string): ExtendedEntity[] {
  const problems: string[] = [];
  const parsed: ExtendedEntity[] = [];
  for (const value of values) {
    const [typename = '', keyField = '', ...rest] = value.split(':').map((part) => part.trim());
    if (rest.length > 0 || !TYPE_NAME.test(typename) || !FIELD_NAME.test(keyField)) {
      problems.push(`--extends "${value}" is not <Type>:<keyField> (e.g. Person:idNumber, LegalPerson:creditCode)`);
      continue;
    }
    if (RESERVED_TYPES.has(typename)) problems.push(`--extends "${value}": ${typename} is reserved`);
    else if (typename === entity) problems.push(`--extends "${value}": ${typename} is the entity this package owns (--entity); extend another type`);
    else if (parsed.some((each) => each.typename === typename)) problems.push(`--extends "${value}": ${typename} is extended twice (one key per type)`);
    else {
      const known = KNOWN_KEYS[keyField];
      parsed.push({
        typename,
        kebab: pascalToKebab(typename),
        keyField,
        scalar: known?.scalar,
        samples: known?.samples ?? [`${typename.toUpperCase()}-001`, `${typename.toUpperCase()}-002`],
      });
    }
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return parsed;
}
