/** Hex sha256 of a UTF-8 string: document hashes, user-subject hashes, persisted-operation ids. */
import { createHash } from 'node:crypto';

/** Hex sha256 of `text` (UTF-8). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
