import { buildServiceIndex } from '../service-index';
import type { Service } from '../service.type';

function service(code: string, name: string, department: string): Service {
  return { code, name, department, kind: '行政许可', onlineDepth: 3, promisedDays: 5, legalDays: 20 };
}

const RECORDS: Service[] = [
  service('320200-XK-0001', '食品经营许可（新办）', '无锡市市场监督管理局'),
  service('320100-XK-0002', '食品经营许可（变更）', '南京市市场监督管理局'),
  service('320100-GG-0001', 'ETC 通行卡办理', '南京市交通运输局'),
  service('320100-XK-0001', '食品经营许可（新办）', '南京市市场监督管理局'),
  service('320000-XK-0001', '药品经营许可证核发𠀀', '江苏省药品监督管理局'),
];

const codes = (items: readonly Service[]) => items.map((item) => item.code);

describe('buildServiceIndex', () => {
  const index = buildServiceIndex(RECORDS);

  it('finds services by code in O(1), and many codes at once without repeats', () => {
    expect(index.size).toBe(5);
    expect(index.byCode('320100-XK-0002')).toBe(RECORDS[1]);
    expect(index.byCode('320100-XK-9999')).toBeUndefined();
    expect(codes(index.byCodes(['320200-XK-0001', 'NONE', '320200-XK-0001', '320100-GG-0001']))).toEqual(['320200-XK-0001', '320100-GG-0001']);
  });

  it('lists a department in code order, paged, with the total', () => {
    expect(index.byDepartment('南京市市场监督管理局', 0, 10)).toEqual({ items: [RECORDS[3], RECORDS[1]], total: 2 });
    expect(index.byDepartment('南京市市场监督管理局', 1, 10)).toEqual({ items: [RECORDS[1]], total: 2 });
    expect(index.byDepartment('不存在的部门', 0, 10)).toEqual({ items: [], total: 0 });
  });

  it('lists departments sorted and unique', () => {
    expect(index.departments()).toEqual(['南京市交通运输局', '南京市市场监督管理局', '无锡市市场监督管理局', '江苏省药品监督管理局']);
  });

  it.each([
    ['经营许可', ['320000-XK-0001', '320100-XK-0001', '320100-XK-0002', '320200-XK-0001']],
    ['新办', ['320100-XK-0001', '320200-XK-0001']],
    ['许', ['320000-XK-0001', '320100-XK-0001', '320100-XK-0002', '320200-XK-0001']],
    ['（变更）', ['320100-XK-0002']],
    ['xk-0001', ['320000-XK-0001', '320100-XK-0001', '320200-XK-0001']],
    ['ＸＫ－０００２', ['320100-XK-0002']],
    ['etc', ['320100-GG-0001']],
    ['c 通', ['320100-GG-0001']],
    ['320100', ['320100-GG-0001', '320100-XK-0001', '320100-XK-0002']],
    ['0', ['320000-XK-0001', '320100-GG-0001', '320100-XK-0001', '320100-XK-0002', '320200-XK-0001']],
    ['证核发𠀀', ['320000-XK-0001']],
    ['𠀀', ['320000-XK-0001']],
    ['许可证核发药', []],
    ['经营许可变更', []],
    ['食品经营许可（新办）X', []],
    ['1食', []],
  ])('searches %j in code and name, in code order', (text, expected) => {
    const result = index.search(text, 0, 100);
    expect(codes(result.items)).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });

  it('does not match across the code and the name', () => {
    expect(index.search('0001食品', 0, 10).total).toBe(0);
  });

  it('pages search results and keeps the total', () => {
    expect(index.search('许可', 1, 2)).toEqual({ items: [RECORDS[3], RECORDS[1]], total: 4 });
  });

  it('keeps the first of two records with the same code', () => {
    const first = service('320100-XK-0001', '甲', '南京市市场监督管理局');
    const second = service('320100-XK-0001', '乙', '南京市民政局');
    const dup = buildServiceIndex([first, second]);
    expect(dup.size).toBe(1);
    expect(dup.byCode('320100-XK-0001')).toBe(first);
    expect(dup.departments()).toEqual(['南京市市场监督管理局']);
    expect(dup.search('乙', 0, 10).total).toBe(0);
  });

  it('answers an empty catalog', () => {
    const empty = buildServiceIndex([]);
    expect(empty.search('许可', 0, 10)).toEqual({ items: [], total: 0 });
    expect(empty.departments()).toEqual([]);
  });
});
