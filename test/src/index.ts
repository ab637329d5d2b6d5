export {
  startTestPlatform,
  postGraphQL,
  TEST_NOW,
  type TestPlatform,
  type GraphQLResponse,
  type GraphQLErrorBody,
} from './start-test-platform';
