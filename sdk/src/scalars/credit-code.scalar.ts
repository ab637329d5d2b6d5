import { parseCreditCode } from '../identifiers';
import { createIdentifierScalar } from './identifier-scalar';

/**
 * `CreditCode`: an 18-character unified social credit code (统一社会信用代码,
 * GB 32100-2015) of a legal person, checked for alphabet, structure, the
 * embedded organisation code and the check character.
 */
export const CreditCodeScalar = createIdentifierScalar({
  name: 'CreditCode',
  label: 'unified social credit code',
  description: '18-character unified social credit code (GB 32100-2015), validated including its check character.',
  parse: parseCreditCode,
});
