/**
 * The admin API's reads. Department admins see their own department's
 * objects only; auditors see audit records and usage only. A denied read is
 * audited, an allowed one is not (`audit tail --follow` would fill the audit
 * with itself).
 */
import { withAuditCoordinates } from '../../registry/audit-coordinates';
import type { Prisma } from '../../registry/generated/sqlite/client';
import { assertDepartment, assertRole, departmentScope } from '../admin-access';
import type { AdminContext } from '../admin-context';
import { badUserInput } from '../admin-errors';
import type { AdminResolverDeps } from '../admin-resolver-deps';
import { afterCursor, assertPageSize, encodeCursor } from '../page-cursor';
import { findApplication, findDepartmentByCode } from '../registry-lookups';

interface PageArgs {
  readonly first: number;
  readonly after?: string | null;
}

interface AuditRecordFilter {
  readonly applicationId?: string | null;
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly kind?: string | null;
  readonly outcome?: string | null;
  readonly action?: string | null;
  readonly actor?: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REGISTRY_ADMINS = ['platform-admin', 'department-admin'] as const;
const READERS_OF_AUDIT = ['platform-admin', 'auditor'] as const;

/** Creates the `Query` resolvers. */
export function createQueryResolvers(deps: AdminResolverDeps) {
  const { prisma, admin, usage, actions } = deps;
  return {
    viewer: (_: unknown, __: unknown, ctx: AdminContext) => ctx.principal,

    departments: (_: unknown, __: unknown, ctx: AdminContext) =>
      actions.read(ctx, 'departments.list', async () => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'list departments');
        const scope = departmentScope(ctx.principal);
        return prisma.department.findMany({ where: scope === undefined ? {} : { id: scope }, orderBy: { code: 'asc' } });
      }),

    applications: (_: unknown, args: PageArgs & { departmentCode?: string | null; status?: string | null }, ctx: AdminContext) =>
      actions.read(ctx, 'applications.list', async () => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'list applications');
        const first = assertPageSize(args.first);
        let departmentId = departmentScope(ctx.principal);
        if (args.departmentCode != null) {
          const department = await findDepartmentByCode(prisma, args.departmentCode);
          assertDepartment(ctx.principal, department.id, 'list the applications');
          departmentId = department.id;
        }
        if (args.status != null && args.status !== 'active' && args.status !== 'suspended') {
          throw badUserInput(`Invalid status ${JSON.stringify(args.status)}: must be active or suspended.`);
        }
        const where: Prisma.ApplicationWhereInput = {
          AND: [
            departmentId === undefined ? {} : { departmentId },
            args.status == null ? {} : { status: args.status },
            afterCursor('createdAt', args.after) as Prisma.ApplicationWhereInput,
          ],
        };
        const rows = await prisma.application.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: first + 1 });
        return page(rows.slice(0, first), rows.length > first, (row) => ({ at: row.createdAt, id: row.id }));
      }),

    application: (_: unknown, args: { id: string }, ctx: AdminContext) =>
      actions.read(ctx, 'applications.get', async (target) => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'read applications');
        const application = await findApplication(prisma, args.id);
        target.applicationId = application.id;
        assertDepartment(ctx.principal, application.departmentId, 'read an application');
        return application;
      }),

    grants: (_: unknown, args: { applicationId: string }, ctx: AdminContext) =>
      actions.read(ctx, 'grants.list', async (target) => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'list grants');
        const application = await findApplication(prisma, args.applicationId);
        target.applicationId = application.id;
        assertDepartment(ctx.principal, application.departmentId, 'list the grants of an application');
        return admin.listGrants(application.id);
      }),

    subgraphs: (_: unknown, __: unknown, ctx: AdminContext) =>
      actions.read(ctx, 'subgraphs.list', async () => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'list subgraphs');
        const scope = departmentScope(ctx.principal);
        return prisma.subgraph.findMany({ where: scope === undefined ? {} : { departmentId: scope }, orderBy: { name: 'asc' } });
      }),

    auditRecords: (_: unknown, args: PageArgs & { filter?: AuditRecordFilter | null }, ctx: AdminContext) =>
      actions.read(ctx, 'audit.list', async () => {
        assertRole(ctx.principal, READERS_OF_AUDIT, 'read audit records');
        const first = assertPageSize(args.first);
        const filter = args.filter ?? {};
        const at: Prisma.DateTimeFilter = {};
        if (filter.from != null) at.gte = filter.from;
        if (filter.to != null) at.lt = filter.to;
        const where: Prisma.AuditRecordWhereInput = {
          AND: [
            filter.applicationId == null ? {} : { applicationId: filter.applicationId },
            filter.kind == null ? {} : { kind: filter.kind },
            filter.outcome == null ? {} : { outcome: filter.outcome },
            filter.action == null ? {} : { action: filter.action },
            filter.actor == null ? {} : { actor: filter.actor },
            Object.keys(at).length === 0 ? {} : { at },
            afterCursor('at', args.after) as Prisma.AuditRecordWhereInput,
          ],
        };
        const rows = await prisma.auditRecord.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: first + 1 });
        return page(await withAuditCoordinates(prisma, rows.slice(0, first)), rows.length > first, (row) => ({ at: row.at, id: row.id }));
      }),

    usage: (_: unknown, args: { applicationId?: string | null; from?: string | null; to?: string | null }, ctx: AdminContext) =>
      actions.read(ctx, 'usage.list', async (target) => {
        assertRole(ctx.principal, READERS_OF_AUDIT, 'read usage');
        const problems = (['from', 'to'] as const)
          .filter((key) => args[key] != null && !isDay(args[key]!))
          .map((key) => ({ path: key, message: `must be a day YYYY-MM-DD (got ${JSON.stringify(args[key])})` }));
        if (problems.length > 0) {
          throw badUserInput(`Invalid usage query (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `- ${p.path}: ${p.message}`).join('\n')}`, problems);
        }
        if (args.applicationId != null) {
          target.applicationId = (await findApplication(prisma, args.applicationId)).id;
        }
        return usage.list({ applicationId: args.applicationId ?? undefined, fromDay: args.from ?? undefined, toDay: args.to ?? undefined });
      }),
  };
}

function isDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

function page<Row>(nodes: Row[], hasNextPage: boolean, position: (row: Row) => { at: Date; id: string }) {
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage, endCursor: last === undefined ? null : encodeCursor(position(last)) } };
}
