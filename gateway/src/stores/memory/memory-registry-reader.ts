/**
 * A {@link RegistryReader} over records held in memory: for tests and for
 * embedding the gateway without a database. `replace()` swaps the records and
 * changes the version, as a write to a real registry does.
 */
import { buildRegistrySnapshot, type RegistryRecords } from '../build-registry-snapshot';
import type { RegistryReader } from '../registry-snapshot';

/** An in-memory registry reader. */
export interface MemoryRegistryReader extends RegistryReader {
  /** Replaces every record; the next `version()` differs. */
  replace(records: RegistryRecords): void;
}

/** Options of {@link createMemoryRegistryReader}. */
export interface MemoryRegistryReaderOptions {
  /** The clock used to drop expired credentials and grants. @default the system clock */
  readonly now?: () => Date;
}

/** Creates an in-memory registry reader holding `records`. */
export function createMemoryRegistryReader(records: RegistryRecords, options: MemoryRegistryReaderOptions = {}): MemoryRegistryReader {
  const now = options.now ?? (() => new Date());
  let current = records;
  let revision = 1;
  return {
    async load() {
      return buildRegistrySnapshot(current, String(revision), now());
    },
    async version() {
      return String(revision);
    },
    replace(next) {
      current = next;
      revision += 1;
    },
  };
}
