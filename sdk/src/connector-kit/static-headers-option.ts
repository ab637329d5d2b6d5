/**
 * The `headers` option of HTTP connectors: headers sent with every call
 * (API keys, `authorization`). Checked at config time so a bad name or a
 * line break (header injection) fails start, not the first call.
 */
import { z } from 'zod';

/** Headers every HTTP source sets itself (framing, hop-by-hop, request id); configuring them would break calls. */
const ALWAYS_RESERVED = ['host', 'connection', 'content-length', 'transfer-encoding', 'upgrade', 'keep-alive', 'x-request-id'];
/** RFC 9110 §5.6.2 `token`. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** RFC 9110 §5.5 field value: no CR, LF or other control characters. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * @internal A schema for a record of static headers; names are lower-cased and the result is frozen.
 *
 * @param alsoReserved header names (any case) the connector sets itself besides the framing ones, e.g. `soapaction`.
 */
export function staticHeadersOption(alsoReserved: readonly string[] = []) {
  const reserved = new Set([...ALWAYS_RESERVED, ...alsoReserved.map((name) => name.toLowerCase())]);
  return z
    .record(
      z
        .string()
        .refine((name) => TOKEN.test(name), { error: 'is not a valid header name' })
        .refine((name) => !reserved.has(name.toLowerCase()), { error: 'is set by the source itself' }),
      z.string({ error: 'must be a string' }).refine((value) => HEADER_VALUE.test(value), { error: 'must not contain line breaks or control characters' }),
    )
    .transform((record) => Object.freeze(Object.fromEntries(Object.entries(record).map(([name, value]) => [name.toLowerCase(), value]))));
}
