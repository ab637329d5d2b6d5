import { UpstreamDataError } from '@govgraph/sdk';
import type { z } from 'zod';

/**
 * Checks the envelope of a legacy answer (the list or page around the records)
 * against `schema`. Records inside are mapped one by one afterwards, so that
 * one bad record does not hide the good ones.
 * @throws UpstreamDataError naming the system, the operation and what is wrong
 */
export function readAnswer<S extends z.ZodType>(schema: S, answer: unknown, source: string, operation: string): z.output<S> {
  const result = schema.safeParse(answer);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`);
  throw new UpstreamDataError(`legacy system "${source}" answered ${operation} with an unreadable response: ${problems.join('; ')}`, {
    details: { source },
  });
}
