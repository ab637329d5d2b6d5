/**
 * Field resolvers of the admin API's object types: relations (a department
 * read once per request), JSON columns of audit records parsed, and the
 * `DateTime` scalar.
 */
import type { AuditRecord, Department } from '../../registry/generated/sqlite/client';
import type { AdminContext } from '../admin-context';
import type { AdminResolverDeps } from '../admin-resolver-deps';
import { DateTimeScalar } from '../date-time-scalar';

/** Creates the resolvers of `Application`, `Subgraph`, `AuditRecord` and `DateTime`. */
export function createTypeResolvers(deps: AdminResolverDeps) {
  const { prisma, admin } = deps;
  const departmentsByRequest = new WeakMap<AdminContext, Map<string, Promise<Department | null>>>();
  const department = (parent: { departmentId: string }, _: unknown, ctx: AdminContext) => {
    let cache = departmentsByRequest.get(ctx);
    if (!cache) departmentsByRequest.set(ctx, (cache = new Map()));
    let found = cache.get(parent.departmentId);
    if (!found) cache.set(parent.departmentId, (found = prisma.department.findUnique({ where: { id: parent.departmentId } })));
    return found;
  };
  return {
    DateTime: DateTimeScalar,
    Application: {
      department,
      credentials: (parent: { id: string }) => admin.listCredentials(parent.id),
      grants: (parent: { id: string }) => admin.listGrants(parent.id),
    },
    Subgraph: { department },
    AuditRecord: {
      // The query resolver read the coordinates of records that name a set (withAuditCoordinates).
      coordinates: (parent: AuditRecord & { coordinates: string }) => parseJsonArray(parent.coordinates),
      subgraphs: (parent: AuditRecord) => parseJsonArray(parent.subgraphs),
    },
  };
}

function parseJsonArray(text: string): unknown[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value : [];
}
