/**
 * Validation of what admins send to registry operations (admin API and CLI
 * both end here). Every problem is reported at once, naming the field and the
 * value, as `GW_REGISTRY_INVALID_INPUT`.
 */
import { z } from 'zod';
import { GW_ERRORS, type GatewayError } from '../errors';
import { DATA_GRADES, type DataGrade } from '../stores/data-grade';
import { MASK_RULES, type MaskRule } from '../stores/mask-rule';

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });
const id = z.string().min(1, { error: 'must be an id' });
const name = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,62}$/, { error: 'must start with a letter and hold only letters, digits, _ and - (at most 63)' });
const httpUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: 'must be an absolute http:// or https:// URL' },
);

/** A grant target: a `Type.field` coordinate or `subgraph:<name>`. */
export const GRANT_TARGET_PATTERN = /^(?:[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*|subgraph:[A-Za-z][A-Za-z0-9_-]*|introspection)$/;

const departmentSchema = z.strictObject({ code: name, name: text(200) });
const applicationSchema = z.strictObject({ name: text(200), departmentId: id, contact: text(200) });
const subgraphSchema = z.strictObject({ name, url: httpUrl, departmentId: id });
const grantSchema = z.strictObject({
  applicationId: id,
  targets: z
    .array(z.string().regex(GRANT_TARGET_PATTERN, { error: 'must be a Type.field coordinate, subgraph:<name> or introspection' }))
    .min(1, { error: 'must list at least one target' })
    .transform((targets) => [...new Set(targets)]),
  maxGrade: z.enum(DATA_GRADES as [DataGrade, ...DataGrade[]], { error: `must be one of ${DATA_GRADES.join(', ')}` }),
  purpose: text(500),
  expiresAt: z.date().optional(),
  requestsPerSecond: z.number().int().positive({ error: 'must be a positive integer' }),
  dailyQuota: z.number().int().positive({ error: 'must be a positive integer' }),
  requireEndUser: z.boolean().default(false),
  unmask: z
    .array(z.enum(MASK_RULES as [MaskRule, ...MaskRule[]], { error: `must be one of ${MASK_RULES.join(', ')}` }))
    .default([])
    .transform((rules) => [...new Set(rules)]),
});
const adminTokenSchema = z
  .strictObject({
    name: text(200),
    role: z.enum(['platform-admin', 'department-admin', 'auditor'], { error: 'must be platform-admin, department-admin or auditor' }),
    departmentId: id.optional(),
  })
  .superRefine((token, ctx) => {
    if (token.role === 'department-admin' && token.departmentId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'is required for a department-admin' });
    }
    if (token.role !== 'department-admin' && token.departmentId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['departmentId'], message: `must not be set for a ${token.role}` });
    }
  });

/** Input of `createDepartment`. */
export type DepartmentInput = z.input<typeof departmentSchema>;
/** Input of `createApplication`. */
export type ApplicationInput = z.input<typeof applicationSchema>;
/** Input of `createSubgraph`. */
export type SubgraphInput = z.input<typeof subgraphSchema>;
/** Input of `addGrant`. */
export type GrantInput = z.input<typeof grantSchema>;
/** Input of `createAdminToken`. */
export type AdminTokenInput = z.input<typeof adminTokenSchema>;
/** A role of the admin API. */
export type AdminRole = z.output<typeof adminTokenSchema>['role'];

/** @throws GatewayError `GW_REGISTRY_INVALID_INPUT` */
export const parseDepartmentInput = (input: unknown) => parse(departmentSchema, 'department', input);
/** @throws GatewayError `GW_REGISTRY_INVALID_INPUT` */
export const parseApplicationInput = (input: unknown) => parse(applicationSchema, 'application', input);
/** @throws GatewayError `GW_REGISTRY_INVALID_INPUT` */
export const parseSubgraphInput = (input: unknown) => parse(subgraphSchema, 'subgraph', input);
/** @throws GatewayError `GW_REGISTRY_INVALID_INPUT` */
export const parseGrantInput = (input: unknown) => parse(grantSchema, 'grant', input);
/** @throws GatewayError `GW_REGISTRY_INVALID_INPUT` */
export const parseAdminTokenInput = (input: unknown) => parse(adminTokenSchema, 'admin token', input);

function parse<S extends z.ZodType>(schema: S, what: string, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInput(what, input, result.error.issues);
}

function invalidInput(what: string, input: unknown, issues: readonly z.core.$ZodIssue[]): GatewayError {
  const lines = issues.map((issue) => {
    const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : String(key))).join('.').replace(/\.\[/g, '[');
    let value: unknown = input;
    for (const key of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    const got = issue.code === 'unrecognized_keys' || value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
    return `- ${path || '(input)'}: ${issue.message}${got}`;
  });
  return GW_ERRORS.GW_REGISTRY_INVALID_INPUT.err(`Invalid ${what} (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`, {
    details: { issues: issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) },
  });
}
