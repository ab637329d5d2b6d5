/**
 * The population registry's operations this subgraph uses, over the SOAP
 * source: batch look-ups by record id and by ID number (at most 100 keys per
 * call, the registry's limit) and the name-prefix search. Answers are read
 * here and each record is mapped with {@link mapPersonRecord}.
 */
import type { SoapSource } from '@govgraph/connector-soap';
import { maxBatchSizeOf, parseResidentId, toPageResult, type PageRequest, type PageResult } from '@govgraph/sdk';
import { z } from 'zod';
import { chunk } from '../upstream/chunk';
import { countText } from '../upstream/count-text';
import { mapBatchRecords } from '../upstream/map-batch-records';
import { readAnswer } from '../upstream/read-answer';
import { rawText } from '../upstream/read-record';
import type { RejectedRecordError } from '../upstream/rejected-record-error';
import { mapPersonRecord } from './person.mapping';
import type { Person } from './person.type';

/** Most keys one `GetPersonsBy…` call may carry (the WSDL's `maxOccurs`): the population source's manifest declares it. */
export const POPULATION_BATCH_LIMIT = 100;

/** A person, or a record the registry returned that could not be mapped (it fails only its own keys). */
export type LoadedPerson = Person | RejectedRecordError;

const batchAnswer = z.object({ person: z.array(z.unknown()).optional() });
const searchAnswer = z.object({ total: countText, page: countText, pageSize: countText, person: z.array(z.unknown()).optional() });

/** Whether `id` could be a registry record id at all: 1–64 visible characters. Others are never sent. */
function isRecordIdCandidate(id: string): boolean {
  return id.length >= 1 && id.length <= 64 && /^[^\s\u0000-\u001f\u007f]+$/.test(id);
}

/** `GetPersonsByIds`: the persons found for these record ids, in any order. */
export async function getPersonsByIds(source: SoapSource, ids: readonly string[]): Promise<LoadedPerson[]> {
  return getPersonsBy(source, 'GetPersonsByIds', 'id', ids.filter(isRecordIdCandidate));
}

/**
 * `GetPersonsByIdNumbers`: the persons found for these ID numbers, in any order.
 * Numbers that fail the GB 11643 check cannot belong to anyone and are not sent.
 */
export async function getPersonsByIdNumbers(source: SoapSource, idNumbers: readonly string[]): Promise<LoadedPerson[]> {
  const valid = idNumbers.flatMap((idNumber) => {
    const parsed = parseResidentId(idNumber);
    return parsed.ok ? [parsed.value] : [];
  });
  return getPersonsBy(source, 'GetPersonsByIdNumbers', 'idNumber', [...new Set(valid)]);
}

/** `SearchPersons`: one page of the persons whose name starts with `namePrefix`, ordered by the registry (name, then id). */
export async function searchPersonsByName(source: SoapSource, namePrefix: string, page: PageRequest): Promise<PageResult<Person>> {
  const operation = 'SearchPersons';
  const answer = await source.call(operation, { namePrefix, page: page.page, pageSize: page.pageSize }, { arrays: ['person'] });
  const { total, person = [] } = readAnswer(searchAnswer, answer, source.name, operation);
  const items = person.map((record) => mapPersonRecord(record, source.name));
  return toPageResult(page, items, total);
}

async function getPersonsBy(
  source: SoapSource,
  operation: 'GetPersonsByIds' | 'GetPersonsByIdNumbers',
  element: 'id' | 'idNumber',
  keys: readonly string[],
): Promise<LoadedPerson[]> {
  const answers = await Promise.all(
    chunk(keys, maxBatchSizeOf(source, POPULATION_BATCH_LIMIT)).map((part) => source.call(operation, { [element]: part }, { arrays: ['person'] })),
  );
  return answers.flatMap((answer) => {
    const { person = [] } = readAnswer(batchAnswer, answer, source.name, operation);
    return mapBatchRecords(person, (record) => mapPersonRecord(record, source.name), personKeysOf);
  });
}

function personKeysOf(record: unknown): Record<string, string> {
  const id = rawText(record, 'id');
  const idNumber = rawText(record, 'idNumber')?.toUpperCase();
  return { ...(id === undefined ? {} : { id }), ...(idNumber === undefined ? {} : { idNumber }) };
}
