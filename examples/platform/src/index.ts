export {
  startPlatform,
  startPlatformServices,
  legacyEndpointsOf,
  SUBGRAPH_NAMES,
  type LegacyEndpoints,
  type Platform,
  type PlatformServices,
  type PlatformServicesOptions,
  type SubgraphName,
} from './start-platform';
export { DEFAULT_PLATFORM_PORTS, type PlatformOptions, type PlatformPorts } from './platform-options';
export { TOUR, type TourStop } from './tour';
