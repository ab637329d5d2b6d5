import { z } from 'zod';

/**
 * A non-negative count written as text (`"42"`), as SOAP answers carry every
 * number: parsed to a number, refused when it is not a plain base-10 integer.
 */
export const countText = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/, { error: 'must be a non-negative integer' })
  .transform(Number);
