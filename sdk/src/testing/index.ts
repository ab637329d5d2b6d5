export { checkSubgraphConformance } from './check-subgraph-conformance';
export { formatConformanceReport } from './format-conformance-report';
export { assertConformance } from './assert-conformance';
export { describeConformance, type ConformanceSetup, type DescribeConformanceOptions } from './describe-conformance';
export {
  CONFORMANCE_GROUPS,
  type ConformanceSpec,
  type ConformanceTarget,
  type ConformanceReport,
  type ConformanceCheck,
  type ConformanceGroup,
  type ConformanceQuery,
  type KeySamples,
  type KeyValue,
  type UpstreamHook,
  type ConformanceHeaders,
} from './conformance-spec';
export {
  startTestHttpServer,
  unusedPort,
  sendJson,
  type TestHttpServer,
  type TestHttpHandler,
  type RecordedRequest,
} from './start-test-http-server';
export { createRecordingLogger, type RecordingLogger, type LogLine } from './create-recording-logger';
