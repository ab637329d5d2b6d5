import 'reflect-metadata';
/**
 * `InsuranceType`: the five insurances (五险), the system's lower-case codes
 * as a GraphQL enum.
 */
import { registerEnumType } from 'type-graphql';

/** The five insurances, in the system's order. */
export enum InsuranceType {
  /** 养老保险 */
  PENSION = 'PENSION',
  /** 医疗保险 */
  MEDICAL = 'MEDICAL',
  /** 失业保险 */
  UNEMPLOYMENT = 'UNEMPLOYMENT',
  /** 工伤保险 */
  WORK_INJURY = 'WORK_INJURY',
  /** 生育保险 */
  MATERNITY = 'MATERNITY',
}

registerEnumType(InsuranceType, {
  name: 'InsuranceType',
  description: 'One of the five insurances (五险).',
  valuesConfig: {
    PENSION: { description: '养老保险' },
    MEDICAL: { description: '医疗保险' },
    UNEMPLOYMENT: { description: '失业保险' },
    WORK_INJURY: { description: '工伤保险' },
    MATERNITY: { description: '生育保险' },
  },
});
