/**
 * GraphiQL for offline intranets. yoga's default GraphiQL page loads its
 * scripts and styles from a CDN, which a government intranet cannot reach;
 * `@graphql-yoga/render-graphiql` inlines every asset (script, styles, fonts
 * as data: URLs, Monaco workers as blob: URLs) into the page. The page is
 * about 9 MB, so it is rendered once per option set and then reused.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

/** yoga's `renderGraphiQL` option: the self-contained page, memoised. */
export function createGraphiQLRenderer(): (options: GraphiQLOptions) => string {
  const pages = new Map<string, string>();
  return (options) => {
    const key = JSON.stringify(options);
    let page = pages.get(key);
    if (page === undefined) {
      page = renderGraphiQL(options);
      if (pages.size < 8) pages.set(key, page);
    }
    return page;
  };
}
