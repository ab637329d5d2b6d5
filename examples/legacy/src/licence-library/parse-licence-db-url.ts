/**
 * Which engine a licence-library URL names: `file:/abs/path.db` (or
 * `file:///abs/path.db`) is SQLite through better-sqlite3, the embedded
 * default; `postgresql://…` (or `postgres://…`) is PostgreSQL through pg.
 */
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A parsed licence-library location. */
export type LicenceDbLocation = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

/** Parses the URL; throws a `TypeError` naming the accepted forms otherwise. */
export function parseLicenceDbUrl(url: string): LicenceDbLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  if (url.startsWith('file:')) {
    const rest = url.slice('file:'.length);
    if (rest.startsWith('/') && !rest.includes('?') && !rest.includes('#')) {
      const path = fileURLToPath(new URL(rest.startsWith('//') ? url : `file://${rest}`));
      if (isAbsolute(path)) return { kind: 'sqlite', path };
    }
  }
  throw new TypeError(`licence library URL must be file:/absolute/path.db or postgresql://…, got ${JSON.stringify(url)}`);
}
