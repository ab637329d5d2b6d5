/** The GraphQL context every resolver of the cases subgraph receives. */
import type { SubgraphContext } from '@govgraph/sdk';
import type { CasesLoaders } from './case/case.loader';
import type { CasesSources } from './sources';

/** `SubgraphContext` with this subgraph's sources and loaders. */
export type CasesContext = SubgraphContext<CasesSources, CasesLoaders>;
