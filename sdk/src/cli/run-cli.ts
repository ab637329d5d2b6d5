/**
 * The `govgraph` command line, as a function of its arguments (so tests run
 * it in-process): `node:util` `parseArgs`, one sub-command so far,
 * `connector new`. Returns the exit code; writes only through `io`.
 */
import { parseArgs } from 'node:util';
import { InvalidNameError } from './names';
import { readDocument } from './read-document';
import { findRepositoryRoot } from './scaffold/find-repository-root';
import { CONNECTOR_KINDS, type ConnectorKind } from './scaffold/scaffold-context';
import { ScaffoldError, scaffoldPackage } from './scaffold/scaffold-package';

/** Where the command reads and writes. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** @default process.cwd() */
  readonly cwd?: string;
}

/** The usage text (`govgraph --help`). */
export const USAGE = `Usage:
  govgraph connector new <name> --kind rest|soap|sql|file [options]

Creates a working subgraph package @govgraph/subgraph-<name>: config, app, main,
one entity with @key, a batched loader, a README and tests against a fake
legacy system of that kind (plus the SDK's conformance test).

Options:
  --kind <kind>          rest, soap, sql or file (required)
  --dir <path>           where to write the package (default: subgraphs/<name>)
  --entity <Name>        the entity type (default: PascalCase singular of <name>)
  --force                overwrite the files of an existing directory
  --wsdl <file|url>      with --kind soap: generate a typed client and queries from a WSDL
  --openapi <file|url>   with --kind rest: generate them from an OpenAPI 3 document (JSON or YAML)
  --operations <A,B>     the operations (SOAP names or operationIds) to generate (default: all)
  --ws-security username-token
                         with --kind soap: send a WS-Security UsernameToken (env <NAME>_USERNAME,
                         <NAME>_PASSWORD; the password is never logged)
  --extends <Type:key>   extend an entity another subgraph owns, e.g. Person:idNumber (repeatable):
                         a stub with only the key, in orphanedTypes, and a field resolver on it
  -h, --help             show this text

<name> is lower-case kebab: permits, business-permits.
`;

/** Runs the command; resolves to the process exit code (0 ok, 1 refused or failed, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`govgraph: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.stdout(USAGE);
    return positionals.length === 0 && !values.help ? 2 : 0;
  }
  const [group, command, name, ...extra] = positionals;
  if (group !== 'connector' || command !== 'new') {
    io.stderr(`govgraph: unknown command "${positionals.slice(0, 2).join(' ')}"\n\n${USAGE}`);
    return 2;
  }
  const problems: string[] = [];
  if (name === undefined) problems.push('<name> is missing');
  if (extra.length > 0) problems.push(`unexpected arguments: ${extra.join(' ')}`);
  if (values.kind === undefined) problems.push(`--kind is required (${CONNECTOR_KINDS.join(', ')})`);
  else if (!(CONNECTOR_KINDS as readonly string[]).includes(values.kind)) problems.push(`--kind must be one of ${CONNECTOR_KINDS.join(', ')}, got "${values.kind}"`);
  const operations = values.operations?.split(',').map((each) => each.trim()).filter((each) => each.length > 0);
  if (values.operations !== undefined && (operations?.length ?? 0) === 0) problems.push('--operations lists no operation');
  if (values['ws-security'] !== undefined && values['ws-security'] !== 'username-token') problems.push(`--ws-security must be username-token, got "${values['ws-security']}"`);
  if (problems.length > 0) {
    io.stderr(`govgraph: ${problems.join('; ')}\n\n${USAGE}`);
    return 2;
  }
  const root = findRepositoryRoot(cwd, __dirname);
  if (!root) {
    io.stderr('govgraph: not inside a govgraph repository (no tsconfig.base.json with an sdk/ beside it above the working directory)\n');
    return 1;
  }
  try {
    const document = values.wsdl ?? values.openapi;
    const text = document === undefined ? undefined : await readDocument(document, cwd);
    const result = scaffoldPackage({
      name: name!,
      kind: values.kind as ConnectorKind,
      root,
      cwd,
      dir: values.dir,
      force: values.force,
      entity: values.entity,
      wsdl: values.wsdl !== undefined && text !== undefined ? { document: values.wsdl, text } : undefined,
      openapi: values.openapi !== undefined && text !== undefined ? { document: values.openapi, text } : undefined,
      operations,
      wsSecurity: values['ws-security'] as 'username-token' | undefined,
      extends: values.extends,
    });
    io.stdout(`created @govgraph/subgraph-${name} in ${result.dir}\n${result.files.map((file) => `  ${file}\n`).join('')}`);
    if (result.generated) {
      io.stdout(`generated from ${result.generated.document}: ${result.generated.operations.join(', ')}` + (result.generated.queries.length > 0 ? ` (queries: ${result.generated.queries.join(', ')})` : '') + '\n');
    }
    if (result.soapVersion !== undefined) {
      io.stdout(
        `SOAP version: ${result.soapVersion}` +
          (values.wsdl === undefined ? ' (no --wsdl: the default)' : result.soapVersion === 'auto' ? ' (the WSDL has SOAP 1.1 and 1.2 bindings; 1.2 is used)' : ` (the WSDL's binding)`) +
          (values['ws-security'] ? ', WS-Security UsernameToken' : '') +
          '\n',
      );
    }
    for (const hint of result.hints) io.stderr(`hint: ${hint}\n`);
    if (result.warnings.length > 0) {
      io.stderr(`warning: generated as unknown/String with TODO(govgraph), or left out:\n${result.warnings.map((warning) => `  - ${warning}\n`).join('')}`);
    }
    io.stdout(`next: edit ${result.dir}/src/*/…-records.ts (see its README), then\n  npx tsc -b ${result.dir} && npx jest ${result.dir}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ScaffoldError || error instanceof InvalidNameError || error instanceof Error) {
      io.stderr(`govgraph: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      kind: { type: 'string' },
      dir: { type: 'string' },
      entity: { type: 'string' },
      force: { type: 'boolean', default: false },
      wsdl: { type: 'string' },
      openapi: { type: 'string' },
      operations: { type: 'string' },
      'ws-security': { type: 'string' },
      extends: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
