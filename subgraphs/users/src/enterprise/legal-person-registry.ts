/**
 * The legal-person registry's endpoints this subgraph uses, over the REST
 * source: the batch look-up by credit code (`POST /api/v1/enterprises/batch`,
 * at most 100 codes per call, the registry's limit) and the page-based list
 * (`GET /api/v1/enterprises`). Answers are read here and each record is mapped
 * with {@link mapEnterpriseRecord}.
 */
import type { RestSource } from '@govgraph/connector-rest';
import { maxBatchSizeOf, parseCreditCode, toPageResult, type PageRequest, type PageResult } from '@govgraph/sdk';
import { z } from 'zod';
import { chunk } from '../upstream/chunk';
import { mapBatchRecords } from '../upstream/map-batch-records';
import { readAnswer } from '../upstream/read-answer';
import { rawText } from '../upstream/read-record';
import type { RejectedRecordError } from '../upstream/rejected-record-error';
import { ENTERPRISE_STATUS_CODES, type EnterpriseStatus } from './enterprise-status';
import { mapEnterpriseRecord } from './enterprise.mapping';
import type { Enterprise } from './enterprise.type';

/** Most credit codes one batch call may carry. */
export const LEGAL_PERSON_BATCH_LIMIT = 100;

/** An enterprise, or a record the registry returned that could not be mapped (it fails only its own key). */
export type LoadedEnterprise = Enterprise | RejectedRecordError;

/** Filters of {@link listEnterprises}, combined with AND. */
export interface EnterpriseFilter {
  /** Part of the name. */
  readonly name?: string | undefined;
  readonly status?: EnterpriseStatus | undefined;
}

const count = z.number().int().nonnegative();
const batchAnswer = z.object({ items: z.array(z.unknown()) });
const pageAnswer = z.object({ page: count, pageSize: count, total: count, items: z.array(z.unknown()) });

/**
 * The enterprises found for these credit codes, in any order. Codes that fail
 * the GB 32100 check cannot belong to anyone and are not sent.
 */
export async function getEnterprisesByCreditCodes(source: RestSource, creditCodes: readonly string[]): Promise<LoadedEnterprise[]> {
  const operation = 'batchGetEnterprises';
  const valid = creditCodes.flatMap((code) => {
    const parsed = parseCreditCode(code);
    return parsed.ok ? [parsed.value] : [];
  });
  const answers = await Promise.all(
    chunk([...new Set(valid)], maxBatchSizeOf(source, LEGAL_PERSON_BATCH_LIMIT)).map((part) =>
      source.post('/api/v1/enterprises/batch', { creditCodes: part }, { operation }),
    ),
  );
  return answers.flatMap((answer) => {
    const { items } = readAnswer(batchAnswer, answer, source.name, operation);
    return mapBatchRecords(items, (record) => mapEnterpriseRecord(record, source.name), enterpriseKeysOf);
  });
}

/** One page of the enterprises matching `filter`, in the registry's order (credit code). */
export async function listEnterprises(source: RestSource, filter: EnterpriseFilter, page: PageRequest): Promise<PageResult<Enterprise>> {
  const operation = 'listEnterprises';
  const answer = await source.get(
    '/api/v1/enterprises',
    {
      name: filter.name,
      status: filter.status === undefined ? undefined : ENTERPRISE_STATUS_CODES[filter.status],
      page: page.page,
      pageSize: page.pageSize,
    },
    { operation },
  );
  const { total, items } = readAnswer(pageAnswer, answer, source.name, operation);
  return toPageResult(page, items.map((record) => mapEnterpriseRecord(record, source.name)), total);
}

function enterpriseKeysOf(record: unknown): Record<string, string> {
  const creditCode = rawText(record, 'creditCode')?.toUpperCase();
  return creditCode === undefined ? {} : { creditCode };
}
