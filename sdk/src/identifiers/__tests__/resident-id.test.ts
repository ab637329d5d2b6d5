import { parseResidentId, residentIdCheckChar } from '../resident-id';
import { seededRandom } from './seeded-random';

const NOW = new Date('2026-06-30T12:00:00+08:00');

describe('residentIdCheckChar', () => {
  it('computes the check character of the GB 11643-1999 example number', () => {
    // 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 × 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → "10X98765432"[2] = 'X'
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('computes a digit check character', () => {
    // 3 2 0 5 0 8 1 9 8 5 1 2 2 4 0 0 2: 21+18+0+25+0+32+2+9+48+15+7+18+20+20+0+0+4 = 239
    // 239 mod 11 = 8 → "10X98765432"[8] = '4'
    expect(residentIdCheckChar('32050819851224002')).toBe('4');
  });

  it('maps a sum of 0 mod 11 to 1 and 1 mod 11 to 0', () => {
    // all zeros: sum 0 → '1'; 00000000000000001: weight 2 → 'X'; 00000000000000100: weight 8 → '4'
    expect(residentIdCheckChar('00000000000000000')).toBe('1');
    expect(residentIdCheckChar('00000000000000001')).toBe('X');
    expect(residentIdCheckChar('00000000000000100')).toBe('4');
    // 10000000000000010: 7 + 4 = 11 → 0 → '1'; 16000…: 7 + 6·9 = 61 → 61 mod 11 = 6 → '6'
    expect(residentIdCheckChar('10000000000000010')).toBe('1');
    expect(residentIdCheckChar('16000000000000000')).toBe('6');
    // 7·1 + 9·1 + 10·1 + 5·1 + 8·1 + 4·1 + 2·1 + 1·1 + 6·1 + 3·1 + 7 + 9 + 10 + 5 + 8 + 4 + 2 = 100 → 1 → '0'
    expect(residentIdCheckChar('11111111111111111')).toBe('0');
  });

  it('rejects input that is not 17 digits', () => {
    expect(() => residentIdCheckChar('3201021990030745')).toThrow(TypeError);
    expect(() => residentIdCheckChar('3201021990030745A')).toThrow('residentIdCheckChar expects 17 digits, got "3201021990030745A"');
  });
});

describe('parseResidentId', () => {
  it('takes apart the GB 11643-1999 example number', () => {
    expect(parseResidentId('11010519491231002X', { now: NOW })).toEqual({
      ok: true,
      value: '11010519491231002X',
      regionCode: '110105',
      birthDate: '1949-12-31',
      gender: 'F',
    });
  });

  it('takes apart a Nanjing number of a man', () => {
    // 3 2 0 1 0 2 1 9 9 0 0 3 0 7 4 5 1: 21+18+0+5+0+8+2+9+54+0+0+27+0+35+32+20+2 = 233
    // 233 mod 11 = 2 → 'X'; 17th digit 1 is odd → male
    expect(parseResidentId('32010219900307451X', { now: NOW })).toEqual({
      ok: true,
      value: '32010219900307451X',
      regionCode: '320102',
      birthDate: '1990-03-07',
      gender: 'M',
    });
  });

  it('takes apart a Suzhou number of a woman', () => {
    expect(parseResidentId('320508198512240024', { now: NOW })).toEqual({
      ok: true,
      value: '320508198512240024',
      regionCode: '320508',
      birthDate: '1985-12-24',
      gender: 'F',
    });
  });

  it('accepts a lower-case x and normalises it', () => {
    const result = parseResidentId('32010219900307451x', { now: NOW });
    expect(result).toMatchObject({ ok: true, value: '32010219900307451X' });
  });

  it('accepts 29 February of a leap year, including 2000', () => {
    const first17 = '32010220000229003';
    expect(parseResidentId(first17 + residentIdCheckChar(first17), { now: NOW })).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
      gender: 'M',
    });
  });

  it.each([
    ['', 'must be 18 characters, got 0'],
    ['3201021990030745', 'must be 18 characters, got 16'],
    ['32010219900307451', 'must be 18 characters, got 17'],
    ['32010219900307451X0', 'must be 18 characters, got 19'],
    ['3201021990030745-X', "character 17 must be a digit, got '-'"],
    ['32010 19900307451X', 'character 6 must be a digit, got " "'],
    ['A2010219900307451X', "character 1 must be a digit, got 'A'"],
    ['320102199003074510'.slice(0, 17) + 'Y', "character 18 (the check character) must be a digit or 'X', got 'Y'"],
    ['99010219900307451X', 'region code 990102 starts with 99, which is not a province code'],
    ['00000019900307451X', 'region code 000000 starts with 00, which is not a province code'],
  ])('rejects %j: %s', (value, reason) => {
    expect(parseResidentId(value, { now: NOW })).toEqual({ ok: false, reason });
  });

  it.each([
    ['19990231', 'birth date 19990231 is not a real date'],
    ['19990229', 'birth date 19990229 is not a real date'],
    ['19000229', 'birth date 19000229 is not a real date'],
    ['19991301', 'birth date 19991301 is not a real date'],
    ['19990000', 'birth date 19990000 is not a real date'],
    ['19990431', 'birth date 19990431 is not a real date'],
    ['18991231', 'birth date 18991231 is before 1900'],
    ['20260701', 'birth date 20260701 is in the future (today is 20260630)'],
    ['21000101', 'birth date 21000101 is in the future (today is 20260630)'],
  ])('rejects birth date %s even with a correct check character', (date, reason) => {
    const first17 = `320102${date}451`;
    expect(parseResidentId(first17 + residentIdCheckChar(first17), { now: NOW })).toEqual({ ok: false, reason });
  });

  it('accepts a person born on 1900-01-01 and one born today', () => {
    for (const date of ['19000101', '20260630']) {
      const first17 = `320102${date}452`;
      expect(parseResidentId(first17 + residentIdCheckChar(first17), { now: NOW })).toMatchObject({ ok: true });
    }
  });

  it('judges "today" in China time', () => {
    const first17 = '32010220260701452';
    const value = first17 + residentIdCheckChar(first17);
    // 2026-06-30T16:30Z is already 2026-07-01 00:30 in China
    expect(parseResidentId(value, { now: new Date('2026-06-30T16:30:00Z') })).toMatchObject({ ok: true });
    expect(parseResidentId(value, { now: new Date('2026-06-30T15:30:00Z') })).toMatchObject({ ok: false });
  });

  it('uses the current date by default', () => {
    const first17 = '32010229990101452';
    expect(parseResidentId(first17 + residentIdCheckChar(first17))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^birth date 29990101 is in the future \(today is 20\d{6}\)$/),
    });
  });

  it.each([
    ['320102199003074515', "check character should be 'X', got '5'"],
    ['11010519491231002x'.slice(0, 17) + '0', "check character should be 'X', got '0'"],
    ['320508198512240025', "check character should be '4', got '5'"],
    ['32050819851224002X', "check character should be '4', got 'X'"],
    ['32050819851224002x', "check character should be '4', got 'x'"],
  ])('rejects %s: %s', (value, reason) => {
    expect(parseResidentId(value, { now: NOW })).toEqual({ ok: false, reason });
  });

  it('reports a non-string value from untyped callers', () => {
    expect(parseResidentId(320102199003074 as unknown as string)).toEqual({ ok: false, reason: 'must be a string, got number' });
    expect(parseResidentId(null as unknown as string)).toEqual({ ok: false, reason: 'must be a string, got null' });
  });

  it('accepts random valid numbers and rejects each with any one character changed', () => {
    const random = seededRandom(11643);
    const provinces = ['11', '31', '32', '33', '44', '51', '65', '81'];
    const digits = '0123456789';
    let corrupted = 0;
    for (let n = 0; n < 2000; n += 1) {
      const region = `${provinces[Math.floor(random() * provinces.length)]}${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
      const day = new Date(Date.UTC(1900, 0, 1) + Math.floor(random() * 46000) * 86400000).toISOString().slice(0, 10);
      const sequence = String(Math.floor(random() * 1000)).padStart(3, '0');
      const first17 = `${region}${day.replaceAll('-', '')}${sequence}`;
      const value = first17 + residentIdCheckChar(first17);
      const parsed = parseResidentId(value, { now: NOW });
      expect(parsed).toEqual({
        ok: true,
        value,
        regionCode: region,
        birthDate: day,
        gender: Number(sequence.charAt(2)) % 2 === 1 ? 'M' : 'F',
      });

      const position = Math.floor(random() * 18);
      const alphabet = position === 17 ? `${digits}X` : digits;
      const original = value.charAt(position);
      const candidates = [...alphabet].filter((char) => char !== original);
      const replacement = candidates[Math.floor(random() * candidates.length)] as string;
      const broken = value.slice(0, position) + replacement + value.slice(position + 1);
      const result = parseResidentId(broken, { now: NOW });
      if (result.ok) throw new Error(`seed 11643 iteration ${n}: ${broken} (from ${value}) was accepted`);
      expect(result.reason).toMatch(/^(check character should be|birth date|region code)/);
      corrupted += 1;
    }
    expect(corrupted).toBe(2000);
  });
});
