/**
 * Finds the registry objects an admin names, for the department check that
 * comes before every change: each throws `GW_REGISTRY_NOT_FOUND` when the
 * object does not exist.
 */
import { GW_ERRORS } from '../errors';
import type { Application, Credential, Department, Grant } from '../registry/generated/sqlite/client';
import type { RegistryClient } from '../registry/registry-client';

/** The department with `code`. */
export async function findDepartmentByCode(prisma: RegistryClient, code: string): Promise<Department> {
  const department = await prisma.department.findUnique({ where: { code } });
  if (!department) throw GW_ERRORS.GW_REGISTRY_NOT_FOUND.err(`No department with code ${JSON.stringify(code)}.`);
  return department;
}

/** The application `id`. */
export async function findApplication(prisma: RegistryClient, id: string): Promise<Application> {
  const application = await prisma.application.findUnique({ where: { id } });
  if (!application) throw GW_ERRORS.GW_REGISTRY_NOT_FOUND.err(`No application ${id}.`);
  return application;
}

/** The credential `id` with the department of its application. */
export async function findCredential(prisma: RegistryClient, id: string): Promise<Credential & { departmentId: string }> {
  const credential = await prisma.credential.findUnique({ where: { id }, include: { application: { select: { departmentId: true } } } });
  if (!credential) throw GW_ERRORS.GW_REGISTRY_NOT_FOUND.err(`No credential ${id}.`);
  const { application, ...rest } = credential;
  return { ...rest, departmentId: application.departmentId };
}

/** The grant `id` with the department of its application. */
export async function findGrant(prisma: RegistryClient, id: string): Promise<Grant & { departmentId: string }> {
  const grant = await prisma.grant.findUnique({ where: { id }, include: { application: { select: { departmentId: true } } } });
  if (!grant) throw GW_ERRORS.GW_REGISTRY_NOT_FOUND.err(`No grant ${id}.`);
  const { application, ...rest } = grant;
  return { ...rest, departmentId: application.departmentId };
}
