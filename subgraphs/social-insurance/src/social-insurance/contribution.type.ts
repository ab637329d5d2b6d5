import 'reflect-metadata';
/**
 * `Contribution`: one month's payment to one insurance (缴费记录). Amounts
 * are yuan with two decimals as text, converted exactly from the system's fen.
 */
import { Field, ObjectType } from 'type-graphql';
import { InsuranceType } from './insurance-type';

/** One month's contribution to one insurance type. */
@ObjectType({ description: "One month's contribution to one insurance (缴费记录)." })
export class Contribution {
  @Field({ description: 'YYYY-MM.' })
  month!: string;

  @Field(() => InsuranceType)
  insuranceType!: InsuranceType;

  @Field({ description: 'Contribution base (缴费基数) in yuan, two decimals, e.g. "8000.00".' })
  baseAmount!: string;

  @Field({ description: "The person's share (个人缴纳) in yuan, two decimals." })
  personalAmount!: string;

  @Field({ description: "The employer's share (单位缴纳) in yuan, two decimals; \"0.00\" for flexible employment." })
  employerAmount!: string;

  @Field({ description: 'The paying unit: an enterprise, or 灵活就业 (flexible employment, self-paid).' })
  payingUnit!: string;
}
