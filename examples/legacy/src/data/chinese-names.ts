/**
 * Surnames with rough relative frequencies (the national ranking, with the
 * surnames frequent in Jiangsu — 陆, 顾, 沈, 钱 — lifted a little) and
 * given-name characters, so that generated names look like a real population
 * register. All characters are in GBK: the service catalog is exported as
 * GBK CSV and names travel through it.
 * @internal
 */

/** `[surname, weight]`; compound surnames take a one-character given name so names stay 2–3 characters. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 74], ['李', 72], ['张', 70], ['刘', 53], ['陈', 48], ['杨', 34], ['黄', 24], ['赵', 22], ['吴', 22],
  ['周', 21], ['徐', 19], ['孙', 16], ['马', 15], ['朱', 15], ['胡', 14], ['郭', 13], ['何', 12], ['林', 11],
  ['高', 11], ['罗', 10], ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 8], ['唐', 8], ['许', 8], ['韩', 7],
  ['冯', 7], ['邓', 7], ['曹', 7], ['彭', 6], ['曾', 6], ['肖', 6], ['田', 6], ['董', 6], ['潘', 5], ['袁', 5],
  ['蔡', 5], ['蒋', 5], ['余', 5], ['于', 5], ['杜', 5], ['叶', 5], ['程', 5], ['魏', 4], ['苏', 4], ['吕', 4],
  ['丁', 4], ['任', 4], ['沈', 6], ['姚', 4], ['卢', 4], ['钟', 3], ['姜', 3], ['崔', 3], ['谭', 3], ['陆', 6],
  ['范', 3], ['汪', 3], ['石', 3], ['金', 3], ['贾', 3], ['夏', 3], ['方', 3], ['邹', 2], ['熊', 2], ['白', 2],
  ['孟', 2], ['秦', 2], ['侯', 2], ['薛', 2], ['顾', 5], ['钱', 4], ['戴', 2], ['严', 2], ['陶', 2], ['缪', 1],
  ['欧阳', 1], ['司马', 0.3], ['诸葛', 0.2], ['上官', 0.2],
];

/** Given-name characters used mostly for men. */
export const MALE_GIVEN_CHARS: readonly string[] = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波',
  '宇', '浩', '凯', '健', '俊', '帆', '帅', '旭', '宁', '龙', '林', '建', '国', '志', '文', '海', '东', '亮',
  '成', '晨', '峰', '博', '轩', '睿', '子', '豪', '昊', '天', '泽', '锋', '毅', '德', '荣', '庆', '春',
];

/** Given-name characters used mostly for women. */
export const FEMALE_GIVEN_CHARS: readonly string[] = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '慧', '颖', '琳', '洁', '倩', '晶',
  '莉', '红', '梅', '兰', '萍', '玉', '佳', '欣', '怡', '雨', '思', '梦', '月', '秀', '英', '华', '桂', '凤',
  '萱', '涵', '诗', '琪', '悦', '瑶', '妍', '晓', '雅', '彤', '蕾', '薇', '茜', '蓉',
];

/** Characters used for either. */
export const NEUTRAL_GIVEN_CHARS: readonly string[] = [
  '小', '晓', '文', '子', '一', '嘉', '家', '新', '永', '春', '秋', '清', '云', '安', '宏', '亚', '金', '立',
];

const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(SURNAMES.map(([surname]) => surname).filter((surname) => surname.length > 1));

/** The surname part of a generated name (`欧阳` of `欧阳娜`, `王` of `王小明`). */
export function surnameOf(name: string): string {
  return COMPOUND_SURNAMES.has(name.slice(0, 2)) ? name.slice(0, 2) : name.slice(0, 1);
}
