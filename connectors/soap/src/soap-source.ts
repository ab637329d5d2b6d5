/**
 * The shape of a SOAP source: the SDK's `Source` lifecycle plus `call`.
 * Department resolvers call operations by name with plain objects; they never
 * see envelopes, namespaces, undici or the legacy system's faultstrings.
 */
import type { CapabilityManifest, Source } from '@govgraph/sdk';
import type { SoapServiceDescription } from './read-wsdl';

/** Options of one call. */
export interface SoapCallOptions {
  /**
   * Local names of response elements that are always arrays, even with one item
   * (XML cannot tell a list of one from a single value), e.g. `['address', 'licence']`.
   */
  readonly arrays?: readonly string[];
}

/** Counters of a source's calls since it was created (health probes and the WSDL fetch excluded). */
export interface SourceStats {
  /** Calls attempted after `start()`. */
  readonly calls: number;
  /** Calls that failed, for any reason (timeouts and faults included). */
  readonly failures: number;
  /** Calls that failed with `UpstreamTimeoutError`. */
  readonly timeouts: number;
}

/** A SOAP legacy system. Create with `soapSource(parseSoapSourceConfig(input))`. */
export interface SoapSource extends Source {
  readonly kind: 'soap';
  /** The legacy system's capability manifest, defaults applied (`config.capabilities`, or the defaults and shortcut options). */
  readonly capabilities: CapabilityManifest;
  /**
   * Calls `operation` (as named in the WSDL) with `params` and resolves with the content of its
   * response element as plain objects: prefixes removed, every value a string (convert numbers
   * yourself: an ID number must stay a string), `xsi:nil` as `null`, an empty element as `''`.
   *
   * @throws the SDK's taxonomy errors (see README "Error codes"); a plain `Error` for an operation
   *   the WSDL does not have, a call before `start()`/after `stop()`, or parameters that cannot be sent.
   */
  call<T = unknown>(operation: string, params: Readonly<Record<string, unknown>>, options?: SoapCallOptions): Promise<T>;
  /** What `start()` read from the WSDL (operations, namespace, address). Throws before `start()`. */
  describe(): SoapServiceDescription;
  /** A snapshot of the call counters. */
  stats(): SourceStats;
}
