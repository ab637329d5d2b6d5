/**
 * Real administrative divisions of Jiangsu province (GB/T 2260 codes as in
 * use since the 2020 Nantong reorganisation), a few districts and
 * county-level cities for each of the 13 prefecture-level cities. The region
 * codes end up inside resident ID numbers and credit codes, so they are the
 * real ones rather than invented.
 * @internal
 */

/** A district or county-level division. */
export interface District {
  readonly code: string;
  readonly name: string;
}

/** A prefecture-level city of Jiangsu. */
export interface City {
  /** e.g. `南京市` */
  readonly name: string;
  /** e.g. `南京`: used in enterprise names. */
  readonly shortName: string;
  /** City-level region code, e.g. `320100`: used in service item codes. */
  readonly code: string;
  /** Two letters in front of the city's case numbers, e.g. `NJ2025030400123`. */
  readonly casePrefix: string;
  /** Resident population in millions (2020 census, rounded): weights where people live. */
  readonly population: number;
  readonly districts: readonly District[];
}

/** The province itself, for province-level services and licence issuers. */
export const JIANGSU = Object.freeze({ name: '江苏省', shortName: '江苏', code: '320000', casePrefix: 'JS' });

/** The 13 cities of Jiangsu with some of their districts. */
export const JIANGSU_CITIES: readonly City[] = [
  {
    name: '南京市', shortName: '南京', code: '320100', casePrefix: 'NJ', population: 9.3,
    districts: [
      { code: '320102', name: '玄武区' }, { code: '320104', name: '秦淮区' }, { code: '320105', name: '建邺区' },
      { code: '320106', name: '鼓楼区' }, { code: '320111', name: '浦口区' }, { code: '320113', name: '栖霞区' },
      { code: '320114', name: '雨花台区' }, { code: '320115', name: '江宁区' }, { code: '320116', name: '六合区' },
      { code: '320117', name: '溧水区' }, { code: '320118', name: '高淳区' },
    ],
  },
  {
    name: '无锡市', shortName: '无锡', code: '320200', casePrefix: 'WX', population: 7.5,
    districts: [
      { code: '320205', name: '锡山区' }, { code: '320206', name: '惠山区' }, { code: '320211', name: '滨湖区' },
      { code: '320213', name: '梁溪区' }, { code: '320214', name: '新吴区' }, { code: '320281', name: '江阴市' },
      { code: '320282', name: '宜兴市' },
    ],
  },
  {
    name: '徐州市', shortName: '徐州', code: '320300', casePrefix: 'XZ', population: 9.1,
    districts: [
      { code: '320302', name: '鼓楼区' }, { code: '320303', name: '云龙区' }, { code: '320311', name: '泉山区' },
      { code: '320312', name: '铜山区' }, { code: '320322', name: '沛县' }, { code: '320382', name: '邳州市' },
    ],
  },
  {
    name: '常州市', shortName: '常州', code: '320400', casePrefix: 'CZ', population: 5.3,
    districts: [
      { code: '320402', name: '天宁区' }, { code: '320404', name: '钟楼区' }, { code: '320411', name: '新北区' },
      { code: '320412', name: '武进区' }, { code: '320413', name: '金坛区' }, { code: '320481', name: '溧阳市' },
    ],
  },
  {
    name: '苏州市', shortName: '苏州', code: '320500', casePrefix: 'SZ', population: 12.7,
    districts: [
      { code: '320505', name: '虎丘区' }, { code: '320506', name: '吴中区' }, { code: '320507', name: '相城区' },
      { code: '320508', name: '姑苏区' }, { code: '320509', name: '吴江区' }, { code: '320581', name: '常熟市' },
      { code: '320582', name: '张家港市' }, { code: '320583', name: '昆山市' }, { code: '320585', name: '太仓市' },
    ],
  },
  {
    name: '南通市', shortName: '南通', code: '320600', casePrefix: 'NT', population: 7.7,
    districts: [
      { code: '320612', name: '通州区' }, { code: '320613', name: '崇川区' }, { code: '320614', name: '海门区' },
      { code: '320681', name: '启东市' }, { code: '320682', name: '如皋市' }, { code: '320685', name: '海安市' },
    ],
  },
  {
    name: '连云港市', shortName: '连云港', code: '320700', casePrefix: 'LY', population: 4.6,
    districts: [
      { code: '320703', name: '连云区' }, { code: '320706', name: '海州区' }, { code: '320707', name: '赣榆区' },
      { code: '320722', name: '东海县' },
    ],
  },
  {
    name: '淮安市', shortName: '淮安', code: '320800', casePrefix: 'HA', population: 4.6,
    districts: [
      { code: '320803', name: '淮安区' }, { code: '320804', name: '淮阴区' }, { code: '320812', name: '清江浦区' },
      { code: '320813', name: '洪泽区' }, { code: '320830', name: '盱眙县' },
    ],
  },
  {
    name: '盐城市', shortName: '盐城', code: '320900', casePrefix: 'YC', population: 6.7,
    districts: [
      { code: '320902', name: '亭湖区' }, { code: '320903', name: '盐都区' }, { code: '320904', name: '大丰区' },
      { code: '320924', name: '射阳县' }, { code: '320981', name: '东台市' },
    ],
  },
  {
    name: '扬州市', shortName: '扬州', code: '321000', casePrefix: 'YZ', population: 4.6,
    districts: [
      { code: '321002', name: '广陵区' }, { code: '321003', name: '邗江区' }, { code: '321012', name: '江都区' },
      { code: '321081', name: '仪征市' }, { code: '321084', name: '高邮市' },
    ],
  },
  {
    name: '镇江市', shortName: '镇江', code: '321100', casePrefix: 'ZJ', population: 3.2,
    districts: [
      { code: '321102', name: '京口区' }, { code: '321111', name: '润州区' }, { code: '321112', name: '丹徒区' },
      { code: '321181', name: '丹阳市' }, { code: '321183', name: '句容市' },
    ],
  },
  {
    name: '泰州市', shortName: '泰州', code: '321200', casePrefix: 'TZ', population: 4.5,
    districts: [
      { code: '321202', name: '海陵区' }, { code: '321203', name: '高港区' }, { code: '321204', name: '姜堰区' },
      { code: '321281', name: '兴化市' }, { code: '321282', name: '靖江市' },
    ],
  },
  {
    name: '宿迁市', shortName: '宿迁', code: '321300', casePrefix: 'SQ', population: 5.0,
    districts: [
      { code: '321302', name: '宿城区' }, { code: '321311', name: '宿豫区' }, { code: '321322', name: '沭阳县' },
      { code: '321324', name: '泗洪县' },
    ],
  },
];

/**
 * Districts outside Jiangsu where some residents were born (their ID numbers
 * carry these region codes while they live in Jiangsu).
 */
export const OTHER_BIRTH_REGIONS: readonly District[] = [
  { code: '340102', name: '合肥市瑶海区' },
  { code: '341202', name: '阜阳市颍州区' },
  { code: '370102', name: '济南市历下区' },
  { code: '410102', name: '郑州市中原区' },
  { code: '330106', name: '杭州市西湖区' },
  { code: '310101', name: '上海市黄浦区' },
  { code: '510104', name: '成都市锦江区' },
  { code: '420102', name: '武汉市江岸区' },
  { code: '360102', name: '南昌市东湖区' },
  { code: '130102', name: '石家庄市长安区' },
];

/** Common road-name stems; an address combines one with a direction and `路`/`街`/`大道`. */
export const ROAD_STEMS: readonly string[] = [
  '中山', '人民', '解放', '建设', '新华', '和平', '长江', '黄河', '北京', '上海', '淮海', '青年', '文化', '学府',
  '健康', '花园', '滨江', '太湖', '运河', '幸福', '友谊', '光明', '东风', '胜利', '团结', '振兴', '工业', '科技',
  '龙江', '珠江', '汉中', '广州', '湖滨', '金山', '凤凰', '白鹭', '梧桐', '紫金', '石城', '通江',
];

/** Directions inserted between stem and suffix (`中山北路`); the empty string for none. */
export const ROAD_DIRECTIONS: readonly string[] = ['', '', '', '东', '西', '南', '北'];

/** Road suffixes. */
export const ROAD_SUFFIXES: readonly string[] = ['路', '路', '路', '街', '大道'];
