/** The legacy system the social-insurance subgraph reads, built from its config. */
import { parseSoapSourceConfig, soapSource, type SoapSource } from '@govgraph/connector-soap';
import type { SocialInsuranceSubgraphConfig } from './config';

/**
 * The largest batch `GetInsuranceStatusByIdNumbers` accepts (the system answers
 * `TOO_MANY_KEYS` beyond it). Declared in the capability manifest, which the
 * loaders read it from.
 */
export const SOCIAL_INSURANCE_MAX_BATCH = 50;

/** The subgraph's sources: the social-insurance system (社会保险信息系统). */
export type SocialInsuranceSources = {
  readonly socialInsurance: SoapSource;
};

/**
 * Builds the sources (not started: `createSubgraph` starts and stops them).
 * The system speaks SOAP 1.2 only and wants a WS-Security UsernameToken on
 * every call; both read operations are safe to repeat, so they are declared
 * idempotent and retried on a refused connection, a timeout or a 5xx.
 *
 * @throws ConfigError for a bad source config (the password is never in it).
 */
export function createSocialInsuranceSources(config: SocialInsuranceSubgraphConfig): SocialInsuranceSources {
  return {
    socialInsurance: soapSource(
      parseSoapSourceConfig({
        name: 'social-insurance',
        endpoint: config.url,
        ...(config.wsdlUrl === undefined ? {} : { wsdlUrl: config.wsdlUrl }),
        soapVersion: '1.2',
        security: { kind: 'username-token', username: config.username, password: config.password },
        timeoutMs: config.timeoutMs,
        capabilities: {
          idempotentOperations: ['GetInsuranceStatusByIdNumbers', 'GetContributionHistory'],
          batch: { maxSize: SOCIAL_INSURANCE_MAX_BATCH },
        },
      }),
    ),
  };
}
