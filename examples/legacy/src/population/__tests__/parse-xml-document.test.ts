import { escapeXml, parseXmlDocument, XmlDocumentError } from '..';

describe('parseXmlDocument', () => {
  it('resolves prefixed and default namespaces, and decodes predefined and numeric references', () => {
    const root = parseXmlDocument('<a:root xmlns:a="urn:a" xmlns="urn:d"><child x="1&amp;2">&lt;&#x4E2D;&#25991;&gt;<![CDATA[&amp;<raw>]]></child><a:leaf/></a:root>');
    expect(root).toMatchObject({ namespace: 'urn:a', localName: 'root' });
    expect(root.children.map((c) => [c.namespace, c.localName])).toEqual([
      ['urn:d', 'child'],
      ['urn:a', 'leaf'],
    ]);
    expect(root.children[0]).toMatchObject({ attributes: { x: '1&2' }, text: '<中文>&amp;<raw>' });
  });

  it('refuses undefined entities, undeclared prefixes, several roots and DOCTYPEs', () => {
    const reasonOf = (xml: string): string => {
      try {
        parseXmlDocument(xml);
        return 'parsed';
      } catch (error) {
        return error instanceof XmlDocumentError ? error.reason : 'other';
      }
    };
    expect(reasonOf('<a>&nbsp;</a>')).toBe('syntax');
    expect(reasonOf('<p:a/>')).toBe('syntax');
    expect(reasonOf('<a/><b/>')).toBe('syntax');
    expect(reasonOf('<a>1 & 2</a>')).toBe('syntax');
    expect(reasonOf('<!DOCTYPE a><a/>')).toBe('doctype');
    expect(reasonOf('<a><!ENTITY x "y"></a>')).toBe('doctype');
    expect(reasonOf('<a>'.repeat(101) + '</a>'.repeat(101))).toBe('syntax');
    expect(reasonOf('<a>'.repeat(100) + '</a>'.repeat(100))).toBe('parsed');
    expect(reasonOf('<a>ok</a>')).toBe('parsed');
  });

  it('round-trips escaped text', () => {
    const text = `A&B <3> "quoted" 'single' 中文`;
    expect(parseXmlDocument(`<a v="${escapeXml(text)}">${escapeXml(text)}</a>`)).toMatchObject({ text, attributes: { v: text } });
    expect(escapeXml('a\u0001b')).toBe('ab');
  });
});
