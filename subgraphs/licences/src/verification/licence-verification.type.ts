import { Grade } from '@govgraph/sdk';
import { Field, ObjectType } from 'type-graphql';
import { Licence } from '../licence/licence.type';
import { VerificationResult } from './verification-result.enum';

/**
 * The outcome of checking a licence (证照核验), as a counter clerk or another
 * department's system needs it: a result, a reason a person can read, the
 * licence itself, and the day the check was made.
 */
@ObjectType('LicenceVerification', { description: 'The outcome of checking a licence (证照核验).' })
export class LicenceVerification {
  /** The number that was checked, as given. */
  @Field({ description: 'The licence number that was checked.' })
  @Grade('L2')
  number!: string;

  @Field(() => VerificationResult)
  @Grade('L2')
  result!: VerificationResult;

  /** Why, in Chinese: the revocation reason, the expiry date, … */
  @Field({ description: 'Why, in words: the revocation reason, the expiry date, …' })
  @Grade('L2')
  reason!: string;

  /** The licence, `null` when not found. */
  @Field(() => Licence, { nullable: true, description: 'The licence; null when not found.' })
  @Grade('L2')
  licence!: Licence | null;

  /** The check date, `YYYY-MM-DD` in China Standard Time. */
  @Field({ description: 'The date of the check, YYYY-MM-DD (Asia/Shanghai).' })
  @Grade('L2')
  checkedOn!: string;
}
