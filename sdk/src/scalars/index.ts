export { ResidentIdScalar } from './resident-id.scalar';
export { CreditCodeScalar } from './credit-code.scalar';
