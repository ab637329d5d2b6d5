import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLObjectType } from 'graphql';
import { SERVICE_FIELDS, SERVICES, expected, startTestbed, type ServicesTestbed } from './services-testkit';

let bed: ServicesTestbed;

beforeAll(async () => {
  bed = await startTestbed();
});

afterAll(async () => {
  await bed.close();
});

describe('service', () => {
  it('answers a service by code with every field', async () => {
    expect(await bed.query(`{ service(code: "320100-XK-0001") { ${SERVICE_FIELDS} } }`)).toEqual({
      data: {
        service: {
          code: '320100-XK-0001',
          name: '食品经营许可（新办）',
          department: '南京市市场监督管理局',
          kind: '行政许可',
          onlineDepth: 3,
          promisedDays: 10,
          legalDays: 20,
        },
      },
    });
  });

  it('accepts a lower-case or padded code and answers null for a code the catalog does not list', async () => {
    expect(await bed.query('{ a: service(code: " 320100-qr-0001 ") { code promisedDays } b: service(code: "320100-XK-0999") { code } }')).toEqual({
      data: { a: { code: '320100-QR-0001', promisedDays: 0 }, b: null },
    });
  });

  it.each([
    ['', 'code must not be empty'],
    ['BAD-1', 'code must be an item code like 320100-XK-0012, got "BAD-1"'],
  ])('refuses the code %j as BAD_USER_INPUT', async (code, message) => {
    const body = await bed.query('query($code: String!) { service(code: $code) { code } }', { code });
    expect(body.data).toEqual({ service: null });
    expect(body.errors).toEqual([{ message, path: ['service'], locations: expect.any(Array), extensions: { code: 'BAD_USER_INPUT', argument: 'code' } }]);
  });
});

describe('servicesByDepartment', () => {
  it('pages a department in code order', async () => {
    const query = `query($d: String!, $page: Int, $size: Int) { servicesByDepartment(department: $d, page: $page, pageSize: $size) {
      items { ${SERVICE_FIELDS} } page pageSize total hasNextPage } }`;
    expect(await bed.query(query, { d: '南京市市场监督管理局' })).toEqual({
      data: {
        servicesByDepartment: { items: [expected('320100-XK-0001'), expected('320100-XK-0002')], page: 1, pageSize: 20, total: 2, hasNextPage: false },
      },
    });
    expect(await bed.query(query, { d: '南京市市场监督管理局', page: 1, size: 1 })).toEqual({
      data: { servicesByDepartment: { items: [expected('320100-XK-0001')], page: 1, pageSize: 1, total: 2, hasNextPage: true } },
    });
    expect(await bed.query(query, { d: '南京市市场监督管理局', page: 2, size: 1 })).toEqual({
      data: { servicesByDepartment: { items: [expected('320100-XK-0002')], page: 2, pageSize: 1, total: 2, hasNextPage: false } },
    });
  });

  it('answers an empty page for a department without services', async () => {
    expect(await bed.query('{ servicesByDepartment(department: "南京市公安局") { items { code } total hasNextPage } }')).toEqual({
      data: { servicesByDepartment: { items: [], total: 0, hasNextPage: false } },
    });
  });

  it('refuses an empty department and an oversized page as BAD_USER_INPUT', async () => {
    const empty = await bed.query('{ servicesByDepartment(department: " ") { total } }');
    expect(empty.errors).toMatchObject([{ message: 'department must not be empty', path: ['servicesByDepartment'], extensions: { code: 'BAD_USER_INPUT' } }]);
    const big = await bed.query('{ servicesByDepartment(department: "南京市民政局", pageSize: 101) { total } }');
    expect(big.errors).toMatchObject([
      { message: 'pageSize must be between 1 and 100, got 101', path: ['servicesByDepartment'], extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(big.data).toBeNull();
  });
});

describe('searchServices', () => {
  const search = (text: string, extra = '') => bed.query(`query($t: String!) { searchServices(text: $t${extra}) { items { code } total hasNextPage } }`, { t: text });

  it('matches Chinese substrings of names, in code order', async () => {
    expect(await search('经营许可')).toEqual({
      data: { searchServices: { items: [{ code: '320100-XK-0001' }, { code: '320100-XK-0002' }], total: 2, hasNextPage: false } },
    });
    expect(await search('许可', ', pageSize: 1')).toEqual({ data: { searchServices: { items: [{ code: '320100-XK-0001' }], total: 2, hasNextPage: true } } });
  });

  it('matches codes and Latin letters case-insensitively', async () => {
    expect(await search('xk-000')).toEqual({
      data: { searchServices: { items: [{ code: '320000-XK-0001' }, { code: '320100-XK-0001' }, { code: '320100-XK-0002' }], total: 3, hasNextPage: false } },
    });
    expect(await search('etc')).toEqual({ data: { searchServices: { items: [{ code: '320200-GG-0001' }], total: 1, hasNextPage: false } } });
  });

  it('finds nothing for text that no code or name contains, including text of exactly 50 characters', async () => {
    expect(await search('结婚登记证明')).toEqual({ data: { searchServices: { items: [], total: 0, hasNextPage: false } } });
    expect(await search('登'.repeat(50))).toEqual({ data: { searchServices: { items: [], total: 0, hasNextPage: false } } });
  });

  it.each([
    ['', 'text must not be empty'],
    ['   ', 'text must not be empty'],
    ['登'.repeat(51), 'text must be at most 50 characters, got 51'],
  ])('refuses the text %j as BAD_USER_INPUT', async (text, message) => {
    const body = await search(text);
    expect(body).toEqual({
      data: null,
      errors: [{ message, path: ['searchServices'], locations: expect.any(Array), extensions: { code: 'BAD_USER_INPUT', argument: 'text' } }],
    });
  });
});

describe('departments', () => {
  it('lists each department once, sorted', async () => {
    expect(await bed.query('{ departments }')).toEqual({
      data: { departments: ['南京市市场监督管理局', '南京市民政局', '无锡市交通运输局', '江苏省市场监督管理局'] },
    });
  });
});

describe('GBK round trip', () => {
  it('serves Chinese names written in GBK, with quotes, commas and characters beyond GB2312, exactly', async () => {
    const file = join(bed.directory, bed.exporter.current().fileName);
    // The export really is GBK: read as UTF-8, the name is not there.
    expect(readFileSync(file, 'utf8')).not.toContain('镕');
    expect(await bed.query('{ searchServices(text: "镕、喆") { items { name department } } }')).toEqual({
      data: { searchServices: { items: [{ name: '企业名称登记, 含"生僻字"（镕、喆、堃）', department: '江苏省市场监督管理局' }] } },
    });
  });
});

describe('federation', () => {
  it('follows the domain schema contract', () => {
    const { schema } = bed.subgraph;
    const query = schema.getQueryType()!.getFields();
    const signature = (name: string) =>
      `${name}(${query[name]!.args.map((a) => `${a.name}: ${String(a.type)}${a.defaultValue === undefined ? '' : ` = ${String(a.defaultValue)}`}`).join(', ')}): ${String(query[name]!.type)}`;
    expect(['service', 'servicesByDepartment', 'searchServices', 'departments'].map(signature)).toEqual([
      'service(code: String!): Service',
      'servicesByDepartment(department: String!, page: Int! = 1, pageSize: Int! = 20): ServicePage!',
      'searchServices(text: String!, page: Int! = 1, pageSize: Int! = 20): ServicePage!',
      'departments(): [String!]!',
    ]);
    const service = schema.getType('Service') as GraphQLObjectType;
    expect(Object.values(service.getFields()).map((f) => `${f.name}: ${String(f.type)}`)).toEqual([
      'code: String!',
      'name: String!',
      'department: String!',
      'kind: String!',
      'onlineDepth: Int!',
      'promisedDays: Int!',
      'legalDays: Int!',
    ]);
  });

  it('publishes the Service key in its SDL', async () => {
    const body = await bed.query('{ _service { sdl } }');
    expect(body.data._service.sdl).toMatch(/type Service\s+@key\(fields: "code"\)/);
  });

  it('resolves references in order, null for a missing code, repeats answered each time', async () => {
    const representations = [
      { __typename: 'Service', code: '320200-GG-0001' },
      { __typename: 'Service', code: '320100-XK-0999' },
      { __typename: 'Service', code: '320100-XK-0001' },
      { __typename: 'Service', code: '320200-GG-0001' },
      { __typename: 'Service', code: 'not-a-code' },
    ];
    expect(await bed.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Service { ${SERVICE_FIELDS} } } }`, { r: representations })).toEqual({
      data: { _entities: [expected('320200-GG-0001'), null, expected('320100-XK-0001'), expected('320200-GG-0001'), null] },
    });
  });

  it('resolves more references than one batch holds', async () => {
    const codes = Array.from({ length: 250 }, (_, i) => SERVICES[i % SERVICES.length]!.code);
    const body = await bed.query('query($r: [_Any!]!) { _entities(representations: $r) { ... on Service { code } } }', {
      r: codes.map((code) => ({ __typename: 'Service', code })),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data._entities.map((e: { code: string }) => e.code)).toEqual(codes);
  });
});

describe('over HTTP', () => {
  it('listens on an ephemeral port and answers', async () => {
    const running = await bed.subgraph.listen();
    try {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ service(code: "320100-QR-0001") { name legalDays } }' }),
      });
      expect(await response.json()).toEqual({ data: { service: { name: '结婚登记', legalDays: 1 } } });
    } finally {
      await running.close();
    }
  });
});
