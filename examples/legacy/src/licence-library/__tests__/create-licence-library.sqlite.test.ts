import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createLicenceLibrary, parseLicenceDbUrl } from '..';
import type { LicenceRecord } from '../../data/types';
import { licences, licenceTypes, smallDataset } from '../../__tests__/fixtures/small-dataset';

describe('licence library on SQLite', () => {
  let directory: string;
  let path: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'licence-library-'));
    path = join(directory, 'nested', 'licences.db');
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const open = (): Database.Database => new Database(path, { readonly: true });

  it('parses file: and postgresql: URLs and refuses others', () => {
    expect(parseLicenceDbUrl('file:/var/data/l.db')).toEqual({ kind: 'sqlite', path: '/var/data/l.db' });
    expect(parseLicenceDbUrl('file:///var/data/my%20l.db')).toEqual({ kind: 'sqlite', path: '/var/data/my l.db' });
    expect(parseLicenceDbUrl('postgresql://u@h:5432/db')).toEqual({ kind: 'postgres', url: 'postgresql://u@h:5432/db' });
    expect(() => parseLicenceDbUrl('file:relative.db')).toThrow(TypeError);
    expect(() => parseLicenceDbUrl('mysql://h/db')).toThrow('licence library URL must be file:/absolute/path.db or postgresql://…');
  });

  it('creates the tables and indexes and loads exact rows', async () => {
    const library = await createLicenceLibrary({ url: `file:${path}`, dataset: smallDataset });
    expect(library).toMatchObject({ url: `file:${path}`, kind: 'sqlite', schema: null, seeded: true });
    await library.close();
    const db = open();
    expect(db.prepare('SELECT * FROM licence_types ORDER BY code').all()).toEqual([
      { code: 'LT-0001', name: '食品经营许可证', issuer: '江苏省市场监督管理局', holder_kind: 'enterprise', validity_years: 5 },
      { code: 'LT-0002', name: '居民身份证', issuer: '江苏省公安厅', holder_kind: 'person', validity_years: null },
    ]);
    const revoked = licences[2] as LicenceRecord;
    expect(db.prepare('SELECT * FROM licences WHERE number = ?').get(revoked.number)).toEqual({
      number: 'JS-LT0001-2012-000003',
      type_code: 'LT-0001',
      holder_kind: 'enterprise',
      holder_id: revoked.holderId,
      holder_name: '苏州示例食品有限公司',
      issuer: '江苏省市场监督管理局',
      issued_on: '2012-02-01',
      expires_on: '2017-01-31',
      status: 'revoked',
      revoked_reason: "违反《食品安全法》'第一百二十二条'",
    });
    expect(db.prepare('SELECT count(*) AS n FROM licences').get()).toEqual({ n: 3 });
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'licences' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexes).toEqual([{ name: 'licences_holder_id_idx' }, { name: 'licences_type_code_idx' }]);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM licences WHERE holder_id = ?').all('x') as { detail: string }[];
    expect(plan.map((row) => row.detail).join(' ')).toContain('licences_holder_id_idx');
    const meta = Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    expect(meta).toMatchObject({ schema_version: '1', dataset_seed: '7', dataset_sizes: JSON.stringify(smallDataset.sizes), licences: '3', licence_types: '2' });
    expect(meta['fingerprint']).toMatch(/^[0-9a-f]{64}$/);
    db.close();
  });

  it('enforces the foreign key from licences to licence types', async () => {
    const library = await createLicenceLibrary({ url: `file:${path}`, dataset: smallDataset });
    await library.close();
    const db = new Database(path);
    db.pragma('foreign_keys = ON');
    const insert = db.prepare("INSERT INTO licences VALUES ('X-1', 'LT-9999', 'person', 'h', 'n', 'i', '2020-01-01', NULL, 'valid', NULL)");
    expect(() => insert.run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('skips seeding when the file already holds the same data, and reseeds when it differs', async () => {
    await (await createLicenceLibrary({ url: `file:${path}`, dataset: smallDataset })).close();
    const db = new Database(path);
    db.prepare("INSERT INTO licences VALUES ('MARKER', 'LT-0001', 'person', 'h', 'n', 'i', '2020-01-01', NULL, 'valid', NULL)").run();
    db.close();

    const again = await createLicenceLibrary({ url: `file:${path}`, dataset: smallDataset });
    expect(again.seeded).toBe(false);
    await again.close();
    const count = (): unknown => {
      const reader = open();
      const row = reader.prepare('SELECT count(*) AS n FROM licences').get();
      reader.close();
      return row;
    };
    expect(count()).toEqual({ n: 4 });

    const changed = { ...smallDataset, licences: licences.slice(0, 2) };
    const reseeded = await createLicenceLibrary({ url: `file:${path}`, dataset: changed });
    expect(reseeded.seeded).toBe(true);
    await reseeded.close();
    await reseeded.close();
    expect(count()).toEqual({ n: 2 });
  });

  it('refuses a schema option for SQLite', async () => {
    await expect(createLicenceLibrary({ url: `file:${path}`, dataset: smallDataset, schema: 'x' })).rejects.toThrow('schema applies to PostgreSQL only');
  });

  it('loads 100 000 licences in a few seconds', async () => {
    const template = licences[0] as LicenceRecord;
    const many: LicenceRecord[] = Array.from({ length: 100_000 }, (_, i) => ({ ...template, number: `JS-LT0001-2021-${String(i).padStart(6, '0')}`, holderId: `HOLDER${i % 5000}` }));
    const started = performance.now();
    const library = await createLicenceLibrary({ url: `file:${path}`, dataset: { ...smallDataset, licenceTypes, licences: many } });
    const elapsed = performance.now() - started;
    await library.close();
    expect(elapsed).toBeLessThan(5000);
    const db = open();
    expect(db.prepare('SELECT count(*) AS n FROM licences').get()).toEqual({ n: 100_000 });
    db.close();
    const restart = performance.now();
    const reopened = await createLicenceLibrary({ url: `file:${path}`, dataset: { ...smallDataset, licenceTypes, licences: many } });
    expect(reopened.seeded).toBe(false);
    expect(performance.now() - restart).toBeLessThan(elapsed);
    await reopened.close();
  });
});
