import { serialize } from 'node:v8';

/**
 * Whether V8 stores `text` one byte per character. V8's serializer writes the
 * representation it finds: tag `"` (0x22) for one-byte strings, `c` (0x63)
 * for two-byte ones, after the two-byte header (0xff, version).
 */
export function isOneByteString(text: string): boolean {
  const tag = serialize(text)[2];
  if (tag !== 0x22 && tag !== 0x63) throw new Error(`unexpected V8 serializer tag 0x${(tag ?? 0).toString(16)}`);
  return tag === 0x22;
}
