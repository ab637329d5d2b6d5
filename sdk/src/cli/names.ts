/**
 * Names of a scaffolded subgraph. The command takes one lower-case kebab name
 * (`business-permits`) and every other spelling is derived from it, so the
 * package name, classes, functions, environment variables and tables of a
 * generated package always agree with each other.
 */

/** Every spelling of a subgraph's name the templates use. */
export interface SubgraphNames {
  /** As given: `business-permits` (package, directory, subgraph name). */
  readonly kebab: string;
  /** `BusinessPermits` (`createBusinessPermitsSubgraph`). */
  readonly pascal: string;
  /** `businessPermits` (source and variable names). */
  readonly camel: string;
  /** `BUSINESS_PERMITS` (environment variables). */
  readonly constant: string;
  /** `business_permits` (SQL tables). */
  readonly snake: string;
  /** The entity type: `BusinessPermit` unless `--entity` says otherwise. */
  readonly entity: EntityNames;
}

/** Spellings of the scaffolded entity type. */
export interface EntityNames {
  /** `BusinessPermit` (the GraphQL type and class). */
  readonly pascal: string;
  /** `businessPermit` (the by-key query, loader prefix). */
  readonly camel: string;
  /** `business-permit` (file names). */
  readonly kebab: string;
  /** `businessPermits` (the list query). */
  readonly pluralCamel: string;
  /** `BusinessPermits` (operation names). */
  readonly pluralPascal: string;
}

const KEBAB_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PASCAL_NAME = /^[A-Z][A-Za-z0-9]*$/;
/** Names a generated package would shadow or that type-graphql reserves. */
const RESERVED_ENTITY_NAMES = new Set(['Query', 'Mutation', 'Subscription', 'String', 'Int', 'Float', 'Boolean', 'ID', 'Error', 'Object', 'Promise']);

/** A name given to the command that cannot be used; the message says why and what would do. */
export class InvalidNameError extends Error {
  override readonly name = 'InvalidNameError';
}

/**
 * Checks `name` is lower-case kebab (`permits`, `business-permits`, `land-use2`):
 * it becomes a package name, a directory, a subgraph name and identifiers.
 * @throws InvalidNameError naming the rule broken and suggesting a fix.
 */
export function assertKebabName(name: string): void {
  if (KEBAB_NAME.test(name) && name.length <= 50) return;
  const suggestion = suggestKebab(name);
  const hint = suggestion && suggestion !== name && KEBAB_NAME.test(suggestion) ? ` (did you mean "${suggestion}"?)` : '';
  if (name.length > 50) throw new InvalidNameError(`name "${name}" is too long: at most 50 characters`);
  throw new InvalidNameError(
    `name "${name}" is not lower-case kebab: use a-z and 0-9 in words joined by single dashes, starting with a letter${hint}`,
  );
}

/**
 * Derives every spelling from a kebab name; the entity defaults to the
 * PascalCase singular of the name (`business-permits` → `BusinessPermit`).
 * @throws InvalidNameError for a name or entity that cannot be used.
 */
export function deriveNames(name: string, entity?: string): SubgraphNames {
  assertKebabName(name);
  const words = name.split('-');
  const pascal = words.map(capitalise).join('');
  const entityPascal = entity ?? singularPascal(words);
  if (!PASCAL_NAME.test(entityPascal)) {
    throw new InvalidNameError(`entity "${entityPascal}" is not PascalCase: start with A-Z, then letters and digits (e.g. "BusinessPermit")`);
  }
  if (RESERVED_ENTITY_NAMES.has(entityPascal)) throw new InvalidNameError(`entity "${entityPascal}" is reserved: pick another with --entity`);
  const entityPlural = pluralise(entityPascal);
  return {
    kebab: name,
    pascal,
    camel: uncapitalise(pascal),
    constant: words.map((word) => word.toUpperCase()).join('_'),
    snake: words.join('_'),
    entity: {
      pascal: entityPascal,
      camel: uncapitalise(entityPascal),
      kebab: pascalToKebab(entityPascal),
      pluralCamel: uncapitalise(entityPlural),
      pluralPascal: entityPlural,
    },
  };
}

/** `GetPersonByIdNumber` → `getPersonByIdNumber`; `get-person` → `getPerson`; keeps identifiers valid. */
export function toCamelIdentifier(text: string): string {
  const words = splitWords(text);
  if (words.length === 0) return '_';
  const joined = words.map((word, index) => (index === 0 ? word.toLowerCase() : capitalise(word.toLowerCase()))).join('');
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** `legal_person` → `LegalPerson`; `person` → `Person`. */
export function toPascalIdentifier(text: string): string {
  const words = splitWords(text);
  if (words.length === 0) return '_';
  const joined = words.map((word) => capitalise(/^[A-Z0-9]+$/.test(word) ? word.toLowerCase() : word)).join('');
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** `BusinessPermit` → `business-permit`. */
export function pascalToKebab(text: string): string {
  return splitWords(text)
    .map((word) => word.toLowerCase())
    .join('-');
}

/** Splits camel, Pascal, snake, kebab and spaced text into words (`getHTTPStatus` → get, HTTP, Status). */
function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

function singularPascal(words: readonly string[]): string {
  const last = words[words.length - 1] ?? '';
  const singular = last.endsWith('ies') && last.length > 4 ? `${last.slice(0, -3)}y` : last.endsWith('ses') || last.endsWith('xes') ? last.slice(0, -2) : last.endsWith('s') && !last.endsWith('ss') && last.length > 3 ? last.slice(0, -1) : last;
  const pascal = [...words.slice(0, -1), singular].map(capitalise).join('');
  return /^[0-9]/.test(pascal) ? `Item${pascal}` : pascal;
}

function pluralise(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

function suggestKebab(name: string): string {
  return splitWords(name)
    .map((word) => word.toLowerCase())
    .join('-');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function uncapitalise(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}
