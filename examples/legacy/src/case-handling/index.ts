export { startCaseHandlingSystem, CASE_OPERATIONS, type CaseHandlingSystemOptions } from './start-case-handling-system';
export {
  createCaseStore,
  type CaseStore,
  type CaseStoreOptions,
  type NewCase,
  type CaseTransition,
  type CaseFilter,
  type CreateCaseResult,
  type TransitionResult,
} from './case-store';
export { CASE_STATUSES, MAX_CASE_BATCH, MAX_NOTE_LENGTH, isCaseStatus } from './parse-case-requests';
