import 'reflect-metadata';
import { CreditCodeScalar, Grade } from '@govgraph/sdk';
import { Directive, Field, ObjectType } from 'type-graphql';
import { EnterpriseStatus } from './enterprise-status';

/**
 * A legal person (法人) of the legal-person registry, keyed by its unified
 * social credit code, the key the licences and cases subgraphs extend
 * Enterprise by. `legalRepresentative` is resolved by `EnterpriseResolver`
 * from the population registry, batched.
 */
@ObjectType({ description: 'A legal person, from the legal-person registry (法人库).' })
@Directive('@key(fields: "creditCode")')
export class Enterprise {
  @Field(() => CreditCodeScalar, { description: 'Unified social credit code (GB 32100).' })
  @Grade('L1')
  creditCode!: string;

  @Field({ description: 'Registered name.' })
  @Grade('L1')
  name!: string;

  /** e.g. `有限责任公司`, `个体工商户`. */
  @Field({ description: 'Kind of legal person, as registered (e.g. 有限责任公司, 个体工商户).' })
  @Grade('L1')
  kind!: string;

  @Field({ description: 'Registered address.' })
  @Grade('L1')
  address!: string;

  @Field(() => EnterpriseStatus)
  @Grade('L1')
  status!: EnterpriseStatus;

  /** `YYYY-MM-DD` */
  @Field({ description: 'Date of establishment, YYYY-MM-DD.' })
  @Grade('L1')
  establishedOn!: string;

  /** Not a GraphQL field: the key of `legalRepresentative` in the population registry, verified (GB 11643). */
  legalRepresentativeIdNumber!: string;
}
