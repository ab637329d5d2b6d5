/**
 * The scaffold's SOAP version (read from the WSDL's bindings), `--ws-security`
 * and `--extends`, checked on the rendered files (fast; the end-to-end test
 * compiles and runs a package generated with them).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWsdlBindings } from '../codegen/wsdl-bindings';
import { runCli } from '../run-cli';
import { scaffoldPackage } from '../scaffold/scaffold-package';
import { legacy } from './population-wsdl';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SOAP_1_1_WSDL = legacy.buildPopulationWsdl('http://127.0.0.1:1/population');
const SOAP_1_2_WSDL = legacy.buildSocialInsuranceWsdl('http://127.0.0.1:1/social-insurance');

/** The social-insurance WSDL with a SOAP 1.1 binding and port added beside its SOAP 1.2 ones. */
const BOTH_WSDL = SOAP_1_2_WSDL.replace('xmlns:soap12=', 'xmlns:s11="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12=')
  .replace(
    '</wsdl:binding>',
    '</wsdl:binding><wsdl:binding name="SocialInsuranceSoap11Binding" type="tns:SocialInsurancePortType"><s11:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/></wsdl:binding>',
  );

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(ROOT, '.scaffold-test-options-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function read(dir: string, path: string): string {
  return readFileSync(join(dir, ...path.split('/')), 'utf8');
}

describe('readWsdlBindings', () => {
  it('reads SOAP 1.1 from a WSDL with only a soap:binding', () => {
    expect(readWsdlBindings(SOAP_1_1_WSDL)).toEqual({ versions: ['1.1'], soapVersion: '1.1', usernameToken: undefined });
  });

  it('reads SOAP 1.2 from a WSDL with only a soap12:binding, and the UsernameToken its documentation asks for', () => {
    const bindings = readWsdlBindings(SOAP_1_2_WSDL);
    expect(bindings.versions).toEqual(['1.2']);
    expect(bindings.soapVersion).toBe('1.2');
    expect(bindings.usernameToken).toMatch(/^its documentation: ".*Every request needs a WS-Security UsernameToken/);
  });

  it('answers auto for a WSDL with both bindings, whatever their prefixes', () => {
    expect(readWsdlBindings(BOTH_WSDL)).toEqual(expect.objectContaining({ versions: ['1.1', '1.2'], soapVersion: 'auto' }));
  });

  it('finds a WS-Policy UsernameToken assertion', () => {
    const withPolicy = SOAP_1_1_WSDL.replace(
      '<wsdl:types>',
      '<wsp:Policy xmlns:wsp="http://www.w3.org/ns/ws-policy" xmlns:sp="http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702"><sp:SupportingTokens><sp:UsernameToken/></sp:SupportingTokens></wsp:Policy><wsdl:types>',
    );
    expect(withPolicy).not.toBe(SOAP_1_1_WSDL);
    expect(readWsdlBindings(withPolicy).usernameToken).toBe('a WS-Policy sp:UsernameToken assertion');
  });

  it('refuses a document without a SOAP binding, or that is not a WSDL', () => {
    expect(() => readWsdlBindings(SOAP_1_2_WSDL.replace(/<soap12:binding[^>]*\/>/, ''))).toThrow('the WSDL has no SOAP 1.1 (soap:binding) or SOAP 1.2 (soap12:binding) binding');
    expect(() => readWsdlBindings('<html/>')).toThrow(/not a WSDL 1.1 document/);
  });
});

describe('govgraph connector new --kind soap: the SOAP version of the WSDL', () => {
  it.each([
    ['1.1', SOAP_1_1_WSDL, ['soap'], 'a SOAP 1.1 web service'],
    ['1.2', SOAP_1_2_WSDL, ['soap12'], 'a SOAP 1.2 web service'],
    ['auto', BOTH_WSDL, ['soap', 'soap12'], 'a SOAP 1.1 and 1.2 web service (document/literal; the source speaks 1.2'],
  ] as const)('configures soapVersion %s, and the fixture and fake speak the same', (version, wsdl, bindings, description) => {
    const dir = join(scratch, `version-${version}`);
    const result = scaffoldPackage({ name: 'accounts', kind: 'soap', root: ROOT, dir, wsdl: { document: 'x.wsdl', text: wsdl }, operations: [wsdl === SOAP_1_1_WSDL ? 'GetPersonByIdNumber' : 'GetInsuranceStatusByIdNumbers'] });
    expect(result.soapVersion).toBe(version);
    expect(read(dir, 'src/sources.ts')).toContain(`soapVersion: '${version}',`);
    const fixture = read(dir, 'src/__tests__/fixtures/accounts.wsdl');
    expect([...fixture.matchAll(/<(soap12|soap):binding /g)].map((match) => match[1])).toEqual(bindings);
    expect(readWsdlBindings(fixture).soapVersion).toBe(version);
    const fake = read(dir, 'src/__tests__/helpers/fake-legacy-system.ts');
    expect(fake).toContain(`const SOAP_VERSIONS: readonly SoapVersion[] = ${JSON.stringify(version === 'auto' ? ['1.1', '1.2'] : [version]).replace(/"/g, "'")};`);
    expect(read(dir, 'src/app.ts')).toContain(description);
    expect(read(dir, 'README.md')).toContain(description);
    expect(read(dir, 'src/__tests__/accounts.test.ts')).toContain(`expect([...system.versionsSeen]).toEqual(['${version === '1.1' ? '1.1' : '1.2'}'])`);
  });

  it('stays SOAP 1.1 without a WSDL', () => {
    const dir = join(scratch, 'no-wsdl');
    expect(scaffoldPackage({ name: 'accounts', kind: 'soap', root: ROOT, dir }).soapVersion).toBe('1.1');
    expect(read(dir, 'src/sources.ts')).toContain("soapVersion: '1.1',");
  });
});

describe('govgraph connector new --ws-security username-token', () => {
  it('generates the security config from <NAME>_USERNAME and <NAME>_PASSWORD, never echoing the password', () => {
    const dir = join(scratch, 'secured');
    const result = scaffoldPackage({ name: 'social-accounts', kind: 'soap', root: ROOT, dir, wsdl: { document: 'si.wsdl', text: SOAP_1_2_WSDL }, wsSecurity: 'username-token' });
    expect(result.hints).toEqual([]);
    expect(read(dir, 'src/sources.ts')).toContain("security: { kind: 'username-token', username: config.username, password: config.password },");
    const config = read(dir, 'src/config.ts');
    expect(config).toContain('readonly username: string;');
    expect(config).toContain('readonly password: string;');
    expect(config).toContain("const SECRET_OPTIONS: ReadonlySet<string> = new Set(['password']);");
    expect(config).toContain('if (SECRET_OPTIONS.has(option)) return [`${option}: ${issue.message}`];');
    const main = read(dir, 'src/main.ts');
    expect(main).toContain("username: env['SOCIAL_ACCOUNTS_USERNAME'],");
    expect(main).toContain("password: env['SOCIAL_ACCOUNTS_PASSWORD'],");
    expect(read(dir, 'README.md')).toMatch(/\| `SOCIAL_ACCOUNTS_PASSWORD` \| WS-Security UsernameToken password .*never logged/);
    const fake = read(dir, 'src/__tests__/helpers/fake-legacy-system.ts');
    expect(fake).toContain('function acceptsToken(body: string): boolean');
    expect(fake).toContain("'wsse:FailedAuthentication'");
  });

  it('hints at --ws-security when the WSDL asks for a token, and refuses it with another kind or value', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text), cwd: ROOT };
    const wsdl = join(scratch, 'si.wsdl');
    writeFileSync(wsdl, SOAP_1_2_WSDL);
    expect(await runCli(['connector', 'new', 'si-hint', '--kind', 'soap', '--dir', join(scratch, 'hint'), '--wsdl', wsdl], io)).toBe(0);
    expect(out.join('')).toContain("SOAP version: 1.2 (the WSDL's binding)\n");
    expect(err.join('')).toMatch(/hint: the WSDL asks for a WS-Security UsernameToken \(its documentation: .*\); pass --ws-security username-token to generate the security config \(env SI_HINT_USERNAME, SI_HINT_PASSWORD\)/);
    expect(() => scaffoldPackage({ name: 'x', kind: 'rest', root: ROOT, dir: join(scratch, 'rest-ws'), wsSecurity: 'username-token' })).toThrow('--ws-security goes with --kind soap');
    const bad: string[] = [];
    expect(await runCli(['connector', 'new', 'x', '--kind', 'soap', '--ws-security', 'x509'], { ...io, stderr: (text) => bad.push(text) })).toBe(2);
    expect(bad.join('')).toContain('--ws-security must be username-token, got "x509"');
  });
});

describe('govgraph connector new --extends', () => {
  it('generates a key-only stub with the SDK scalar, in orphanedTypes, without an entities entry, and a field resolver', () => {
    const dir = join(scratch, 'extends');
    scaffoldPackage({ name: 'permits', kind: 'sql', root: ROOT, dir, extends: ['Person:idNumber', 'LegalPerson:creditCode', 'Vehicle:plate'] });
    const person = read(dir, 'src/person/person.type.ts');
    expect(person).toContain("import { ResidentIdScalar } from '@govgraph/sdk';");
    expect(person).toContain('@Directive(\'@key(fields: "idNumber")\')');
    expect(person.match(/@Field\(/g)).toHaveLength(1);
    expect(person).toContain('@Field(() => ResidentIdScalar, { description: \'The key this subgraph is reached by.\' })\n  idNumber!: string;');
    expect(read(dir, 'src/legal-person/legal-person.type.ts')).toContain('@Field(() => CreditCodeScalar,');
    expect(read(dir, 'src/vehicle/vehicle.type.ts')).toContain('@Field(() => String,');
    const resolver = read(dir, 'src/person/person.resolver.ts');
    expect(resolver).toContain('@Resolver(() => Person)');
    expect(resolver).toContain('permit(@Root() person: Person, @Ctx() ctx: PermitsContext): Promise<PermitRecord | null> {');
    expect(resolver).toContain('return ctx.loaders.permitById.load(person.idNumber);');
    const app = read(dir, 'src/app.ts');
    expect(app).toContain('resolvers: [PermitResolver, PersonResolver, LegalPersonResolver, VehicleResolver],');
    expect(app).toContain('orphanedTypes: [Person, LegalPerson, Vehicle],');
    expect(app.slice(app.indexOf('entities: {'))).not.toMatch(/Person:|Vehicle:/);
    const conformance = read(dir, 'src/__tests__/conformance.test.ts');
    expect(conformance).toContain("Person: { idNumber: { found: ['320102199003071239', '320102197801074232', '320508198512240024'], missing: false, selection: 'permit { id }' } },");
    expect(read(dir, 'src/index.ts')).toContain("export { Person } from './person/person.type';");
    expect(read(dir, 'README.md')).toContain('type Person @key(fields: "idNumber") { idNumber: ResidentId!  permit: Permit }');
  });

  it('refuses malformed, duplicated and owned types, naming each', () => {
    expect(() => scaffoldPackage({ name: 'permits', kind: 'sql', root: ROOT, dir: join(scratch, 'bad-extends'), extends: ['person:idNumber', 'Person:idNumber', 'Person:id', 'Permit:id'] })).toThrow(
      '--extends "person:idNumber" is not <Type>:<keyField> (e.g. Person:idNumber, LegalPerson:creditCode); --extends "Person:id": Person is extended twice (one key per type); ' +
        '--extends "Permit:id": Permit is the entity this package owns (--entity); extend another type',
    );
  });
});
