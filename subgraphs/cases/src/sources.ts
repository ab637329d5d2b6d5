/** The legacy systems the cases subgraph reads and writes. */
import type { RestSource } from '@govgraph/connector-rest';

/** The subgraph's sources: the city case-handling system (REST/JSON). */
export type CasesSources = {
  readonly caseHandling: RestSource;
};
