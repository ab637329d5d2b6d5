import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emitClient } from '../codegen/emit-client';
import { emitGraphql } from '../codegen/emit-graphql';
import { readOpenApi } from '../codegen/openapi-read';

const YAML = readFileSync(join(__dirname, 'fixtures', 'legal-person.openapi.yaml'), 'utf8');

describe('readOpenApi (a legal-person registry)', () => {
  const model = readOpenApi(YAML);

  it('reads every operation with its method, path and parameters', () => {
    expect(model.operations.map((operation) => [operation.wireName, operation.read, operation.protocol])).toEqual([
      ['getEnterprise', true, { kind: 'rest', method: 'GET', path: '/enterprises/{creditCode}', pathParams: ['creditCode'], queryParams: [], bodyParam: undefined }],
      ['searchEnterprises', true, { kind: 'rest', method: 'GET', path: '/enterprises', pathParams: [], queryParams: ['namePrefix', 'status', 'page'], bodyParam: undefined }],
      ['batchGetEnterprises', false, { kind: 'rest', method: 'POST', path: '/enterprises/batch', pathParams: [], queryParams: [], bodyParam: 'body' }],
      ['fileAnnualReport', false, { kind: 'rest', method: 'POST', path: '/enterprises/{creditCode}/annual-reports', pathParams: ['creditCode'], queryParams: [], bodyParam: 'body' }],
    ]);
    expect(model.operations[1]!.params.map((param) => [param.name, param.optional, param.type])).toEqual([
      ['namePrefix', true, { kind: 'scalar', scalar: 'string' }],
      ['status', true, { kind: 'enum', values: ['ACTIVE', 'REVOKED', 'CANCELLED'] }],
      ['page', true, { kind: 'scalar', scalar: 'int' }],
    ]);
    expect(model.operations[0]!.response).toEqual({ type: { kind: 'object', name: 'Enterprise' }, list: false });
    expect(model.operations[2]!.response).toEqual({ type: { kind: 'object', name: 'Enterprise' }, list: true });
    expect(model.operations[3]!.response).toBeUndefined();
  });

  it('maps schemas, $refs, formats, nullable and required', () => {
    const enterprise = model.objects.find((object) => object.name === 'Enterprise')!;
    const fields = Object.fromEntries(enterprise.fields.map((field) => [field.name, [field.type.kind === 'scalar' ? field.type.scalar : field.type.kind, field.list, field.optional]]));
    expect(fields).toEqual({
      creditCode: ['string', false, false],
      name: ['string', false, false],
      status: ['enum', false, false],
      registeredCapital: ['float', false, false],
      employees: ['int', false, true],
      establishedOn: ['date', false, true],
      updatedAt: ['dateTime', false, true],
      listed: ['boolean', false, true],
      legalRepresentative: ['object', false, true],
      branches: ['object', true, true],
      extra: ['unknown', false, true],
      identifier: ['unknown', false, true],
    });
    expect(model.objects.map((object) => object.name)).toEqual(
      expect.arrayContaining(['Enterprise', 'Representative', 'Branch', 'SearchEnterprisesResponse', 'BatchGetEnterprisesBody', 'AnnualReport']),
    );
  });

  it('warns about what it kept as unknown or left out', () => {
    expect(model.warnings).toEqual([
      'Enterprise.extra: a free-form object (kept as unknown)',
      'Enterprise.identifier: oneOf (kept as unknown)',
      'searchEnterprises: header parameter "x-api-key" (not generated; set it in the source\'s headers)',
    ]);
  });

  it('emits a typed client calling restSource.request and queries for the GET operations', () => {
    const client = emitClient(model, { pascal: 'LegalPersons', origin: 'legal-person.openapi.yaml', kind: 'rest' });
    expect(client).toContain('getEnterprise(request: GetEnterpriseRequest): Promise<Enterprise>;');
    expect(client).toContain("path: `/enterprises/${pathSegment(String(request.creditCode))}`, operation: 'getEnterprise'");
    expect(client).toContain("query: { namePrefix: request.namePrefix, status: request.status, page: request.page }");
    expect(client).toContain("readonly status?: 'ACTIVE' | 'REVOKED' | 'CANCELLED' | null;");
    expect(client).toContain('fileAnnualReport(request: FileAnnualReportRequest): Promise<void>;');
    expect(client).toContain('readonly identifier: unknown; // TODO(govgraph): oneOf; kept as its JSON text');
    const graphql = emitGraphql(model, { pascal: 'LegalPersons', kebab: 'legal-persons', origin: 'x' });
    expect(graphql.queries).toEqual(['getEnterprise', 'searchEnterprises']);
    expect(graphql.typesFile).toContain("@Field(() => Float)\n  registeredCapital!: number;");
    expect(graphql.typesFile).toContain("@Field(() => [Branch])\n  branches!: Branch[];");
    expect(graphql.typesFile).toContain("@Field(() => Int, { nullable: true })\n  employees!: number | null;");
    expect(graphql.resolverFile).toContain("@Arg('status', () => String, { nullable: true }) status: 'ACTIVE' | 'REVOKED' | 'CANCELLED' | null | undefined");
  });

  it('reads OpenAPI 3.1 type arrays and JSON documents, and refuses others', () => {
    const json = JSON.stringify({
      openapi: '3.1.0',
      paths: { '/x': { get: { operationId: 'getX', responses: { 200: { content: { 'application/json': { schema: { type: 'object', properties: { n: { type: ['integer', 'null'] } }, required: ['n'] } } } } } } } },
    });
    const parsed = readOpenApi(json);
    expect(parsed.objects[0]!.fields[0]).toEqual(expect.objectContaining({ name: 'n', optional: true, type: { kind: 'scalar', scalar: 'int' } }));
    expect(() => readOpenApi('swagger: "2.0"')).toThrow(/not an OpenAPI 3.x document/);
    expect(() => readOpenApi(YAML, { operations: ['nope'] })).toThrow(/no operation "nope"; it has: getEnterprise, searchEnterprises/);
  });
});
