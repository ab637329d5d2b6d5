/**
 * The defaults of {@link generateDataset}: the sizes of an average
 * province's slice that the platform serves and its tests generate at start.
 */
import type { DatasetSizes } from './types';

/** Seed used when none is given, so every run of the platform sees the same province. */
export const DEFAULT_DATASET_SEED = 20260101;

/** Sizes used for the sizes not given. */
export const DEFAULT_DATASET_SIZES: Readonly<DatasetSizes> = Object.freeze({
  persons: 10000,
  enterprises: 2000,
  services: 500,
  licenceTypes: 50,
  licences: 100000,
  cases: 20000,
});

/**
 * The date every status is computed against. Fixed, so that a dataset
 * generated next year is the same dataset (licences do not expire with the
 * clock, cases do not close).
 */
export const DATASET_REFERENCE_DATE = '2026-06-30';
