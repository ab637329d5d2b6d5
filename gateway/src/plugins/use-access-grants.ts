import { getOperationAST } from 'graphql';
/**
 * Step 4 of the request pipeline (ARCHITECTURE.md): every field coordinate the
 * operation can touch must be covered by a live grant of the application, at
 * a data grade the grant reaches, for the declared purpose. Runs in
 * `onExecute`, before the engine calls any subgraph; a refusal is one 403
 * `FORBIDDEN` listing every denied coordinate (`extensions.denied`). The
 * coordinates of a (document, operation name) are collected once and kept in
 * an LRU; each check after that is set look-ups, O(fields in the operation).
 */
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { GW_ERRORS } from '../errors';
import { collectOperationCoordinates, type OperationCoordinates } from '../policy/collect-coordinates';
import { evaluateGrants, type GrantEvaluation } from '../policy/evaluate-grants';
import type { FieldPolicies } from '../policy/field-policies';
import { createLruCache, type LruCache } from '../policy/lru-cache';
import { findRequestAccess } from '../policy/request-access';
import type { AuditedCoordinate } from '../stores/audit-sink';
import type { CompiledGrant } from '../stores/registry-snapshot';
import { gradeRank, type DataGrade } from '../stores/data-grade';
import { endUserChallenge } from './use-end-user';
import type { GatewayContext } from './types';

/** Options of {@link useAccessGrants}. */
export interface AccessGrantsOptions {
  /** Grade, mask and owning subgraphs of every coordinate (`readFieldPolicies(supergraphSdl)`). */
  readonly policies: FieldPolicies;
  /** (document, operation name) pairs whose coordinates are kept. @default 1000 */
  readonly cacheSize?: number;
  /** Realm of the end-user challenge. @default 'govgraph' */
  readonly realm?: string;
}

/** Distinct `x-purpose` values whose verdicts are kept per (grants, operation). */
const MAX_PURPOSES_PER_OPERATION = 16;

/** The coordinates of an operation, with grades, as cached. */
interface CollectedOperation extends OperationCoordinates {
  readonly graded: readonly AuditedCoordinate[];
  readonly maxGrade: DataGrade;
}

/** Refuses operations that touch anything the application's grants do not cover. */
export function useAccessGrants(options: AccessGrantsOptions): Plugin<GatewayContext> {
  const { policies } = options;
  const realm = options.realm ?? 'govgraph';
  const cacheSize = options.cacheSize ?? 1000;
  const caches = new WeakMap<GraphQLSchema, LruCache<DocumentNode, Map<string, CollectedOperation | null>>>();

  const collect = (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CollectedOperation | null => {
    let cache = caches.get(schema);
    if (!cache) caches.set(schema, (cache = createLruCache(cacheSize)));
    let byName = cache.get(document);
    if (!byName) cache.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let collected = byName.get(key);
    if (collected === undefined) {
      const found = collectOperationCoordinates(schema, document, operationName);
      if (found) {
        const graded = found.coordinates.map((coordinate) => ({ coordinate, grade: policies.get(coordinate)?.grade ?? 'L1' }));
        const maxGrade = graded.reduce<DataGrade>((max, { grade }) => (gradeRank(grade) > gradeRank(max) ? grade : max), 'L1');
        collected = { ...found, graded, maxGrade };
      } else {
        collected = null;
      }
      byName.set(key, collected);
    }
    return collected;
  };

  // Verdicts of (operation, grant array, purpose, end user present): the snapshot's grant array of an application
  // is the same object for every request until the registry changes or one of its grants expires, so a repeated
  // operation is checked once; a new snapshot brings new arrays and fresh verdicts.
  const verdicts = new WeakMap<readonly CompiledGrant[], WeakMap<CollectedOperation, Map<string, GrantEvaluation>>>();
  const verdictOf = (collected: CollectedOperation, grants: readonly CompiledGrant[], purpose: string | undefined, hasEndUser: boolean): GrantEvaluation => {
    let byOperation = verdicts.get(grants);
    if (!byOperation) verdicts.set(grants, (byOperation = new WeakMap()));
    let byCaller = byOperation.get(collected);
    if (!byCaller) byOperation.set(collected, (byCaller = new Map()));
    const key = `${hasEndUser ? 'u' : '-'}${purpose ?? ''}`;
    let verdict = byCaller.get(key);
    if (!verdict) {
      verdict = evaluateGrants({ coordinates: collected.coordinates, introspection: collected.introspection, policies, grants, purpose, hasEndUser });
      // Purposes are caller-chosen text: keep a bounded number per (grants, operation).
      if (byCaller.size >= MAX_PURPOSES_PER_OPERATION) byCaller.clear();
      byCaller.set(key, verdict);
    }
    return verdict;
  };

  return {
    onExecute({ args }) {
      const state = findRequestAccess(args.contextValue.request);
      if (!state?.application) {
        throw GW_ERRORS.UNAUTHENTICATED.err('No application was identified for this request.');
      }
      const collected = collect(args.schema, args.document, args.operationName);
      if (!collected) return; // no such operation: the engine reports it
      const operationName = args.operationName ?? getOperationAST(args.document, args.operationName)?.name?.value;
      if (operationName) state.operationName = operationName;
      state.coordinates = collected.graded;
      state.maxGrade = collected.maxGrade;
      const verdict = verdictOf(collected, state.grants, state.purpose, state.endUser !== undefined);
      if (verdict.denied.length > 0) {
        state.outcome = 'denied';
        const list = verdict.denied.map((d) => `${d.coordinate} (${d.reason === 'grade' ? `grade ${d.grade} above the grant` : d.reason === 'purpose' ? 'another purpose' : 'not granted'})`);
        throw GW_ERRORS.FORBIDDEN.err(`The application may not use: ${list.join(', ')}.`, { extensions: { denied: verdict.denied } });
      }
      if (verdict.endUserRequired.length > 0) {
        state.outcome = 'unauthenticated';
        throw GW_ERRORS.UNAUTHENTICATED.err(`An end-user token (x-end-user-token) is required for: ${verdict.endUserRequired.join(', ')}.`, {
          headers: { 'WWW-Authenticate': endUserChallenge(realm) },
        });
      }
      state.usedGrants = verdict.usedGrants;
      state.maskedCoordinates = verdict.maskedCoordinates;
    },
  };
}
