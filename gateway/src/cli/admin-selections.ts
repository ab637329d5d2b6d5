/** The fields the CLI asks for (and prints with `--json`), one selection per type. */

/** Fields of an `Application`. */
export const APPLICATION_FIELDS = 'id name contact status department { code name } createdAt updatedAt';
/** Fields of a `Credential`. */
export const CREDENTIAL_FIELDS = 'id applicationId prefix createdAt expiresAt revokedAt replacedById overlapUntil';
/** Fields of a `Grant`. */
export const GRANT_FIELDS = 'id applicationId targets maxGrade purpose expiresAt requestsPerSecond dailyQuota requireEndUser unmask createdAt revokedAt';
/** Fields of a `Department`. */
export const DEPARTMENT_FIELDS = 'id code name createdAt';
/** Fields of a `Subgraph`. */
export const SUBGRAPH_FIELDS = 'id name url department { code } createdAt';
/** Fields of an `AdminToken`. */
export const ADMIN_TOKEN_FIELDS = 'id name role departmentId createdAt revokedAt';
/** Fields of an `AuditRecord`. */
export const AUDIT_RECORD_FIELDS =
  'id at kind applicationId userSubjectHash operationName operationHash coordinates { coordinate grade } maxGrade purpose outcome durationMs subgraphs requestId actor action';

/** An application as selected by {@link APPLICATION_FIELDS}. */
export interface ApplicationRow {
  readonly id: string;
  readonly name: string;
  readonly contact: string;
  readonly status: string;
  readonly department: { readonly code: string; readonly name: string };
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A credential as selected by {@link CREDENTIAL_FIELDS}. */
export interface CredentialRow {
  readonly id: string;
  readonly applicationId: string;
  readonly prefix: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly replacedById: string | null;
  readonly overlapUntil: string | null;
}

/** A grant as selected by {@link GRANT_FIELDS}. */
export interface GrantRow {
  readonly id: string;
  readonly applicationId: string;
  readonly targets: string[];
  readonly maxGrade: string;
  readonly purpose: string;
  readonly expiresAt: string | null;
  readonly requestsPerSecond: number;
  readonly dailyQuota: number;
  readonly requireEndUser: boolean;
  readonly unmask: string[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}
