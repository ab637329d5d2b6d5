import 'reflect-metadata';
/**
 * `InsuredStatus`: the state of a person's social-insurance account (参保状态),
 * the system's lower-case codes as a GraphQL enum.
 */
import { registerEnumType } from 'type-graphql';

/** Account states: the GraphQL values are the system's codes upper-cased. */
export enum InsuredStatus {
  /** 正常参保: contributing. */
  INSURED = 'INSURED',
  /** 中断缴费: stopped paying, may resume. */
  SUSPENDED = 'SUSPENDED',
  /** 终止参保: retired or moved away. */
  TERMINATED = 'TERMINATED',
  /** Registered, never paid. */
  NEVER = 'NEVER',
}

registerEnumType(InsuredStatus, {
  name: 'InsuredStatus',
  description: 'State of a social-insurance account (参保状态).',
  valuesConfig: {
    INSURED: { description: '正常参保: contributing.' },
    SUSPENDED: { description: '中断缴费: stopped paying, may resume.' },
    TERMINATED: { description: '终止参保: retired or moved away.' },
    NEVER: { description: 'Registered, never paid.' },
  },
});
