// Small helpers the store suites share: database names no other run uses,
// the first value of a live query, and databases deleted after use.
import { Dexie } from 'dexie';
import type { ChartUser } from '../../../model/index.js';

export const BENCH_USER: ChartUser = {
  id: 'u-bench',
  displayName: 'Bench Clinician',
  role: 'clinician',
};

let counter = 0;
/** A database name unique to this page (and, by the time in it, to this run). */
export function benchDatabaseName(label: string): string {
  return `bench-${label}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}

export { firstValue } from '../../../model/index.js';

export async function deleteDatabase(name: string): Promise<void> {
  await Dexie.delete(name);
}
