/**
 * Turns the Prisma errors a registry write can meet into the gateway's
 * registry codes: a unique violation is a conflict, a missing foreign row or
 * a missing record is "not found". Anything else is rethrown unchanged.
 */
import { GW_ERRORS } from '../errors';

/** Maps `error` for the operation `what` (e.g. `application`). @internal */
export function mapPrismaError(error: unknown, what: string): never {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  if (code === 'P2002') throw GW_ERRORS.GW_REGISTRY_CONFLICT.err(`The ${what} already exists (${uniqueTarget(error)}).`, { cause: error });
  if (code === 'P2003') throw GW_ERRORS.GW_REGISTRY_NOT_FOUND.err(`The ${what} refers to a record that does not exist.`, { cause: error });
  if (code === 'P2025') throw GW_ERRORS.GW_REGISTRY_NOT_FOUND.err(`The ${what} does not exist.`, { cause: error });
  throw error;
}

function uniqueTarget(error: unknown): string {
  const meta = (error as { meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } } } }).meta;
  const fields = meta?.target ?? meta?.driverAdapterError?.cause?.constraint?.fields;
  return Array.isArray(fields) ? `duplicate ${fields.join(', ')}` : 'duplicate value';
}
