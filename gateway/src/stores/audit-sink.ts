/**
 * Where audit records go (issue 4: one record per operation and per admin
 * action). Policies write through a buffer in front of a sink, off the
 * response path; the sink itself writes a batch at once.
 */
import type { DataGrade } from './data-grade';

/** A field coordinate the operation touched, with its data grade. */
export interface AuditedCoordinate {
  readonly coordinate: string;
  readonly grade: DataGrade;
}

/** One audit record. */
export interface AuditRecordInput {
  readonly at: Date;
  /** `operation` (a GraphQL operation) or `admin` (an admin API action). */
  readonly kind: 'operation' | 'admin';
  readonly applicationId?: string;
  /** Hex sha256 of the end user's subject; never the subject itself. */
  readonly userSubjectHash?: string;
  readonly operationName?: string;
  /** Hex sha256 of the operation document. */
  readonly operationHash: string;
  readonly coordinates: readonly AuditedCoordinate[];
  /** The highest grade among `coordinates` (`L1` when none). */
  readonly maxGrade: DataGrade;
  /** The purpose the caller declared in the request header. */
  readonly purpose?: string;
  /** `ok`, `denied`, `rate-limited`, `error`, … */
  readonly outcome: string;
  readonly durationMs: number;
  /** Names of the subgraphs called. */
  readonly subgraphs: readonly string[];
  readonly requestId: string;
  /** Admin token id (admin records). */
  readonly actor?: string;
  /** Admin action (admin records), e.g. `grants.add`. */
  readonly action?: string;
}

/** Stores audit records in batches. */
export interface AuditSink {
  /** Stores every record or throws (the buffer in front keeps them and retries). */
  write(records: readonly AuditRecordInput[]): Promise<void>;
}
