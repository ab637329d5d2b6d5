/**
 * The legal-person registry's in-memory tables: enterprises by credit code
 * and by legal representative, plus a stable listing order (credit code), so
 * every query is an index look-up or one filtered scan.
 */
import type { EnterpriseRecord, EnterpriseStatus } from '../data/types';

/** Filters of the enterprise listing; all optional and combined with AND. */
export interface EnterpriseFilter {
  /** Substring of the name (case-sensitive, as the legacy system does). */
  readonly name?: string;
  readonly status?: EnterpriseStatus;
  readonly legalRepresentativeIdNumber?: string;
}

/** Read access to the registry's enterprises. */
export interface EnterpriseDirectory {
  get(creditCode: string): EnterpriseRecord | undefined;
  /** Found enterprises only, each once, in the order of first request. */
  getMany(creditCodes: readonly string[]): EnterpriseRecord[];
  /** Matching enterprises in credit-code order. */
  list(filter: EnterpriseFilter): readonly EnterpriseRecord[];
}

/** Indexes the given enterprises. Credit codes must be unique. */
export function createEnterpriseDirectory(enterprises: readonly EnterpriseRecord[]): EnterpriseDirectory {
  const ordered = [...enterprises].sort((a, b) => compare(a.creditCode, b.creditCode));
  const byCode = new Map<string, EnterpriseRecord>();
  const byRepresentative = new Map<string, EnterpriseRecord[]>();
  for (const enterprise of ordered) {
    if (byCode.has(enterprise.creditCode)) throw new Error(`duplicate enterprise credit code ${enterprise.creditCode}`);
    byCode.set(enterprise.creditCode, enterprise);
    const list = byRepresentative.get(enterprise.legalRepresentativeIdNumber);
    if (list) list.push(enterprise);
    else byRepresentative.set(enterprise.legalRepresentativeIdNumber, [enterprise]);
  }
  return {
    get: (creditCode) => byCode.get(creditCode),
    getMany(creditCodes) {
      const found: EnterpriseRecord[] = [];
      for (const code of new Set(creditCodes)) {
        const enterprise = byCode.get(code);
        if (enterprise) found.push(enterprise);
      }
      return found;
    },
    list({ name, status, legalRepresentativeIdNumber }) {
      const base = legalRepresentativeIdNumber === undefined ? ordered : (byRepresentative.get(legalRepresentativeIdNumber) ?? []);
      if (name === undefined && status === undefined) return base;
      return base.filter((e) => (name === undefined || e.name.includes(name)) && (status === undefined || e.status === status));
    },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
