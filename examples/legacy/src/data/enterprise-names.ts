/**
 * Parts of enterprise names, following the Chinese naming rule
 * `行政区划 + 字号 + 行业 + 组织形式` (e.g. `南京` `恒信` `科技` `有限公司`),
 * and the mix of registration kinds in a Jiangsu legal-person registry.
 * @internal
 */

/** Trade names (字号). */
export const TRADE_NAMES: readonly string[] = [
  '恒信', '华瑞', '鼎盛', '金陵', '苏宁', '宏达', '永盛', '天成', '瑞丰', '嘉禾', '润泽', '协鑫', '中天', '远航',
  '博达', '新源', '汇通', '恒力', '盛世', '锦程', '启航', '同创', '智联', '聚力', '正和', '安泰', '立信', '德润',
  '海澜', '星河', '云帆', '东升', '宝丰', '隆兴', '万通', '兴业', '信达', '和谐', '长青', '明珠', '世纪', '鸿运',
  '华夏', '太湖', '紫金', '运河', '江海', '天宇', '众诚', '广源', '康宁', '益民', '惠民', '创新', '卓越', '凯旋',
];

/** Industry words of companies, with the weight of each. */
export const COMPANY_INDUSTRIES: readonly (readonly [string, number])[] = [
  ['科技', 10], ['信息技术', 5], ['网络科技', 4], ['贸易', 6], ['商贸', 5], ['建设工程', 4], ['建筑工程', 3],
  ['机械制造', 3], ['电子', 3], ['新材料', 2], ['环保科技', 2], ['物流', 3], ['餐饮管理', 4], ['食品', 3],
  ['医药', 2], ['医疗器械', 1], ['教育咨询', 2], ['文化传媒', 3], ['广告', 2], ['房地产开发', 1], ['物业管理', 2],
  ['装饰工程', 3], ['汽车服务', 2], ['纺织', 2], ['化工', 1], ['人力资源', 1], ['旅行社', 1], ['企业管理咨询', 2],
];

/** Shop kinds of individual businesses (个体工商户). */
export const SHOP_KINDS: readonly string[] = [
  '面馆', '小吃店', '便利店', '超市', '水果店', '理发店', '五金店', '服装店', '烟酒店', '早餐店', '烧烤店',
  '汽车修理部', '家电维修部', '日用品店', '茶叶店', '花店', '药店', '干洗店', '快餐店', '土菜馆',
];

/** Products of farmers' co-operatives (农民专业合作社). */
export const COOPERATIVE_PRODUCTS: readonly string[] = [
  '水稻种植', '蔬菜种植', '葡萄种植', '草莓种植', '蓝莓种植', '茶叶种植', '水产养殖', '螃蟹养殖', '生猪养殖',
  '家禽养殖', '苗木种植', '农机服务', '桃树种植', '食用菌种植',
];

/** Industries of partnerships (合伙企业). */
export const PARTNERSHIP_INDUSTRIES: readonly string[] = ['投资管理', '创业投资', '企业管理咨询', '股权投资'];

/**
 * Registration kinds: the kind string of the record, the credit-code
 * organisation type (character 2: `1` enterprise, `2` individual business,
 * `3` farmers' co-operative) and the relative frequency.
 */
export const ENTERPRISE_KINDS: readonly (readonly [kind: string, organisationType: '1' | '2' | '3', weight: number])[] = [
  ['有限责任公司', '1', 60],
  ['股份有限公司', '1', 4],
  ['个人独资企业', '1', 3],
  ['合伙企业', '1', 3],
  ['个体工商户', '2', 24],
  ['农民专业合作社', '3', 6],
];
