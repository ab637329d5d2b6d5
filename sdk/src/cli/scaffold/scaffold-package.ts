/**
 * `govgraph connector new`: renders a subgraph package for one connector kind
 * (and, with a WSDL or OpenAPI document, its typed client and queries) and
 * writes it, refusing to overwrite an existing directory unless forced.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { generateOperations, type GeneratedOperations } from '../codegen/generated-operations';
import { readWsdlBindings, type ScaffoldSoapVersion } from '../codegen/wsdl-bindings';
import { deriveNames } from '../names';
import { fileKind, restKind, soapKind, sqlKind } from './kinds';
import { parseExtends } from './parse-extends';
import { renderPackage } from './render-package';
import type { ConnectorKind, KindTemplates, ScaffoldContext } from './scaffold-context';
import type { DependencyVersions } from './templates/package-files';

const KINDS: Readonly<Record<ConnectorKind, KindTemplates>> = { rest: restKind, soap: soapKind, sql: sqlKind, file: fileKind };

/** The default port of a scaffolded subgraph's `main.ts` (the repository's own use 4001–4004). */
export const DEFAULT_SCAFFOLD_PORT = 4010;

/** Options of {@link scaffoldPackage}. */
export interface ScaffoldPackageOptions {
  /** Lower-case kebab, e.g. `business-permits`. */
  readonly name: string;
  readonly kind: ConnectorKind;
  /** The repository root (holding `tsconfig.base.json`). */
  readonly root: string;
  /** Where to write, absolute or relative to `cwd`. @default `<root>/subgraphs/<name>` */
  readonly dir?: string | undefined;
  /** Resolves a relative `dir`, `wsdl` and `openapi`. @default process.cwd() */
  readonly cwd?: string | undefined;
  /** Overwrite the files of an existing, non-empty directory. @default false */
  readonly force?: boolean | undefined;
  /** The entity type's name. @default the PascalCase singular of `name` */
  readonly entity?: string | undefined;
  /** A WSDL document to generate a client and queries from (`kind: 'soap'`). */
  readonly wsdl?: { readonly document: string; readonly text: string } | undefined;
  /** An OpenAPI document to generate a client and queries from (`kind: 'rest'`). */
  readonly openapi?: { readonly document: string; readonly text: string } | undefined;
  /** The operations to generate; all when absent. */
  readonly operations?: readonly string[] | undefined;
  /** `'username-token'` (`kind: 'soap'`): the source sends a WS-Security UsernameToken, credentials from `<NAME>_USERNAME` / `<NAME>_PASSWORD`. */
  readonly wsSecurity?: 'username-token' | undefined;
  /** Entities of other subgraphs to extend, as `Type:keyField` (`Person:idNumber`). @default none */
  readonly extends?: readonly string[] | undefined;
}

/** What {@link scaffoldPackage} wrote. */
export interface ScaffoldResult {
  /** The package directory, absolute. */
  readonly dir: string;
  /** The files written, relative to `dir`. */
  readonly files: readonly string[];
  readonly generated?: GeneratedOperations | undefined;
  /** Constructs generated as `unknown`/`String` with `TODO(govgraph)`, operations left out of the schema. */
  readonly warnings: readonly string[];
  /** `kind: 'soap'`: the `soapVersion` the source was configured with (from the WSDL's bindings; `'1.1'` without one). */
  readonly soapVersion?: ScaffoldSoapVersion | undefined;
  /** Advice to print, e.g. that the WSDL asks for a WS-Security token and `--ws-security` was not given. */
  readonly hints: readonly string[];
}

/** A request the command refuses (bad name, existing directory, mismatched document); the message says what to do. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

/**
 * Renders and writes the package.
 * @throws ScaffoldError (or `InvalidNameError`) before anything is written.
 */
export function scaffoldPackage(options: ScaffoldPackageOptions): ScaffoldResult {
  const kind = KINDS[options.kind];
  if (!kind) throw new ScaffoldError(`--kind must be one of ${Object.keys(KINDS).join(', ')}, got "${String(options.kind)}"`);
  if (options.wsdl && options.kind !== 'soap') throw new ScaffoldError('--wsdl goes with --kind soap');
  if (options.openapi && options.kind !== 'rest') throw new ScaffoldError('--openapi goes with --kind rest');
  if (options.wsdl && options.openapi) throw new ScaffoldError('give --wsdl or --openapi, not both');
  if (options.operations && !options.wsdl && !options.openapi) throw new ScaffoldError('--operations needs --wsdl or --openapi');
  if (options.wsSecurity !== undefined && options.kind !== 'soap') throw new ScaffoldError('--ws-security goes with --kind soap');
  if (options.wsSecurity !== undefined && options.wsSecurity !== 'username-token') throw new ScaffoldError(`--ws-security must be username-token, got "${String(options.wsSecurity)}"`);
  const names = deriveNames(options.name, options.entity);
  let extended;
  try {
    extended = parseExtends(options.extends ?? [], names.entity.pascal);
  } catch (error) {
    throw new ScaffoldError((error as Error).message);
  }
  const cwd = options.cwd ?? process.cwd();
  const dir = options.dir === undefined ? join(options.root, 'subgraphs', names.kebab) : resolve(cwd, options.dir);
  if (existsSync(dir) && readdirSync(dir).length > 0 && !options.force) {
    throw new ScaffoldError(`${dir} already exists and is not empty; pass --force to overwrite its files, or choose another --dir`);
  }
  const hints: string[] = [];
  let soapVersion: ScaffoldSoapVersion = '1.1';
  if (options.wsdl) {
    let bindings;
    try {
      bindings = readWsdlBindings(options.wsdl.text);
    } catch (error) {
      throw new ScaffoldError(`cannot use the WSDL ${options.wsdl.document}: ${(error as Error).message}`);
    }
    soapVersion = bindings.soapVersion;
    if (bindings.usernameToken !== undefined && options.wsSecurity === undefined) {
      hints.push(
        `the WSDL asks for a WS-Security UsernameToken (${bindings.usernameToken}); pass --ws-security username-token ` +
          `to generate the security config (env ${names.constant}_USERNAME, ${names.constant}_PASSWORD)`,
      );
    }
  }
  const document = options.wsdl ?? options.openapi;
  let generated: GeneratedOperations | undefined;
  if (document) {
    try {
      generated = generateOperations({
        origin: options.wsdl ? 'wsdl' : 'openapi',
        document: document.document,
        text: document.text,
        operations: options.operations,
        pascal: names.pascal,
        kebab: names.kebab,
        reservedNames: [names.entity.pascal],
      });
    } catch (error) {
      throw new ScaffoldError(`cannot generate from ${document.document}: ${(error as Error).message}`);
    }
  }
  const packageDir = toPosix(relative(options.root, dir));
  const context: ScaffoldContext = {
    names,
    kind,
    packageDir: isAbsolute(packageDir) ? toPosix(dir) : packageDir,
    toRoot: toPosix(relative(dir, options.root)) || '.',
    defaultPort: DEFAULT_SCAFFOLD_PORT,
    generated,
    soap: { version: soapVersion, security: options.wsSecurity },
    extends: extended,
  };
  const files = renderPackage(context, readVersions(options.root));
  for (const [path, content] of files) {
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return {
    dir,
    files: [...files.keys()],
    generated,
    warnings: generated?.warnings ?? [],
    ...(options.kind === 'soap' ? { soapVersion } : {}),
    hints,
  };
}

/** The workspace's own versions, so the new package agrees with its neighbours. */
function readVersions(root: string): DependencyVersions {
  const sdk = readPackage(join(root, 'sdk', 'package.json'));
  const file = readPackage(join(root, 'connectors', 'file', 'package.json'));
  const dependency = (json: PackageJson, name: string, fallback: string): string => json.dependencies?.[name] ?? fallback;
  return {
    sdk: sdk.version ?? '0.1.0',
    graphql: dependency(sdk, 'graphql', '16.15.0'),
    typeGraphql: dependency(sdk, 'type-graphql', '2.0.0-rc.4'),
    reflectMetadata: dependency(sdk, 'reflect-metadata', '0.2.2'),
    zod: dependency(sdk, 'zod', '^4.6.7'),
    iconvLite: dependency(file, 'iconv-lite', '^0.7.3'),
  };
}

interface PackageJson {
  readonly version?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
}

function readPackage(path: string): PackageJson {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
  } catch {
    return {};
  }
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
