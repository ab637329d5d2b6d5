/**
 * What every template of a scaffolded package is rendered from: the names,
 * the connector kind's pieces, where the package goes relative to the
 * repository, and the code generated from a WSDL or OpenAPI document.
 */
import type { GeneratedOperations } from '../codegen/generated-operations';
import type { ScaffoldSoapVersion } from '../codegen/wsdl-bindings';
import type { SubgraphNames } from '../names';

/** The legacy protocols a scaffolded subgraph can speak: one connector package each. */
export const CONNECTOR_KINDS = ['rest', 'soap', 'sql', 'file'] as const;

/** One of {@link CONNECTOR_KINDS}. */
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** One option of the generated subgraph config, read from one environment variable. */
export interface ConfigFieldTemplate {
  /** The config key, e.g. `url`. */
  readonly key: string;
  /** The environment variable `main.ts` reads, e.g. `PERMITS_URL`. */
  readonly env: string;
  /** The TypeScript type of the parsed value, e.g. `string`. */
  readonly tsType: string;
  /** The zod schema expression (may use the config template's helpers: `httpUrl`, `absolutePath`, and the SDK's `integerOption` with `UNSIGNED`). */
  readonly zod: string;
  /** What it is, for JSDoc and the README. */
  readonly doc: string;
  /** Shown in the README's env table: `required`, or the default. */
  readonly defaultText: string;
  /** An example value for the README. */
  readonly example: string;
  /** `true` when the option may be absent after parsing (no default). */
  readonly optional?: boolean;
  /** `true` for a secret (a password): configuration errors never show its value. */
  readonly secret?: boolean;
}

/** The parts of a scaffolded package that depend on the connector kind. */
export interface KindTemplates {
  readonly kind: ConnectorKind;
  /** `@govgraph/connector-rest`. */
  readonly connectorPackage: string;
  /** `connectors/rest`, relative to the repository root. */
  readonly connectorDir: string;
  /** One line: what the legacy system is, e.g. `a REST/JSON API over HTTP`. */
  readonly legacyDescription: string;
  /** The description for this context, when it depends on it (the SOAP version); else `legacyDescription`. */
  describeLegacy?(context: ScaffoldContext): string;
  /** Options beyond `port`, `host` and `logLevel`, in order. */
  configFields(context: ScaffoldContext): readonly ConfigFieldTemplate[];
  /** `src/sources.ts`: the sources' type and the function that builds them from the config. */
  sourcesFile(context: ScaffoldContext): string;
  /** `src/<entity>/<entity>-records.ts`: the one file that reads the entity from the legacy system. */
  recordsFile(context: ScaffoldContext): string;
  /** `src/__tests__/helpers/fake-legacy-system.ts`: a tiny legacy system of this kind, started by the tests. */
  fakeSystemFile(context: ScaffoldContext): string;
  /** Further files (fixtures), by path relative to the package. */
  extraFiles(context: ScaffoldContext): Readonly<Record<string, string>>;
  /** More `it(…)` blocks for the subgraph test's main `describe` (they may use `system`, `query`, `Answer` and the package's exports). */
  extraTests?(context: ScaffoldContext): string;
  /** Whether the fake system counts calls (so the test can prove batching). */
  readonly countsCalls: boolean;
  /** README paragraphs on the legacy side: what to change in the records file, what the fake system serves. */
  readmeLegacy(context: ScaffoldContext): string;
}

/** Everything a template needs. */
export interface ScaffoldContext {
  readonly names: SubgraphNames;
  readonly kind: KindTemplates;
  /** The package directory relative to the repository root, `/`-separated (e.g. `subgraphs/permits`). */
  readonly packageDir: string;
  /** From the package directory to the repository root, `/`-separated (e.g. `../..`). */
  readonly toRoot: string;
  /** The default port of `main.ts`. */
  readonly defaultPort: number;
  /** Code generated from `--wsdl` / `--openapi`, when given. */
  readonly generated?: GeneratedOperations | undefined;
  /** How a SOAP source talks (`--kind soap`): the WSDL's version and `--ws-security`. */
  readonly soap: SoapScaffold;
  /** Entities of other subgraphs this one extends (`--extends Person:idNumber`), in order. */
  readonly extends: readonly ExtendedEntity[];
}

/** How a scaffolded SOAP source talks to the legacy system. */
export interface SoapScaffold {
  /** From the WSDL's binding(s); `'1.1'` without a WSDL. */
  readonly version: ScaffoldSoapVersion;
  /** `--ws-security username-token`: a UsernameToken on every call, credentials from the environment. */
  readonly security?: 'username-token' | undefined;
}

/** The SDK scalars an extended entity's key can have (`idNumber`, `creditCode`); other keys are `String`. */
export type KeyScalar = 'ResidentIdScalar' | 'CreditCodeScalar';

/** An entity another subgraph owns, extended here (`--extends Person:idNumber`). */
export interface ExtendedEntity {
  /** `Person`. */
  readonly typename: string;
  /** `person` (file names). */
  readonly kebab: string;
  /** `idNumber`: the one key field the stub class has. */
  readonly keyField: string;
  /** The SDK scalar of the key field, if it has one. */
  readonly scalar?: KeyScalar | undefined;
  /** Key values that pass the scalar, for the conformance test. */
  readonly samples: readonly string[];
}

/** The legacy system in one line, for this context (e.g. the SOAP version). */
export function legacyDescriptionOf(context: ScaffoldContext): string {
  return context.kind.describeLegacy ? context.kind.describeLegacy(context) : context.kind.legacyDescription;
}

/** `src/<type>/<type>` without extension, the base of an extended entity's files. */
export function extendedBase(extended: ExtendedEntity): string {
  return `${extended.kebab}/${extended.kebab}`;
}

/** The source's name in the legacy system's logs, errors and `/readyz`: `<name>-legacy`. */
export function legacySourceName(context: ScaffoldContext): string {
  return `${context.names.kebab}-legacy`;
}

/** `src/<entity>/<entity>` without extension, the base of the entity's files. */
export function entityBase(context: ScaffoldContext): string {
  return `${context.names.entity.kebab}/${context.names.entity.kebab}`;
}
