/**
 * The social-insurance system (社会保险信息系统) simulator: a SOAP 1.2
 * service guarded by WS-Security UsernameToken (PasswordDigest), as
 * provincial social-insurance systems expose it. It serves accounts derived
 * from the dataset (`generateSocialInsurance`). Wire API:
 * examples/legacy/README.md, "Social-insurance system".
 */
import type { SocialInsuranceData } from '../data/types';
import { startHttpSimulator, type SimulatorHandle, type SimulatorListenOptions } from '../harness';
import { routeSoap12Request } from './route-soap12-request';
import { SOCIAL_INSURANCE_PATH } from './social-insurance-contract';
import { createSocialInsuranceLedger } from './social-insurance-ledger';
import { soap12Fault } from './soap12-envelope';
import { createNonceCache, type UsernameTokenCredentials } from './verify-username-token';

/** The account accepted when none is given (documented, for running the platform locally). */
export const DEFAULT_SOCIAL_INSURANCE_CREDENTIALS: UsernameTokenCredentials = Object.freeze({ username: 'govgraph-gateway', password: 'si-simulator-secret' });

/** Options of {@link startSocialInsuranceSystem}. */
export interface SocialInsuranceSystemOptions extends SimulatorListenOptions {
  /** The accounts served: `generateSocialInsurance(dataset)`, or hand-made records. */
  readonly data: Pick<SocialInsuranceData, 'records'>;
  /** The only account accepted in a UsernameToken. @default DEFAULT_SOCIAL_INSURANCE_CREDENTIALS */
  readonly credentials?: UsernameTokenCredentials;
  /** The clock `wsu:Created` and `wsu:Expires` are checked against. @default () => new Date() */
  readonly now?: () => Date;
}

/** A running social-insurance system: the usual handle plus the account it accepts. */
export interface SocialInsuranceSystemHandle extends SimulatorHandle {
  readonly credentials: UsernameTokenCredentials;
}

/**
 * Starts the system. The handle's `url` is the SOAP 1.2 endpoint
 * (`http://127.0.0.1:PORT/social-insurance`); the WSDL is at `${url}?wsdl`.
 * Calls are counted per operation name (refused tokens included), `wsdl` for WSDL downloads.
 */
export async function startSocialInsuranceSystem(options: SocialInsuranceSystemOptions): Promise<SocialInsuranceSystemHandle> {
  const credentials = Object.freeze({ ...(options.credentials ?? DEFAULT_SOCIAL_INSURANCE_CREDENTIALS) });
  if (credentials.username === '' || credentials.password === '') throw new TypeError('social-insurance credentials need a username and a password');
  const ledger = createSocialInsuranceLedger(options.data.records);
  const nonces = createNonceCache();
  const now = options.now ?? ((): Date => new Date());
  let fallbackOrigin = 'http://127.0.0.1';
  const handle = await startHttpSimulator({
    ...options,
    name: 'social-insurance',
    path: SOCIAL_INSURANCE_PATH,
    route: (request) => routeSoap12Request({ ledger, credentials, nonces, now, fallbackOrigin }, request),
    injectedError: () => soap12Fault({ code: 'Receiver', detailCode: 'INTERNAL_ERROR', message: 'the social-insurance system failed (injected)' }),
  });
  fallbackOrigin = handle.url.slice(0, -SOCIAL_INSURANCE_PATH.length);
  return { ...handle, credentials };
}
