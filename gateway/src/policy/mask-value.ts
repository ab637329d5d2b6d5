/**
 * The four masking rules of issue 4, applied to one string value. Characters
 * are counted as Unicode code points, so a name in Chinese masks per character.
 */
import type { MaskRule } from '../stores/mask-rule';

/**
 * Chinese compound surnames (复姓) kept whole by the `name` rule, so
 * `欧阳娜娜` masks as `欧阳**` rather than `欧***`.
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯',
  '轩辕', '端木', '独孤', '南宫', '西门', '澹台', '公冶', '宗政', '濮阳', '淳于', '单于', '太叔', '申屠', '仲孙',
  '钟离', '闻人', '赫连', '呼延', '万俟', '百里', '东郭', '拓跋', '司空', '呼延', '左丘', '第五', '微生', '羊舌',
]);

/** What the address rule puts after the part it keeps. */
const ADDRESS_TAIL = '****';

/** Masks `value` by `rule`. */
export function maskValue(rule: MaskRule, value: string): string {
  switch (rule) {
    case 'resident-id':
    case 'phone':
      return keepEnds(value, 3, 4);
    case 'name':
      return maskName(value);
    case 'address':
      return maskAddress(value);
  }
}

/** First `head` and last `tail` characters, `*` for each one between; all `*` when too short to hide anything. */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** The surname (one character, or a compound surname), then `*` per remaining character (spaces kept). */
function maskName(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 1) return chars.length === 1 ? '*' : '';
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.slice(0, keep).join('') + chars.slice(keep).map((c) => (/\s/.test(c) ? c : '*')).join('');
}

/**
 * Keeps the address through the first `区`, `县` or `市` after the city (the
 * district or county-level unit), then `****`: `江苏省南京市玄武区中山路1号` →
 * `江苏省南京市玄武区****`, `北京市朝阳区…` → `北京市朝阳区****`. The city ends at
 * the first `市` (else at `自治州`, `地区` or `盟`). Without a recognisable
 * district, the city is kept; with neither, nothing.
 */
function maskAddress(value: string): string {
  const chars = Array.from(value);
  const text = chars.join('');
  let cityEnd = indexAfter(text, ['市']);
  if (cityEnd < 0) cityEnd = indexAfter(text, ['自治州', '地区', '盟']);
  const districtFrom = cityEnd < 0 ? 0 : cityEnd;
  const rest = chars.slice(districtFrom);
  const districtAt = rest.findIndex((c) => c === '区' || c === '县' || c === '市');
  if (districtAt >= 0) return chars.slice(0, districtFrom + districtAt + 1).join('') + ADDRESS_TAIL;
  if (cityEnd >= 0) return chars.slice(0, cityEnd).join('') + ADDRESS_TAIL;
  return ADDRESS_TAIL;
}

/** Code-point index just after the earliest of `markers` in `text`, or -1. */
function indexAfter(text: string, markers: readonly string[]): number {
  let start = -1;
  let end = -1;
  for (const marker of markers) {
    const at = text.indexOf(marker);
    if (at >= 0 && (start < 0 || at < start)) {
      start = at;
      end = at + marker.length;
    }
  }
  return end < 0 ? -1 : Array.from(text.slice(0, end)).length;
}
