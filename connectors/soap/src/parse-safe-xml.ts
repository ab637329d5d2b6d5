/**
 * The one way this package reads XML from a legacy system. It is hostile
 * input: a document type declaration can define entities that expand
 * exponentially ("billion laughs") or pull in local files (XXE), so any
 * `<!DOCTYPE` or `<!ENTITY` is refused outright, and fast-xml-parser gets a
 * decoder that knows only the five XML built-in entities and character
 * references, nothing else. The document must also be well-formed (a
 * truncated body is an error, not half an object), and values stay strings:
 * an 18-digit ID number must never become a float.
 */
import { XMLParser, XMLValidator, type X2jOptions } from 'fast-xml-parser';

/** @internal The document has a DTD or entity declaration and was not parsed. */
export class UnsafeXmlError extends Error {
  constructor() {
    super('the XML document has a <!DOCTYPE> or <!ENTITY> declaration, which is refused');
    this.name = 'UnsafeXmlError';
  }
}

/** @internal The document is not well-formed XML. */
export class MalformedXmlError extends Error {
  constructor(reason: string) {
    super(`the XML document is not well-formed: ${reason}`);
    this.name = 'MalformedXmlError';
  }
}

/** Options a caller may choose; the safety-relevant ones are fixed below. */
export type SafeXmlOptions = Pick<
  X2jOptions,
  'ignoreAttributes' | 'attributeNamePrefix' | 'removeNSPrefix' | 'isArray' | 'textNodeName' | 'trimValues'
>;

const DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});/g;

/**
 * Replaces the five predefined entities and character references in one pass
 * (so `&amp;lt;` becomes `&lt;`, not `<`). Declared entities are never
 * accepted: documents that could declare them are refused before parsing.
 */
const entityDecoder = {
  setExternalEntities: (): void => undefined,
  addInputEntities: (): void => undefined,
  reset: (): void => undefined,
  setXmlVersion: (): void => undefined,
  decode: (text: string): string =>
    text.includes('&')
      ? text.replace(REFERENCE, (match, name: string) => {
          const predefined = PREDEFINED[name];
          if (predefined !== undefined) return predefined;
          const codePoint = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
          return isXmlChar(codePoint) ? String.fromCodePoint(codePoint) : match;
        })
      : text,
};

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/**
 * @internal Parses `text` into plain objects (fast-xml-parser's shape).
 * @throws UnsafeXmlError, MalformedXmlError
 */
export function parseSafeXml(text: string, options: SafeXmlOptions): Record<string, unknown> {
  if (DECLARATION.test(text)) throw new UnsafeXmlError();
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) throw new MalformedXmlError(`${validation.err.msg} (line ${validation.err.line})`);
  const parser = new XMLParser({
    ...options,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
    entityDecoder,
    ignoreDeclaration: true,
    ignorePiTags: true,
    allowBooleanAttributes: false,
  });
  const parsed: unknown = parser.parse(text);
  if (typeof parsed !== 'object' || parsed === null) throw new MalformedXmlError('no root element');
  return parsed as Record<string, unknown>;
}
