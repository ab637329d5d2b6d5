export { startPlatform, SUBGRAPH_NAMES, type Platform, type SubgraphName } from './start-platform';
export { DEFAULT_PLATFORM_PORTS, type PlatformOptions, type PlatformPorts } from './platform-options';
export { TOUR, type TourStop } from './tour';
