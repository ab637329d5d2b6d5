/**
 * The admin roles (issue 4): a `platform-admin` may do everything; a
 * `department-admin` only touches its own department's applications,
 * credentials, grants and subgraphs; an `auditor` only reads audit records
 * and usage. Each check throws `FORBIDDEN`, which the action wrapper audits
 * as a denied attempt.
 */
import { GW_ERRORS, type GatewayError } from '../errors';
import type { AdminRole } from '../registry/parse-registry-input';
import type { AdminPrincipal } from './authenticate-admin';

/** Refuses a principal whose role is not in `roles`. */
export function assertRole(principal: AdminPrincipal, roles: readonly AdminRole[], action: string): void {
  if (!roles.includes(principal.role)) throw forbidden(principal, `may not ${action}`);
}

/**
 * Refuses an object of `departmentId` to anyone but a platform admin and the
 * admin of that department (auditors included: they never change or read registry objects).
 */
export function assertDepartment(principal: AdminPrincipal, departmentId: string, action: string): void {
  if (principal.role === 'platform-admin') return;
  if (principal.role === 'department-admin' && principal.departmentId === departmentId) return;
  if (principal.role === 'department-admin') throw forbidden(principal, `may not ${action} of another department`);
  throw forbidden(principal, `may not ${action}`);
}

/** The department a department admin is confined to; `undefined` for a platform admin. */
export function departmentScope(principal: AdminPrincipal): string | undefined {
  return principal.role === 'department-admin' ? (principal.departmentId ?? '') : undefined;
}

function forbidden(principal: AdminPrincipal, what: string): GatewayError {
  return GW_ERRORS.FORBIDDEN.err(`Admin token "${principal.name}" (${principal.role}) ${what}.`);
}
