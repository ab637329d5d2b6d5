/**
 * Departments that handle service items and issue licences, named the way
 * Jiangsu names them: a city-level name is prefixed with the city
 * (`南京市` + `市场监督管理局`), a province-level name is complete
 * (`江苏省市场监督管理局`). `null` means the department has no office at
 * that level.
 * @internal
 */

/** One department at city and province level. */
export interface Department {
  /** Suffix after the city name, e.g. `市场监督管理局`. */
  readonly city: string | null;
  /** Full province-level name, e.g. `江苏省市场监督管理局`. */
  readonly province: string | null;
}

/** The departments of the simulated province, by key. */
export const DEPARTMENTS = {
  market: { city: '市场监督管理局', province: '江苏省市场监督管理局' },
  drugs: { city: '市场监督管理局', province: '江苏省药品监督管理局' },
  police: { city: '公安局', province: '江苏省公安厅' },
  trafficPolice: { city: '公安局交通警察支队', province: '江苏省公安厅交通警察总队' },
  civilAffairs: { city: '民政局', province: '江苏省民政厅' },
  naturalResources: { city: '自然资源和规划局', province: '江苏省自然资源厅' },
  housingFund: { city: '住房公积金管理中心', province: null },
  humanResources: { city: '人力资源和社会保障局', province: '江苏省人力资源和社会保障厅' },
  health: { city: '卫生健康委员会', province: '江苏省卫生健康委员会' },
  construction: { city: '住房和城乡建设局', province: '江苏省住房和城乡建设厅' },
  transport: { city: '交通运输局', province: '江苏省交通运输厅' },
  ecology: { city: '生态环境局', province: '江苏省生态环境厅' },
  emergency: { city: '应急管理局', province: '江苏省应急管理厅' },
  education: { city: '教育局', province: '江苏省教育厅' },
  culture: { city: '文化广电和旅游局', province: '江苏省文化和旅游厅' },
  press: { city: '新闻出版局', province: '江苏省新闻出版局' },
  water: { city: '水务局', province: '江苏省水利厅' },
  medicalSecurity: { city: '医疗保障局', province: '江苏省医疗保障局' },
  veterans: { city: '退役军人事务局', province: '江苏省退役军人事务厅' },
  disabledPersons: { city: '残疾人联合会', province: '江苏省残疾人联合会' },
  justice: { city: '司法局', province: '江苏省司法厅' },
  tobacco: { city: '烟草专卖局', province: '江苏省烟草专卖局' },
  fireRescue: { city: '消防救援支队', province: '江苏省消防救援总队' },
  language: { city: null, province: '江苏省语言文字工作委员会' },
  immigration: { city: null, province: '国家移民管理局' },
} as const satisfies Record<string, Department>;

/** A key of {@link DEPARTMENTS}. */
export type DepartmentKey = keyof typeof DEPARTMENTS;
