import { parseResidentId } from '../identifiers';
import { createIdentifierScalar } from './identifier-scalar';

/**
 * `ResidentId`: an 18-character resident ID number (居民身份证号码, GB 11643-1999),
 * checked for length, region and birth-date digits and the check character.
 * Lower-case `x` is accepted and normalised to `X`.
 */
export const ResidentIdScalar = createIdentifierScalar({
  name: 'ResidentId',
  label: 'resident ID number',
  description: '18-character resident ID number (GB 11643-1999), validated including its check character.',
  parse: parseResidentId,
});
