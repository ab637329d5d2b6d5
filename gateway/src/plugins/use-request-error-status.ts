/**
 * Request errors (unparsable document, validation failure, bad request) answer
 * 400 whatever the client's `Accept` header. graphql-yoga marks them `spec`
 * and, following GraphQL over HTTP's advice for `application/json`, would
 * answer them 200; the legacy HTTP stacks of government applications key on
 * the status, and Apollo Server and Router answer 400 too.
 */
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from './types';

/** Makes yoga honour the HTTP status of request errors for every media type. */
export function useRequestErrorStatus(): Plugin<GatewayContext> {
  return {
    onResultProcess({ result }) {
      for (const single of Array.isArray(result) ? result : [result]) {
        if (!single || typeof single !== 'object' || !('errors' in single) || !Array.isArray(single.errors)) continue;
        for (const error of single.errors as { extensions?: { http?: { spec?: boolean } } }[]) {
          const http = error.extensions?.http;
          if (http?.spec === true) http.spec = false;
        }
      }
    },
  };
}
