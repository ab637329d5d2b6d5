/**
 * GraphiQL for offline intranets. yoga's default GraphiQL page loads its
 * scripts and styles from a CDN, which a government intranet cannot reach;
 * `@graphql-yoga/render-graphiql` inlines every asset (script, styles, fonts
 * as data: URLs, Monaco workers as blob: URLs) into the page. The page is
 * about 9 MB, so it is rendered once per option set and then reused, and
 * the module holding it (about 60 MB of resident memory once loaded) is
 * loaded on the first request for the page, not at start: a gateway whose
 * GraphiQL is off, or never opened, never holds it.
 */
import type { GraphiQLOptions } from 'graphql-yoga';

/** yoga's `renderGraphiQL` option: the self-contained page, memoised. */
export function createGraphiQLRenderer(): (options: GraphiQLOptions) => string {
  const pages = new Map<string, string>();
  return (options) => {
    const key = JSON.stringify(options);
    let page = pages.get(key);
    if (page === undefined) {
      const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as typeof import('@graphql-yoga/render-graphiql');
      page = renderGraphiQL(options);
      if (pages.size < 8) pages.set(key, page);
    }
    return page;
  };
}
