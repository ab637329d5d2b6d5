import { charsetOf, decodeText } from '../decode-text';

describe('charsetOf / decodeText', () => {
  it('reads the charset parameter, quoted or not, lower-cased', () => {
    expect(charsetOf('application/json; charset=GBK')).toBe('gbk');
    expect(charsetOf('text/xml;Charset="UTF-8"')).toBe('utf-8');
    expect(charsetOf('application/json')).toBeUndefined();
    expect(charsetOf(undefined)).toBeUndefined();
  });

  it('decodes GBK and drops a UTF-8 BOM', () => {
    expect(decodeText(Uint8Array.from([0xd5, 0xc5, 0xc8, 0xfd]), 'gbk')).toBe('张三');
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
  });

  it('throws instead of inventing replacement characters', () => {
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0xfd]))).toThrow('not valid for encoding utf-8');
    expect(() => decodeText(Uint8Array.from([0x61]), 'no-such-charset')).toThrow(/no-such-charset/);
  });
});
