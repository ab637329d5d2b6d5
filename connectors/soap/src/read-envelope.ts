/**
 * Reads a response envelope into plain objects: namespace prefixes removed,
 * values kept as strings, `xsi:nil` elements as `null`, and the elements the
 * caller names in `arrays` always as arrays (XML cannot tell a list of one
 * from a single item). Attributes other than `xsi:nil` are not kept.
 */
import { parseSafeXml, MalformedXmlError } from './parse-safe-xml';
import type { SoapFault, SoapProtocol } from './soap-version';

/** @internal */
export interface SoapEnvelopeContent {
  /** The Fault, if the Body holds one. */
  readonly fault: SoapFault | undefined;
  /** The Body's children by local name. */
  readonly body: Readonly<Record<string, unknown>>;
}

const NIL = '@_nil';
const TEXT = '#text';
const STRUCTURE = new Set(['Envelope', 'Header', 'Body', 'Fault']);

/**
 * @internal
 * @throws UnsafeXmlError, MalformedXmlError (also for a document that is not a SOAP envelope)
 */
export function readEnvelope(text: string, protocol: SoapProtocol, arrays: readonly string[] = []): SoapEnvelopeContent {
  const listed = new Set(arrays);
  const document = parseSafeXml(text, {
    removeNSPrefix: true,
    ignoreAttributes: (name) => name !== 'nil',
    attributeNamePrefix: '@_',
    textNodeName: TEXT,
    isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && listed.has(name) && !STRUCTURE.has(name),
  });
  const envelope = document['Envelope'];
  if (typeof envelope !== 'object' || envelope === null) throw new MalformedXmlError('the root element is not a SOAP Envelope');
  const body = (envelope as Record<string, unknown>)['Body'];
  if (body === undefined) throw new MalformedXmlError('the SOAP Envelope has no Body');
  const content = normalise(body);
  const children = typeof content === 'object' && content !== null && !Array.isArray(content) ? (content as Record<string, unknown>) : {};
  const fault = children['Fault'];
  return { fault: fault === undefined ? undefined : protocol.readFault(fault), body: children };
}

/** Turns `{ '@_nil': 'true' }` into `null` and drops the attribute elsewhere. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (NIL in record) {
    const nil = record[NIL];
    if (nil === 'true' || nil === '1') return null;
    const { [NIL]: _dropped, ...rest } = record;
    const keys = Object.keys(rest);
    if (keys.length === 0) return '';
    if (keys.length === 1 && keys[0] === TEXT) return rest[TEXT];
    return normalise(rest);
  }
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) result[key] = normalise(child);
  return result;
}
