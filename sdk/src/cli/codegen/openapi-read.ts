/**
 * OpenAPI 3.0/3.1 (JSON or YAML) → {@link ApiModel}. The common subset of
 * department APIs: `paths` with `operationId`, path and query parameters,
 * JSON `requestBody`, JSON responses (200, else the first 2xx) whose schemas
 * use `$ref` to `components.schemas`, and object/array/string/integer/
 * number/boolean/enum schemas (3.0 `nullable` and 3.1 `type: [T, 'null']`).
 * `allOf`/`oneOf`/`anyOf`, free-form objects and external `$ref`s become
 * `unknown` types and warnings.
 */
import { parse as parseYaml } from 'yaml';
import { toCamelIdentifier, toPascalIdentifier } from '../names';
import { selectOperations, type ApiModel, type FieldModel, type ObjectModel, type OperationModel, type TypeRef } from './api-model';

type Schema = Record<string, unknown>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Options of {@link readOpenApi}. */
export interface ReadOpenApiOptions {
  /** `operationId`s to generate; all when empty. */
  readonly operations?: readonly string[] | undefined;
  /** Object type names that must not be used (the scaffolded entity); a clash gets `prefix`. */
  readonly reservedNames?: readonly string[];
  /** Prefix of renamed clashing types. */
  readonly prefix?: string;
}

/**
 * Reads an OpenAPI document's chosen operations.
 * @throws Error when the document is not OpenAPI 3, or names an operation it does not have.
 */
export function readOpenApi(text: string, options: ReadOpenApiOptions = {}): ApiModel {
  const document = (text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text)) as Schema | null;
  if (!document || typeof document !== 'object' || typeof document['openapi'] !== 'string' || !/^3\./.test(document['openapi'])) {
    throw new Error('not an OpenAPI 3.x document: no "openapi: 3.x" field');
  }
  const components = ((document['components'] as Schema | undefined)?.['schemas'] ?? {}) as Record<string, Schema>;
  const warnings: string[] = [];
  const warn = (what: string): void => {
    if (!warnings.includes(what)) warnings.push(what);
  };
  const reserved = new Set(options.reservedNames ?? []);
  const objects = new Map<string, ObjectModel>();
  const building = new Set<string>();
  const objectName = (base: string): string => {
    const pascal = toPascalIdentifier(base);
    return reserved.has(pascal) ? `${options.prefix ?? 'Api'}${pascal}` : pascal;
  };

  /** A schema's type, whether it is a list, and whether it may be null. */
  const typeOf = (schema: Schema | undefined, nameHint: string, context: string): { type: TypeRef; list: boolean; nullable: boolean } => {
    if (!schema || typeof schema !== 'object') return { type: { kind: 'unknown', todo: 'no schema' }, list: false, nullable: true };
    if (typeof schema['$ref'] === 'string') {
      const ref = schema['$ref'];
      const match = /^#\/components\/schemas\/(.+)$/.exec(ref);
      const target = match ? components[decodeURIComponent(match[1]!)] : undefined;
      if (!match || !target) {
        warn(`${context}: $ref "${ref}" is not a local components.schemas entry (kept as unknown)`);
        return { type: { kind: 'unknown', todo: `$ref ${ref}` }, list: false, nullable: false };
      }
      return typeOf(target, match[1]!, context);
    }
    for (const combinator of ['allOf', 'oneOf', 'anyOf'] as const) {
      if (Array.isArray(schema[combinator])) {
        warn(`${context}: ${combinator} (kept as unknown)`);
        return { type: { kind: 'unknown', todo: combinator }, list: false, nullable: true };
      }
    }
    let type = schema['type'];
    let nullable = schema['nullable'] === true;
    if (Array.isArray(type)) {
      nullable ||= type.includes('null');
      const rest = type.filter((each) => each !== 'null');
      type = rest.length === 1 ? rest[0] : undefined;
      if (rest.length > 1) warn(`${context}: type ${JSON.stringify(schema['type'])} (kept as unknown)`);
    }
    if (Array.isArray(schema['enum'])) {
      const values = (schema['enum'] as unknown[]).filter((value) => value !== null).map(String);
      return { type: { kind: 'enum', values }, list: false, nullable: nullable || (schema['enum'] as unknown[]).includes(null) };
    }
    if (type === undefined && schema['properties']) type = 'object';
    switch (type) {
      case 'string': {
        const format = schema['format'];
        return { type: { kind: 'scalar', scalar: format === 'date' ? 'date' : format === 'date-time' ? 'dateTime' : 'string' }, list: false, nullable };
      }
      case 'integer':
        return { type: { kind: 'scalar', scalar: schema['format'] === 'int64' ? 'long' : 'int' }, list: false, nullable };
      case 'number':
        return { type: { kind: 'scalar', scalar: 'float' }, list: false, nullable };
      case 'boolean':
        return { type: { kind: 'scalar', scalar: 'boolean' }, list: false, nullable };
      case 'array': {
        const items = typeOf(schema['items'] as Schema | undefined, `${nameHint}Item`, `${context}[]`);
        if (items.list) {
          warn(`${context}: a list of lists (kept as unknown)`);
          return { type: { kind: 'unknown', todo: 'list of lists' }, list: true, nullable };
        }
        return { type: items.type, list: true, nullable };
      }
      case 'object': {
        const properties = schema['properties'] as Record<string, Schema> | undefined;
        if (!properties || Object.keys(properties).length === 0) {
          warn(`${context}: a free-form object (kept as unknown)`);
          return { type: { kind: 'unknown', todo: 'free-form object' }, list: false, nullable };
        }
        const name = objectName(nameHint);
        if (!objects.has(name) && !building.has(name)) {
          building.add(name);
          const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
          const fields = Object.entries(properties).map(([wireName, property]): FieldModel => {
            const field = typeOf(property, `${name}${toPascalIdentifier(wireName)}`, `${name}.${wireName}`);
            return {
              name: safeIdentifier(wireName),
              wireName,
              type: field.type,
              list: field.list,
              optional: !required.has(wireName) || field.nullable,
              description: typeof property?.['description'] === 'string' ? property['description'] : undefined,
            };
          });
          building.delete(name);
          objects.set(name, { name, fields, description: typeof schema['description'] === 'string' ? schema['description'] : undefined });
        }
        return { type: { kind: 'object', name }, list: false, nullable };
      }
      default:
        warn(`${context}: a schema without a usable type (kept as unknown)`);
        return { type: { kind: 'unknown', todo: 'schema without type' }, list: false, nullable: true };
    }
  };

  const available = readPathOperations(document, warn);
  const chosen = selectOperations(available, options.operations, 'the OpenAPI document');
  const operations: OperationModel[] = chosen.map(({ name, method, path, operation, pathItem }) => {
    const typeName = toPascalIdentifier(name);
    const parameters = [...list(pathItem['parameters']), ...list(operation['parameters'])].map((parameter) => resolveRef(parameter as Schema, document));
    const params: FieldModel[] = [];
    const pathParams: string[] = [];
    const queryParams: string[] = [];
    for (const parameter of parameters) {
      const wireName = String(parameter['name'] ?? '');
      const where = parameter['in'];
      if (where !== 'path' && where !== 'query') {
        if (where) warn(`${name}: ${String(where)} parameter "${wireName}" (not generated; set it in the source's headers)`);
        continue;
      }
      const field = typeOf(parameter['schema'] as Schema | undefined, `${typeName}${toPascalIdentifier(wireName)}`, `${name}(${wireName})`);
      (where === 'path' ? pathParams : queryParams).push(wireName);
      params.push({ name: safeIdentifier(wireName), wireName, type: field.type, list: field.list, optional: where !== 'path' && parameter['required'] !== true, description: typeof parameter['description'] === 'string' ? parameter['description'] : undefined });
    }
    let bodyParam: string | undefined;
    const requestBody = operation['requestBody'] ? resolveRef(operation['requestBody'] as Schema, document) : undefined;
    if (requestBody) {
      const schema = jsonSchemaOf(requestBody);
      if (schema) {
        const body = typeOf(schema, `${typeName}Body`, `${name} request body`);
        bodyParam = 'body';
        params.push({ name: 'body', wireName: 'body', type: body.type, list: body.list, optional: requestBody['required'] !== true, description: 'The JSON request body.' });
      } else warn(`${name}: a request body that is not application/json (not generated)`);
    }
    const responses = (operation['responses'] ?? {}) as Record<string, Schema>;
    const successCode = responses['200'] ? '200' : Object.keys(responses).find((code) => /^2\d\d$/.test(code));
    const success = successCode ? resolveRef(responses[successCode]!, document) : undefined;
    const responseSchema = success ? jsonSchemaOf(success) : undefined;
    let response: OperationModel['response'];
    if (responseSchema) {
      const answer = typeOf(responseSchema, `${typeName}Response`, `${name} response`);
      response = { type: answer.type, list: answer.list };
    } else if (success && success['content']) warn(`${name}: a response that is not application/json (not generated)`);
    return {
      wireName: name,
      functionName: toCamelIdentifier(name),
      typeName,
      read: method === 'get',
      description: typeof operation['summary'] === 'string' ? operation['summary'] : typeof operation['description'] === 'string' ? operation['description'] : undefined,
      params,
      response,
      protocol: { kind: 'rest', method: method.toUpperCase() as 'GET', path, pathParams, queryParams, bodyParam },
    };
  });
  return { objects: [...objects.values()], operations, warnings };
}

interface PathOperation {
  readonly name: string;
  readonly method: (typeof METHODS)[number];
  readonly path: string;
  readonly operation: Schema;
  readonly pathItem: Schema;
}

function readPathOperations(document: Schema, warn: (what: string) => void): PathOperation[] {
  const found: PathOperation[] = [];
  for (const [path, item] of Object.entries((document['paths'] ?? {}) as Record<string, Schema>)) {
    for (const method of METHODS) {
      const operation = item?.[method] as Schema | undefined;
      if (!operation) continue;
      const name = operation['operationId'];
      if (typeof name !== 'string' || name === '') {
        warn(`${method.toUpperCase()} ${path}: no operationId (cannot be chosen)`);
        continue;
      }
      found.push({ name, method, path, operation, pathItem: item });
    }
  }
  return found;
}

function jsonSchemaOf(holder: Schema): Schema | undefined {
  const content = (holder['content'] ?? {}) as Record<string, Schema>;
  const key = Object.keys(content).find((type) => /^application\/([\w.+-]*\+)?json\b/i.test(type));
  return key ? (content[key]?.['schema'] as Schema | undefined) : undefined;
}

/** Follows a local `$ref` of a parameter, request body or response object. */
function resolveRef(value: Schema, document: Schema): Schema {
  let current = value;
  for (let depth = 0; depth < 10 && typeof current['$ref'] === 'string'; depth += 1) {
    const segments = current['$ref'].replace(/^#\//, '').split('/').map((segment) => decodeURIComponent(segment.replace(/~1/g, '/').replace(/~0/g, '~')));
    let target: unknown = document;
    for (const segment of segments) target = (target as Schema | undefined)?.[segment];
    if (!target || typeof target !== 'object') return {};
    current = target as Schema;
  }
  return current;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function safeIdentifier(wireName: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(wireName) && !wireName.startsWith('__') ? wireName : toCamelIdentifier(wireName);
}
