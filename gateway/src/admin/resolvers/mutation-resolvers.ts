/**
 * The admin API's changes. Each runs through {@link AdminActions.mutate}, so
 * it is audited whatever its outcome, after the role check and, for a
 * department admin, the check that the object belongs to its department.
 * Secrets (API keys, admin tokens) are in the answer once and nowhere else:
 * not in the audit record, not in a log line.
 */
import { isGatewayError } from '../../errors';
import type { GrantInput } from '../../registry/parse-registry-input';
import type { CredentialView, IssuedSecret } from '../../registry/registry-admin';
import { assertDepartment, assertRole } from '../admin-access';
import type { AdminContext } from '../admin-context';
import { badUserInput } from '../admin-errors';
import type { AdminResolverDeps } from '../admin-resolver-deps';
import { findApplication, findCredential, findDepartmentByCode, findGrant } from '../registry-lookups';

const REGISTRY_ADMINS = ['platform-admin', 'department-admin'] as const;
const PLATFORM_ADMINS = ['platform-admin'] as const;

/** Creates the `Mutation` resolvers. */
export function createMutationResolvers(deps: AdminResolverDeps) {
  const { prisma, admin, actions, now } = deps;

  const assertFuture = (expiresAt: Date | null | undefined) => {
    if (expiresAt != null && expiresAt.getTime() <= now().getTime()) {
      throw badUserInput(`Invalid expiresAt ${expiresAt.toISOString()}: must be in the future.`, [{ path: 'expiresAt', message: 'must be in the future' }]);
    }
  };

  const setStatus = (action: string, status: 'active' | 'suspended') => (_: unknown, args: { id: string }, ctx: AdminContext) =>
    actions.mutate(ctx, action, async (target) => {
      assertRole(ctx.principal, REGISTRY_ADMINS, 'change applications');
      const application = await findApplication(prisma, args.id);
      target.applicationId = application.id;
      assertDepartment(ctx.principal, application.departmentId, 'change an application');
      return admin.setApplicationStatus(application.id, status);
    });

  return {
    createDepartment: (_: unknown, args: { input: { code: string; name: string } }, ctx: AdminContext) =>
      actions.mutate(ctx, 'departments.create', async () => {
        assertRole(ctx.principal, PLATFORM_ADMINS, 'create departments');
        return admin.createDepartment(args.input);
      }),

    createApplication: (_: unknown, args: { input: { name: string; departmentCode: string; contact: string } }, ctx: AdminContext) =>
      actions.mutate(ctx, 'applications.create', async (target) => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'create applications');
        const { departmentCode, ...rest } = args.input;
        const department = await findDepartmentByCode(prisma, departmentCode);
        assertDepartment(ctx.principal, department.id, 'create an application');
        const application = await admin.createApplication({ ...rest, departmentId: department.id });
        target.applicationId = application.id;
        return application;
      }),

    suspendApplication: setStatus('applications.suspend', 'suspended'),
    reactivateApplication: setStatus('applications.reactivate', 'active'),

    issueApiKey: (_: unknown, args: { applicationId: string; expiresAt?: Date | null }, ctx: AdminContext) =>
      actions.mutate(ctx, 'keys.issue', async (target) => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'issue API keys');
        const application = await findApplication(prisma, args.applicationId);
        target.applicationId = application.id;
        assertDepartment(ctx.principal, application.departmentId, 'issue a key to an application');
        assertFuture(args.expiresAt);
        return issuedKey(await admin.issueApiKey(application.id, { expiresAt: args.expiresAt ?? undefined }));
      }),

    rotateApiKey: (_: unknown, args: { credentialId: string; overlapSeconds?: number | null; expiresAt?: Date | null }, ctx: AdminContext) =>
      actions.mutate(ctx, 'keys.rotate', async (target) => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'rotate API keys');
        const credential = await findCredential(prisma, args.credentialId);
        target.applicationId = credential.applicationId;
        assertDepartment(ctx.principal, credential.departmentId, 'rotate a key of an application');
        assertFuture(args.expiresAt);
        const issued = await admin.rotateApiKey(credential.id, {
          overlapSeconds: args.overlapSeconds ?? undefined,
          expiresAt: args.expiresAt ?? undefined,
        });
        return issuedKey(issued);
      }),

    revokeApiKey: (_: unknown, args: { credentialId: string }, ctx: AdminContext) =>
      actions.mutate(ctx, 'keys.revoke', async (target) => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'revoke API keys');
        const credential = await findCredential(prisma, args.credentialId);
        target.applicationId = credential.applicationId;
        assertDepartment(ctx.principal, credential.departmentId, 'revoke a key of an application');
        return admin.revokeCredential(credential.id);
      }),

    addGrant: (_: unknown, args: { input: GrantInput & { expiresAt?: Date | null } }, ctx: AdminContext) =>
      actions.mutate(ctx, 'grants.add', async (target) => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'add grants');
        const application = await findApplication(prisma, args.input.applicationId);
        target.applicationId = application.id;
        assertDepartment(ctx.principal, application.departmentId, 'add a grant to an application');
        assertFuture(args.input.expiresAt);
        const { expiresAt, ...input } = args.input;
        return admin.addGrant(expiresAt == null ? input : { ...input, expiresAt });
      }),

    revokeGrant: (_: unknown, args: { id: string }, ctx: AdminContext) =>
      actions.mutate(ctx, 'grants.revoke', async (target) => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'revoke grants');
        const grant = await findGrant(prisma, args.id);
        target.applicationId = grant.applicationId;
        assertDepartment(ctx.principal, grant.departmentId, 'revoke a grant of an application');
        return admin.revokeGrant(grant.id);
      }),

    registerSubgraph: (_: unknown, args: { input: { name: string; url: string; departmentCode: string } }, ctx: AdminContext) =>
      actions.mutate(ctx, 'subgraphs.register', async () => {
        assertRole(ctx.principal, REGISTRY_ADMINS, 'register subgraphs');
        const { departmentCode, ...rest } = args.input;
        const department = await findDepartmentByCode(prisma, departmentCode);
        assertDepartment(ctx.principal, department.id, 'register a subgraph');
        return admin.createSubgraph({ ...rest, departmentId: department.id });
      }),

    createAdminToken: (_: unknown, args: { input: { name: string; role: string; departmentCode?: string | null } }, ctx: AdminContext) =>
      actions.mutate(ctx, 'tokens.create', async () => {
        assertRole(ctx.principal, PLATFORM_ADMINS, 'create admin tokens');
        const { departmentCode, name, role } = args.input;
        const departmentId = departmentCode == null ? undefined : (await findDepartmentByCode(prisma, departmentCode)).id;
        try {
          const issued = await admin.createAdminToken({ name, role: role as 'auditor', ...(departmentId === undefined ? {} : { departmentId }) });
          return { token: issued.secret, id: issued.record.id, adminToken: issued.record };
        } catch (error) {
          throw renameInputField(error, 'departmentId', 'departmentCode');
        }
      }),

    revokeAdminToken: (_: unknown, args: { id: string }, ctx: AdminContext) =>
      actions.mutate(ctx, 'tokens.revoke', async () => {
        assertRole(ctx.principal, PLATFORM_ADMINS, 'revoke admin tokens');
        return admin.revokeAdminToken(args.id);
      }),
  };
}

function issuedKey(issued: IssuedSecret<CredentialView>) {
  return { apiKey: issued.secret, id: issued.record.id, prefix: issued.record.prefix, credential: issued.record };
}

/** The registry names the field by its id; the admin API takes a code. */
function renameInputField(error: unknown, from: string, to: string): unknown {
  if (!isGatewayError(error) || error.code !== 'GW_REGISTRY_INVALID_INPUT') return error;
  const issues = error.details?.['issues'];
  const problems = Array.isArray(issues)
    ? (issues as { path: string; message: string }[]).map((issue) => ({ ...issue, path: issue.path === from ? to : issue.path }))
    : undefined;
  return badUserInput(error.message.split(`- ${from}:`).join(`- ${to}:`), problems);
}
