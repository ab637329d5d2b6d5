/**
 * Step 7 of the request pipeline (ARCHITECTURE.md): values of coordinates
 * whose mask rule none of the operation's grants clears (`unmask`) are
 * replaced in the result (`resident-id` → `320***********1234`, `phone` →
 * `138****5678`, `name` → `张*`, `address` → `…玄武区****`), and the response
 * says what was masked: `extensions.govgraph.masked: [{ coordinate, rule,
 * paths }]`. Nothing is walked when the operation touches no masked field.
 */
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { maskResult } from '../policy/mask-result';
import { findRequestAccess } from '../policy/request-access';
import type { GatewayContext } from './types';

/** Masks what the grants do not clear. */
export function useMasking(): Plugin<GatewayContext> {
  return {
    onExecute({ args }) {
      const state = findRequestAccess(args.contextValue.request);
      if (!state || state.maskedCoordinates.size === 0) return;
      const masked = state.maskedCoordinates;
      return {
        onExecuteDone({ result, setResult }) {
          if (!isExecutionResult(result) || !result.data) return;
          const found = maskResult({ schema: args.schema, document: args.document, operationName: args.operationName, data: result.data as Record<string, unknown>, masked });
          if (found.length === 0) return;
          const govgraph = { ...(result.extensions?.['govgraph'] as Record<string, unknown> | undefined), masked: found };
          setResult({ ...result, extensions: { ...result.extensions, govgraph } });
        },
      };
    },
  };
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return value !== null && typeof value === 'object' && !(Symbol.asyncIterator in value);
}
