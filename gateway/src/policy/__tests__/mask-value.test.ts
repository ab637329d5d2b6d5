import { maskValue } from '../mask-value';

describe('maskValue', () => {
  it.each([
    ['resident-id', '320102199001011234', '320***********1234'],
    ['resident-id', '11010519491231002X', '110***********002X'],
    ['phone', '13812345678', '138****5678'],
    ['phone', '12345', '*****'],
    ['name', '张三', '张*'],
    ['name', '王小明', '王**'],
    ['name', '欧阳娜娜', '欧阳**'],
    ['name', '诸葛亮', '诸葛*'],
    ['name', 'Zhang San', 'Z**** ***'],
    ['address', '江苏省南京市玄武区中山路1号', '江苏省南京市玄武区****'],
    ['address', '北京市朝阳区建国路88号', '北京市朝阳区****'],
    ['address', '江苏省苏州市昆山市前进西路1号', '江苏省苏州市昆山市****'],
    ['address', '江苏省南京市江宁区秣陵街道', '江苏省南京市江宁区****'],
    ['address', '浙江省杭州市西湖大道1号', '浙江省杭州市****'],
    ['address', '湖南省湘西土家族苗族自治州吉首市人民路', '湖南省湘西土家族苗族自治州吉首市****'],
    ['address', 'somewhere', '****'],
  ] as const)('%s masks %s as %s', (rule, value, expected) => {
    expect(maskValue(rule, value)).toBe(expected);
  });

  it('is idempotent, so a value selected twice is masked the same', () => {
    for (const [rule, value] of [['phone', '13812345678'], ['name', '欧阳娜娜'], ['address', '北京市朝阳区建国路88号']] as const) {
      expect(maskValue(rule, maskValue(rule, value))).toBe(maskValue(rule, value));
    }
  });
});
