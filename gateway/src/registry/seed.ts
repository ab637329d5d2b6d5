/**
 * Registry seeds. `seedDemo` gives the one-command start something to call
 * with: a demo department, two demo applications (one granted everything at
 * L3 with every mask on, one at L4 with every mask cleared) and an API key for
 * each. `seedScale` fills the registry at the size of the reference province
 * (3,428 applications, 50,000 grants) for the load-time requirement.
 */
import { randomUUID } from 'node:crypto';
import { GW_ERRORS } from '../errors';
import { MASK_RULES } from '../stores/mask-rule';
import type { DataGrade } from '../stores/data-grade';
import type { Application } from './generated/sqlite/client';
import { bulkInsert } from './bulk-insert';
import type { Registry } from './open-registry';
import { createRegistryAdmin } from './registry-admin';
import { API_KEY_PATTERN, generateApiKey, hashSecret, KEY_PREFIX_LENGTH } from './secrets';

/** The code of the demo department; its presence means the demo was seeded. */
export const DEMO_DEPARTMENT_CODE = 'demo';
/** The subgraphs of the reference platform, granted whole to the demo applications. */
export const DEMO_SUBGRAPHS: readonly string[] = Object.freeze(['users', 'services', 'licences', 'cases']);

/** Options of {@link seedDemo}. */
export interface SeedDemoOptions {
  /** The server pepper of the key hashes. */
  readonly pepper: string;
  /** Subgraph names granted whole. @default {@link DEMO_SUBGRAPHS} */
  readonly subgraphs?: readonly string[];
  /** Fixed demo keys (e.g. from the environment of a dev setup), `gg_` + 32 base62. @default new random keys */
  readonly keys?: { readonly standard?: string; readonly sensitive?: string };
}

/** A demo application with its key (shown once). */
export interface SeededDemoApplication {
  readonly application: Application;
  readonly maxGrade: DataGrade;
  readonly apiKey: string;
}

/** What {@link seedDemo} created; `undefined` when the demo department existed already. */
export interface DemoSeed {
  readonly departmentId: string;
  /** `standard` (L3: names and addresses masked, ID numbers and phones denied) and `sensitive` (L4, masks cleared). */
  readonly standard: SeededDemoApplication;
  readonly sensitive: SeededDemoApplication;
}

/**
 * Seeds the demo department, applications, grants and keys, once: a registry
 * that has the demo department is left as it is (keys are only ever shown at
 * creation; issue a new one with the CLI).
 */
export async function seedDemo(registry: Registry, options: SeedDemoOptions): Promise<DemoSeed | undefined> {
  for (const key of [options.keys?.standard, options.keys?.sensitive]) {
    if (key !== undefined && !API_KEY_PATTERN.test(key)) {
      throw GW_ERRORS.GW_CONFIG_INVALID.err('A fixed demo API key must be gg_ followed by 32 letters and digits.');
    }
  }
  const { prisma } = registry;
  if (await prisma.department.findUnique({ where: { code: DEMO_DEPARTMENT_CODE } })) return undefined;
  const admin = createRegistryAdmin(prisma, { pepper: options.pepper });
  const department = await admin.createDepartment({ code: DEMO_DEPARTMENT_CODE, name: 'Demo department' });
  const targets = (options.subgraphs ?? DEMO_SUBGRAPHS).map((name) => `subgraph:${name}`);

  const seedApplication = async (name: string, maxGrade: DataGrade, unmask: readonly (typeof MASK_RULES)[number][], fixedKey: string | undefined) => {
    const application = await admin.createApplication({ name, departmentId: department.id, contact: 'demo@govgraph.invalid' });
    await admin.addGrant({
      applicationId: application.id,
      targets,
      maxGrade,
      purpose: 'demo',
      requestsPerSecond: 50,
      dailyQuota: 100_000,
      unmask: [...unmask],
    });
    let apiKey: string;
    if (fixedKey === undefined) {
      apiKey = (await admin.issueApiKey(application.id)).secret;
    } else {
      await prisma.credential.create({
        data: { applicationId: application.id, prefix: fixedKey.slice(0, KEY_PREFIX_LENGTH), hash: hashSecret(options.pepper, fixedKey) },
      });
      apiKey = fixedKey;
    }
    return { application, maxGrade, apiKey };
  };
  const standard = await seedApplication('Demo application (L3, masked)', 'L3', [], options.keys?.standard);
  const sensitive = await seedApplication('Demo application (L4, unmasked)', 'L4', MASK_RULES, options.keys?.sensitive);
  return { departmentId: department.id, standard, sensitive };
}

/** Options of {@link seedScale}. */
export interface SeedScaleOptions {
  /** @default 3428 */
  readonly applications?: number;
  /** Spread evenly over the applications. @default 50000 */
  readonly grants?: number;
  /** @default 40 */
  readonly departments?: number;
  /** The pepper of the (unused, random) keys, one per application. @default a fixed test pepper */
  readonly pepper?: string;
}

/** What {@link seedScale} created. */
export interface ScaleSeed {
  readonly departments: number;
  readonly applications: number;
  readonly credentials: number;
  readonly grants: number;
}

const SCALE_COORDINATES = [
  'Query.person',
  'Person.name',
  'Person.residentId',
  'Person.phone',
  'Person.address',
  'Person.licences',
  'Licence.number',
  'Licence.title',
  'Query.case',
  'Case.status',
  'Case.applicant',
  'Query.service',
  'Service.name',
  'Enterprise.creditCode',
] as const;

/**
 * Bulk-inserts departments, applications (each with one API key) and grants
 * with JSON bulk inserts, one transaction per table (`createMany` is ten times
 * slower at this size). For tests and benchmarks.
 */
export async function seedScale(registry: Registry, options: SeedScaleOptions = {}): Promise<ScaleSeed> {
  const applicationCount = options.applications ?? 3428;
  const grantCount = options.grants ?? 50_000;
  const departmentCount = options.departments ?? 40;
  const pepper = options.pepper ?? 'scale-seed-pepper-not-secret';
  const run = randomUUID().slice(0, 8);
  const departments = Array.from({ length: departmentCount }, (_, index) => ({
    id: randomUUID(),
    code: `scale-${run}-${index}`,
    name: `Scale department ${index}`,
  }));
  const applications = Array.from({ length: applicationCount }, (_, index) => ({
    id: randomUUID(),
    name: `Scale application ${index}`,
    departmentId: departments[index % departmentCount]!.id,
    contact: `app${index}@govgraph.invalid`,
  }));
  const credentials = applications.map((application) => {
    const key = generateApiKey();
    return { applicationId: application.id, prefix: key.slice(0, KEY_PREFIX_LENGTH), hash: hashSecret(pepper, key) };
  });
  const grades: DataGrade[] = ['L1', 'L2', 'L3', 'L4'];
  const grants = Array.from({ length: grantCount }, (_, index) => {
    const first = index % SCALE_COORDINATES.length;
    return {
      applicationId: applications[index % applicationCount]!.id,
      targets: JSON.stringify([SCALE_COORDINATES[first], SCALE_COORDINATES[(first + 5) % SCALE_COORDINATES.length], `subgraph:scale${index % 7}`]),
      maxGrade: grades[index % grades.length]!,
      purpose: `scale purpose ${index % 100}`,
      requestsPerSecond: 10 + (index % 90),
      dailyQuota: 10_000,
      requireEndUser: index % 3 === 0,
      unmask: JSON.stringify(index % 5 === 0 ? ['phone'] : []),
    };
  });
  const at = new Date();
  const text = (name: string) => ({ name, type: 'text' as const });
  const stamps = [{ name: 'createdAt', type: 'timestamp' as const }, { name: 'updatedAt', type: 'timestamp' as const }];
  await bulkInsert(registry, 'Department', [text('id'), text('code'), text('name'), ...stamps], departments.map((row) => ({ ...row, createdAt: at, updatedAt: at })));
  await bulkInsert(
    registry,
    'Application',
    [text('id'), text('name'), text('departmentId'), text('contact'), text('status'), ...stamps],
    applications.map((row) => ({ ...row, status: 'active', createdAt: at, updatedAt: at })),
  );
  await bulkInsert(
    registry,
    'Credential',
    [text('id'), text('applicationId'), text('kind'), text('prefix'), text('hash'), ...stamps],
    credentials.map((row) => ({ ...row, id: randomUUID(), kind: 'api-key', createdAt: at, updatedAt: at })),
  );
  await bulkInsert(
    registry,
    'Grant',
    [
      text('id'),
      text('applicationId'),
      text('targets'),
      text('maxGrade'),
      text('purpose'),
      { name: 'requestsPerSecond', type: 'integer' },
      { name: 'dailyQuota', type: 'integer' },
      { name: 'requireEndUser', type: 'boolean' },
      text('unmask'),
      ...stamps,
    ],
    grants.map((row) => ({ ...row, id: randomUUID(), createdAt: at, updatedAt: at })),
  );
  return { departments: departmentCount, applications: applicationCount, credentials: credentials.length, grants: grantCount };
}
