/**
 * The Federation 2 `@link` a subgraph schema starts with. The version is the
 * one the gateway's composition (`@apollo/composition` 2.14) supports.
 */
export const FEDERATION_VERSION = 'v2.6';

/** Federation directives every govgraph subgraph may use without listing them. */
export const FEDERATION_IMPORTS: readonly string[] = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@inaccessible',
  '@override',
  '@tag',
  '@interfaceObject',
];

/** The `extend schema @link(...)` line for the given imports. */
export function federationLinkSdl(imports: readonly string[] = FEDERATION_IMPORTS): string {
  const list = imports.map((name) => JSON.stringify(name)).join(', ');
  return `extend schema @link(url: "https://specs.apollo.dev/federation/${FEDERATION_VERSION}", import: [${list}])\n`;
}
