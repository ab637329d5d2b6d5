/**
 * {@link ApiModel} → `src/<name>-client.ts`: TypeScript interfaces of the
 * requests, responses and object types, decoders that check every answer
 * (SOAP answers are text, JSON answers typed; both are accepted) and one
 * typed async function per operation calling the connector.
 */
import type { ApiModel, FieldModel, ObjectModel, OperationModel, TypeRef } from './api-model';
import { docText, inDependencyOrder, literal, propertyKey, todoOf, tsFieldType, tsTypeOf } from './emit-helpers';

/** What the client module is named after and what it calls. */
export interface EmitClientOptions {
  /** `Permits` → `createPermitsClient`, `PermitsClient`. */
  readonly pascal: string;
  /** Where the model came from, for the header comment. */
  readonly origin: string;
  readonly kind: 'soap' | 'rest';
}

const DECODER_HELPERS = `type Decode<T> = (value: unknown, path: string) => T;

function invalid(path: string, expected: string): UpstreamDataError {
  return new UpstreamDataError(\`the legacy system answered \${path} with something other than \${expected}\`);
}

const decodeString: Decode<string> = (value, path) => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw invalid(path, 'text');
};

const decodeInt: Decode<number> = (value, path) => {
  const number = typeof value === 'string' && /^\\s*[-+]?\\d+\\s*$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isSafeInteger(number)) return number;
  throw invalid(path, 'an integer');
};

const decodeFloat: Decode<number> = (value, path) => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number === 'number' && Number.isFinite(number)) return number;
  throw invalid(path, 'a number');
};

const decodeBoolean: Decode<boolean> = (value, path) => {
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  throw invalid(path, 'a boolean');
};

/** A construct the generator did not understand, kept as its JSON text. */
const decodeUnknown: Decode<string> = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

function decodeEnum<T extends string>(values: readonly T[]): Decode<T> {
  return (value, path) => {
    const text = decodeString(value, path);
    if ((values as readonly string[]).includes(text)) return text as T;
    throw invalid(path, \`one of \${values.join(', ')}\`);
  };
}

function asRecord(value: unknown, path: string): Record<string, unknown> {
  if (value === '' || value === undefined) return {};
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw invalid(path, 'an object');
}

function one<T>(record: Record<string, unknown>, key: string, path: string, decode: Decode<T>): T {
  const value = Array.isArray(record[key]) && (record[key] as unknown[]).length === 1 ? (record[key] as unknown[])[0] : record[key];
  if (value === undefined || value === null) throw invalid(\`\${path}.\${key}\`, 'a value');
  return decode(value, \`\${path}.\${key}\`);
}

function optional<T>(record: Record<string, unknown>, key: string, path: string, decode: Decode<T>): T | null {
  const value = Array.isArray(record[key]) && (record[key] as unknown[]).length === 1 ? (record[key] as unknown[])[0] : record[key];
  if (value === undefined || value === null || (value === '' && decode !== decodeString)) return null;
  return decode(value, \`\${path}.\${key}\`);
}

function many<T>(record: Record<string, unknown>, key: string, path: string, decode: Decode<T>): T[] {
  const value = record[key];
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map((each, index) => decode(each, \`\${path}.\${key}[\${index}]\`));
}

function listOf<T>(value: unknown, path: string, decode: Decode<T>): T[] {
  if (!Array.isArray(value)) throw invalid(path, 'a list');
  return value.map((each, index) => decode(each, \`\${path}[\${index}]\`));
}`;

/** The decoder expression of one value of `type`. */
function decoderOf(type: TypeRef): string {
  switch (type.kind) {
    case 'scalar':
      return type.scalar === 'int' ? 'decodeInt' : type.scalar === 'float' ? 'decodeFloat' : type.scalar === 'boolean' ? 'decodeBoolean' : 'decodeString';
    case 'enum':
      return type.values.length > 0 ? `decodeEnum([${type.values.map(literal).join(', ')}] as const)` : 'decodeString';
    case 'object':
      return `decode${type.name}`;
    case 'unknown':
      return 'decodeUnknown';
  }
}

function interfaceOf(name: string, fields: readonly FieldModel[], description: string | undefined, request: boolean): string {
  const members = fields.map((field) => {
    const doc = field.description ? `  /** ${docText(field.description)} */\n` : '';
    const key = propertyKey(field.name);
    const optionalMark = request && field.optional ? '?' : '';
    return `${doc}  readonly ${key}${optionalMark}: ${tsFieldType(field)};${todoOf(field.type)}`;
  });
  return `/** ${docText(description ?? `${name}, as the legacy system defines it.`)} */\nexport interface ${name} {\n${members.join('\n')}\n}`;
}

function objectDecoder(object: ObjectModel): string {
  const lines = object.fields.map((field) => {
    const how = field.list ? 'many' : field.optional ? 'optional' : 'one';
    return `    ${propertyKey(field.name)}: ${how}(record, ${literal(field.wireName)}, path, ${decoderOf(field.type)}),`;
  });
  return `function decode${object.name}(value: unknown, path: string): ${object.name} {\n  const record = asRecord(value, path);\n  return {\n${lines.join('\n')}\n  };\n}`;
}

function responseTypeOf(operation: OperationModel): string {
  if (!operation.response) return 'void';
  const one = tsTypeOf(operation.response.type);
  return operation.response.list ? `${/[|&]/.test(one) ? `(${one})` : one}[]` : one;
}

function responseDecoding(operation: OperationModel): string {
  if (!operation.response) return '';
  const decode = decoderOf(operation.response.type);
  return operation.response.list ? `listOf(raw, ${literal(operation.wireName)}, ${decode})` : `${decode}(raw, ${literal(operation.wireName)})`;
}

function soapBody(operation: OperationModel): string {
  const arrays = operation.protocol.kind === 'soap' ? operation.protocol.arrays : [];
  const params = operation.params.map((param) => `${propertyKey(param.wireName)}: request.${param.name}${param.optional ? ' ?? undefined' : ''}`).join(', ');
  const call = `source.call<unknown>(${literal(operation.wireName)}, { ${params} }${arrays.length > 0 ? `, { arrays: [${arrays.map(literal).join(', ')}] }` : ''})`;
  return operation.response ? `const raw = await ${call};\n      return ${responseDecoding(operation)};` : `await ${call};`;
}

function restBody(operation: OperationModel): string {
  if (operation.protocol.kind !== 'rest') return '';
  const { method, path, queryParams, bodyParam } = operation.protocol;
  const byWire = new Map(operation.params.map((param) => [param.wireName, param]));
  const template = path.replace(/\{([^}]+)\}/g, (_, wire: string) => `\${pathSegment(String(request.${byWire.get(wire)?.name ?? wire}))}`).replace(/`/g, '\\`');
  const query = queryParams
    .map((wire) => {
      const param = byWire.get(wire)!;
      const scalar = param.type.kind === 'scalar' || param.type.kind === 'enum';
      const value = scalar ? `request.${param.name}` : `request.${param.name} === undefined ? undefined : JSON.stringify(request.${param.name})`;
      return `${propertyKey(wire)}: ${value}`;
    })
    .join(', ');
  const parts = [
    `method: ${literal(method)}`,
    `path: \`${template}\``,
    ...(queryParams.length > 0 ? [`query: { ${query} }`] : []),
    ...(bodyParam ? [`body: request.${byWire.get(bodyParam)?.name ?? 'body'}`] : []),
    `operation: ${literal(operation.wireName)}`,
  ];
  const call = `source.request<unknown>({ ${parts.join(', ')} })`;
  return operation.response ? `const raw = await ${call};\n      return ${responseDecoding(operation)};` : `await ${call};`;
}

/** Renders the client module. */
export function emitClient(model: ApiModel, options: EmitClientOptions): string {
  const { pascal, kind } = options;
  const objects = inDependencyOrder(model.objects);
  const requests = model.operations
    .filter((operation) => operation.params.length > 0)
    .map((operation) => interfaceOf(`${operation.typeName}Request`, operation.params, `The parameters of ${operation.wireName}.`, true));
  const methods = model.operations.map((operation) => {
    const parameter = operation.params.length > 0 ? `request: ${operation.typeName}Request` : '';
    const doc = `  /** ${docText(`${operation.wireName}${operation.description ? `: ${operation.description}` : ''}`)}. Throws the connector's taxonomy errors; an answer that does not match the document is \`UpstreamDataError\`. */`;
    return `${doc}\n  ${operation.functionName}(${parameter}): Promise<${responseTypeOf(operation)}>;`;
  });
  const implementations = model.operations.map((operation) => {
    const parameter = operation.params.length > 0 ? 'request' : '';
    return `    async ${operation.functionName}(${parameter}) {\n      ${kind === 'soap' ? soapBody(operation) : restBody(operation)}\n    },`;
  });
  const sourceImport =
    kind === 'soap'
      ? "import type { SoapSource } from '@govgraph/connector-soap';"
      : `import { ${model.operations.some((operation) => operation.protocol.kind === 'rest' && operation.protocol.pathParams.length > 0) ? 'pathSegment, ' : ''}type RestSource } from '@govgraph/connector-rest';`;
  const sourceType = kind === 'soap' ? 'SoapSource' : 'RestSource';
  return `/**
 * A typed client of the legacy system's operations, generated by
 * \`govgraph connector new\` from ${options.origin}. Every answer is checked
 * against the document's types before it is returned. Edit freely: it is not regenerated.
 */
${sourceImport}
import { UpstreamDataError } from '@govgraph/sdk';

${objects.map((object) => interfaceOf(object.name, object.fields, object.description, false)).join('\n\n')}

${requests.join('\n\n')}

/** The operations of the legacy system. */
export interface ${pascal}Client {
${methods.join('\n')}
}

/** Wraps the subgraph's source. Cheap: holds nothing but the source. */
export function create${pascal}Client(source: ${sourceType}): ${pascal}Client {
  return {
${implementations.join('\n')}
  };
}

${objects.map(objectDecoder).join('\n\n')}

${DECODER_HELPERS}
`.replace(/\n{3,}/g, '\n\n');
}
