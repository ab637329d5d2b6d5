/** Hex sha256 of a UTF-8 string: document hashes, user-subject hashes, persisted-operation ids. */
import { hash } from 'node:crypto';

/** Hex sha256 of `text` (UTF-8). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
