/**
 * Assembles the access-control chain of ARCHITECTURE.md from its options:
 * the registry cache, the context-token signer, the audit buffer and the
 * policy plugins, grouped by where `createGateway` puts them (before the
 * document limits, after them, after the engine). Open mode returns no
 * policy plugins at all, only the signer, and says so loudly.
 */
import type { Plugin } from 'graphql-yoga';
import type { SubgraphCall, WillSendSubgraphRequest } from '../datasources/subgraph-data-source';
import type { Logger } from '../logger';
import type { GatewayContext, Principal } from '../plugins/types';
import { useAccessGrants } from '../plugins/use-access-grants';
import { createApplicationAuth } from '../plugins/use-application-auth';
import { useAudit } from '../plugins/use-audit';
import { useContextTokenJwks } from '../plugins/use-context-token-jwks';
import { useEndUser } from '../plugins/use-end-user';
import { useMasking } from '../plugins/use-masking';
import { useRateLimit } from '../plugins/use-rate-limit';
import { createMemoryRateLimitStore } from '../stores/memory/memory-rate-limit-store';
import { isEnforceAccessControl, parseAccessControlOptions, type AccessControlOptions } from './access-control-options';
import { withUsageCounting } from '../stores/count-usage';
import { createBufferedAudit, type BufferedAudit } from './buffered-audit';
import { createContextTokenHook, gatewayCallHeaders } from './create-context-token-hook';
import { createContextTokenSigner, type ContextTokenSigner } from './context-token-signer';
import { readFieldPolicies } from './field-policies';
import { createRegistryCache, type RegistryCache } from './registry-cache';
import { findRequestAccess, noteSubgraphCalled } from './request-access';

/** The policy plugins, by their place in the gateway's plugin list. */
export interface AccessControlPlugins {
  /** Served before anything else (the JWKS endpoint). */
  readonly endpoints: readonly Plugin<GatewayContext>[];
  /** Steps 1–2, before the document limits: application, end user. */
  readonly identify: readonly Plugin<GatewayContext>[];
  /** Steps 4–5, after the document limits: grants, rate limit. */
  readonly authorise: readonly Plugin<GatewayContext>[];
  /** Steps 7–8, after the engine: masking, audit. */
  readonly record: readonly Plugin<GatewayContext>[];
  /**
   * The principal of an identified request, for the gateway to put in the context in its own context step
   * (`useRequestId`'s); none in open mode.
   */
  readonly principalOf?: (request: Request) => Principal | undefined;
}

/** A started access-control chain. */
export interface AccessControl {
  readonly mode: 'enforce' | 'open';
  readonly signer: ContextTokenSigner;
  /** The data source hook: notes the subgraph called, signs the context token. */
  readonly willSendRequest: WillSendSubgraphRequest;
  /**
   * Notes a subgraph as called for a request whose call was merged into
   * another request's identical call in flight (no hook ran for it): its audit
   * record still lists the subgraph.
   */
  readonly noteSubgraphCall: (subgraph: string, call: SubgraphCall) => void;
  /** Headers of the gateway's own calls (composition, readiness). */
  readonly gatewayHeaders: (subgraph: string) => Promise<Record<string, string>>;
  /** The registry cache (enforce mode). */
  readonly registry: RegistryCache | undefined;
  /** The audit buffer (enforce mode). */
  readonly audit: BufferedAudit | undefined;
  /** The plugins for a supergraph. @throws GatewayError `GW_SUPERGRAPH_INVALID` on invalid govgraph tags */
  plugins(supergraphSdl: string): AccessControlPlugins;
  /** Stops polling and writes every audit record accepted. */
  close(): Promise<void>;
}

/** Options of {@link createAccessControl} that come from the gateway. */
export interface AccessControlContext {
  readonly logger: Logger;
  /** The id of the request in progress, for audit records. */
  readonly currentRequestId: () => string | undefined;
}

/** Validates the options, loads the registry and the signing key. @throws GatewayError `GW_CONFIG_INVALID`, `GW_REGISTRY_UNAVAILABLE` */
export async function createAccessControl(input: AccessControlOptions, context: AccessControlContext): Promise<AccessControl> {
  const options = parseAccessControlOptions(input);
  const { logger } = context;
  const signer = await createContextTokenSigner(options.contextToken);
  const willSendRequest = createContextTokenHook({ signer });
  const gatewayHeaders = gatewayCallHeaders(signer);
  const endpoints = [useContextTokenJwks(signer)];
  const noteSubgraphCall = (subgraph: string, call: SubgraphCall): void => {
    const state = findRequestAccess(call.context?.request);
    if (state) noteSubgraphCalled(state, subgraph);
  };

  if (!isEnforceAccessControl(options)) {
    logger.warn(
      { accessControl: 'open' },
      'ACCESS CONTROL IS OFF: every caller may run every operation on every subgraph, nothing is masked or audited. Local development only.',
    );
    return {
      mode: 'open',
      signer,
      willSendRequest,
      noteSubgraphCall,
      gatewayHeaders,
      registry: undefined,
      audit: undefined,
      plugins: () => ({ endpoints, identify: [], authorise: [], record: [] }),
      close: async () => undefined,
    };
  }

  const registry = createRegistryCache({ reader: options.registry, pollMs: options.registryPollMs ?? 2000, logger });
  await registry.start();
  const sink = options.usage ? withUsageCounting(options.auditSink, options.usage, logger) : options.auditSink;
  const audit = createBufferedAudit({ sink, ...options.audit, logger });
  const rateLimitStore = options.rateLimitStore ?? createMemoryRateLimitStore();
  const realm = options.realm ?? 'govgraph';
  logger.info(
    {
      accessControl: 'enforce',
      clientCredentials: options.clientCredentials !== undefined,
      endUsers: options.endUsers !== undefined,
      rateLimitStore: options.rateLimitStore ? 'given' : 'memory',
    },
    'access control enforced',
  );
  return {
    mode: 'enforce',
    signer,
    willSendRequest,
    noteSubgraphCall,
    gatewayHeaders,
    registry,
    audit,
    plugins(supergraphSdl) {
      const policies = readFieldPolicies(supergraphSdl);
      const application = createApplicationAuth({ registry, pepper: options.pepper, clientCredentials: options.clientCredentials, realm, now: options.now });
      return {
        endpoints,
        principalOf: application.principalOf,
        identify: [
          application.identify,
          ...(options.endUsers ? [useEndUser({ ...options.endUsers, realm, now: options.now } as Parameters<typeof useEndUser>[0])] : []),
        ],
        authorise: [
          useAccessGrants({ policies, cacheSize: options.coordinateCacheSize, realm }),
          useRateLimit({ store: rateLimitStore, fallback: options.rateLimitFallback, now: options.now }),
        ],
        record: [useMasking(), useAudit({ audit, currentRequestId: context.currentRequestId })],
      };
    },
    async close() {
      await registry.close();
      try {
        await audit.close();
      } finally {
        if (!options.rateLimitStore) await rateLimitStore.close?.();
      }
    },
  };
}
