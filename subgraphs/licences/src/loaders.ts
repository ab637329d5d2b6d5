import type { LoaderFactoryContext } from '@govgraph/sdk';
import type { LicencesLoaders, LicencesSources } from './context';
import { createLicenceTypeLoaders } from './licence-type/licence-type.loader';
import { createLicenceLoaders } from './licence/licence.loader';

/**
 * The SDK's `loaders` factory: fresh DataLoaders for every request, so no
 * cache outlives the request (or serves one caller what another loaded).
 */
export function createLicencesLoaders({ sources }: LoaderFactoryContext<LicencesSources>): LicencesLoaders {
  return { ...createLicenceLoaders(sources.licenceDb), ...createLicenceTypeLoaders(sources.licenceDb) };
}
