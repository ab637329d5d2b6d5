/**
 * End to end, one per connector kind: generate a package into a temporary
 * directory inside the repository, type-check it with `tsc -p --noEmit` and
 * run its own tests with jest, each in a child process. Slow (tens of
 * seconds); the kinds run in sequence.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { legacy } from './population-wsdl';
import { runCli } from '../run-cli';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SCRATCH = join(ROOT, `.scaffold-test-${randomBytes(4).toString('hex')}`);
const run = promisify(execFile);

async function exec(command: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(command, [...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failure.code === 'number' ? failure.code : 1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

async function generate(args: readonly string[]): Promise<string> {
  const out: string[] = [];
  const code = await runCli(['connector', 'new', ...args], { stdout: (text) => out.push(text), stderr: (text) => out.push(text), cwd: ROOT });
  expect({ code, output: out.join('') }).toEqual({ code: 0, output: expect.any(String) });
  return out.join('');
}

async function expectPackageWorks(dir: string): Promise<void> {
  const tsc = await exec('npx', ['tsc', '-p', dir, '--noEmit']);
  expect({ step: 'tsc', ...tsc }).toEqual({ step: 'tsc', code: 0, output: expect.any(String) });
  const jest = await exec('npx', ['jest', '--rootDir', ROOT, dir]);
  expect({ step: 'jest', code: jest.code, output: jest.code === 0 ? '' : jest.output }).toEqual({ step: 'jest', code: 0, output: '' });
  expect(jest.output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
}

beforeAll(async () => {
  mkdirSync(SCRATCH, { recursive: true });
  // tsc -p reads the referenced projects' declarations: build them once (fast when up to date).
  const build = await exec('npx', ['tsc', '-b', 'sdk', 'connectors/rest', 'connectors/soap', 'connectors/sql', 'connectors/file']);
  expect({ step: 'build references', ...build }).toEqual({ step: 'build references', code: 0, output: expect.any(String) });
}, 240_000);

afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

describe('govgraph connector new, end to end', () => {
  it('rest with --openapi: generates a client and queries, compiles, and its tests pass', async () => {
    const dir = join(SCRATCH, 'legal-persons');
    const output = await generate(['legal-persons', '--kind', 'rest', '--dir', dir, '--openapi', join(__dirname, 'fixtures', 'legal-person.openapi.yaml'), '--operations', 'getEnterprise,searchEnterprises,batchGetEnterprises']);
    expect(output).toMatch(/queries: getEnterprise, searchEnterprises/);
    expect(output).toMatch(/warning: .*\n\s+- Enterprise.extra: a free-form object/);
    expect(readFileSync(join(dir, 'src', 'legal-persons-client.ts'), 'utf8')).toContain('createLegalPersonsClient(source: RestSource)');
    await expectPackageWorks(dir);
  }, 240_000);

  it('soap with --wsdl: generates a client and queries, compiles, and its tests pass', async () => {
    const wsdl = join(SCRATCH, 'population.wsdl');
    writeFileSync(wsdl, legacy.buildPopulationWsdl('http://127.0.0.1:1/population'));
    const dir = join(SCRATCH, 'residents');
    const output = await generate(['residents', '--kind', 'soap', '--dir', dir, '--wsdl', wsdl, '--operations', 'GetPersonByIdNumber,SearchPersons']);
    expect(output).toMatch(/queries: getPersonByIdNumber, searchPersons/);
    expect(existsSync(join(dir, 'src', '__tests__', 'fixtures', 'residents.wsdl'))).toBe(true);
    await expectPackageWorks(dir);
  }, 240_000);

  it('soap with a SOAP 1.2-only WSDL, --ws-security and --extends: configures 1.2 and a UsernameToken, compiles, and its tests pass against a SOAP 1.2 fake', async () => {
    const wsdl = join(SCRATCH, 'social-insurance.wsdl');
    writeFileSync(wsdl, legacy.buildSocialInsuranceWsdl('http://127.0.0.1:1/social-insurance'));
    const dir = join(SCRATCH, 'insurance-accounts');
    const output = await generate([
      'insurance-accounts', '--kind', 'soap', '--dir', dir, '--wsdl', wsdl, '--operations', 'GetInsuranceStatusByIdNumbers',
      '--ws-security', 'username-token', '--extends', 'Person:idNumber', '--extends', 'LegalPerson:creditCode',
    ]);
    expect(output).toContain('SOAP version: 1.2 (the WSDL\'s binding), WS-Security UsernameToken');
    expect(output).not.toContain('hint:');
    const sources = readFileSync(join(dir, 'src', 'sources.ts'), 'utf8');
    expect(sources).toContain("soapVersion: '1.2'");
    expect(sources).toContain("security: { kind: 'username-token', username: config.username, password: config.password }");
    expect(readFileSync(join(dir, 'src', '__tests__', 'fixtures', 'insurance-accounts.wsdl'), 'utf8')).toMatch(/<soap12:binding[^>]*>/);
    expect(readFileSync(join(dir, 'src', '__tests__', 'fixtures', 'insurance-accounts.wsdl'), 'utf8')).not.toMatch(/<soap:binding/);
    expect(readFileSync(join(dir, 'src', 'app.ts'), 'utf8')).toContain('orphanedTypes: [Person, LegalPerson]');
    await expectPackageWorks(dir);
  }, 240_000);

  it('sql: compiles, and its tests (over a SQLite file) pass', async () => {
    const dir = join(SCRATCH, 'land-parcels');
    await generate(['land-parcels', '--kind', 'sql', '--dir', dir]);
    await expectPackageWorks(dir);
  }, 240_000);

  it('file: compiles, and its tests (over a GBK CSV export) pass', async () => {
    const dir = join(SCRATCH, 'service-items');
    await generate(['service-items', '--kind', 'file', '--dir', dir]);
    await expectPackageWorks(dir);
  }, 240_000);
});
