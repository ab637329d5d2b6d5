import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../run-cli';

const ROOT = join(__dirname, '..', '..', '..', '..');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text), cwd: ROOT }, out, err };
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(ROOT, '.scaffold-test-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('govgraph connector new (arguments)', () => {
  it('prints the usage with --help', async () => {
    const { io, out } = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.join('')).toMatch(/govgraph connector new <name> --kind rest\|soap\|sql\|file/);
  });

  it('refuses a name that is not lower-case kebab, writing nothing', async () => {
    const { io, err } = capture();
    expect(await runCli(['connector', 'new', 'BusinessPermits', '--kind', 'rest', '--dir', join(scratch, 'bad')], io)).toBe(1);
    expect(err.join('')).toMatch(/name "BusinessPermits" is not lower-case kebab.*did you mean "business-permits"/);
    expect(existsSync(join(scratch, 'bad'))).toBe(false);
  });

  it('reports a missing or unknown --kind and unknown options as usage errors', async () => {
    const missing = capture();
    expect(await runCli(['connector', 'new', 'permits'], missing.io)).toBe(2);
    expect(missing.err.join('')).toMatch(/--kind is required \(rest, soap, sql, file\)/);
    const unknown = capture();
    expect(await runCli(['connector', 'new', 'permits', '--kind', 'grpc'], unknown.io)).toBe(2);
    expect(unknown.err.join('')).toMatch(/--kind must be one of rest, soap, sql, file, got "grpc"/);
    const option = capture();
    expect(await runCli(['connector', 'new', 'permits', '--kind', 'rest', '--colour', 'blue'], option.io)).toBe(2);
    expect(option.err.join('')).toMatch(/colour/);
  });

  it('refuses a document that does not fit the kind', async () => {
    const { io, err } = capture();
    const wsdl = join(scratch, 'x.wsdl');
    writeFileSync(wsdl, '<definitions/>');
    expect(await runCli(['connector', 'new', 'permits', '--kind', 'rest', '--wsdl', wsdl, '--dir', join(scratch, 'permits')], io)).toBe(1);
    expect(err.join('')).toMatch(/--wsdl goes with --kind soap/);
  });

  it('writes a package, then refuses to overwrite it without --force', async () => {
    const dir = join(scratch, 'land-use');
    const first = capture();
    expect(await runCli(['connector', 'new', 'land-use', '--kind', 'sql', '--dir', dir], first.io)).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string>; scripts?: unknown };
    expect(pkg.name).toBe('@govgraph/subgraph-land-use');
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@govgraph/connector-sql', '@govgraph/sdk', 'graphql', 'reflect-metadata', 'type-graphql', 'zod']);
    expect(pkg.scripts).toBeUndefined();
    const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')) as { extends: string; references: { path: string }[] };
    expect(tsconfig.extends).toBe('../../tsconfig.base.json');
    expect(tsconfig.references).toEqual([{ path: '../../sdk' }, { path: '../../connectors/sql' }]);
    expect(readFileSync(join(dir, 'src', 'main.ts'), 'utf8')).toContain("dbUrl: env['LAND_USE_DB_URL']");
    expect(readFileSync(join(dir, 'src', 'config.ts'), 'utf8')).toContain('export function parseLandUseSubgraphConfig(input: unknown): LandUseSubgraphConfig');
    expect(readFileSync(join(dir, 'src', 'app.ts'), 'utf8')).toContain('export function createLandUseSubgraph(');

    const again = capture();
    expect(await runCli(['connector', 'new', 'land-use', '--kind', 'sql', '--dir', dir], again.io)).toBe(1);
    expect(again.err.join('')).toMatch(/already exists and is not empty; pass --force/);
    const forced = capture();
    writeFileSync(join(dir, 'src', 'app.ts'), '// edited');
    expect(await runCli(['connector', 'new', 'land-use', '--kind', 'sql', '--dir', dir, '--force'], forced.io)).toBe(0);
    expect(readFileSync(join(dir, 'src', 'app.ts'), 'utf8')).toContain('createLandUseSubgraph');
  });

  it('derives the env names of each kind and computes tsconfig paths from --dir', async () => {
    const cases = [
      ['rest', "url: env['TAX_RECORDS_URL']"],
      ['soap', "url: env['TAX_RECORDS_URL']"],
      ['file', "dir: env['TAX_RECORDS_DIR']"],
    ] as const;
    for (const [kind, env] of cases) {
      const dir = join(scratch, 'deep', kind, 'tax-records');
      mkdirSync(dir, { recursive: true });
      const { io } = capture();
      expect(await runCli(['connector', 'new', 'tax-records', '--kind', kind, '--dir', dir], io)).toBe(0);
      expect(readFileSync(join(dir, 'src', 'main.ts'), 'utf8')).toContain(env);
      const tsconfig = JSON.parse(readFileSync(join(dir, 'tsconfig.json'), 'utf8')) as { extends: string; references: { path: string }[] };
      expect(tsconfig.extends).toBe('../../../../tsconfig.base.json');
      expect(tsconfig.references[1]).toEqual({ path: `../../../../connectors/${kind}` });
    }
  });
});
