// Small helpers the store suites share: database names no other run uses,
// the first value of a live query, and databases deleted after use.
import { Dexie } from 'dexie';
import type { ChartUser, LiveQuery } from '../../../model/index.js';

export const BENCH_USER: ChartUser = { id: 'u-bench', displayName: 'Bench Clinician', role: 'clinician' };

let counter = 0;
/** A database name unique to this page (and, by the time in it, to this run). */
export function benchDatabaseName(label: string): string {
  return `bench-${label}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}

/** The first value of a live query that satisfies `accept`; an error rejects. */
export function firstValue<T>(query: LiveQuery<T>, accept: (value: T) => boolean = () => true): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      // Later: a value delivered during subscribe() comes before `unsubscribe` is set.
      queueMicrotask(() => unsubscribe());
    };
    const unsubscribe = query.subscribe({
      next(value) {
        if (!done && accept(value)) {
          finish();
          resolve(value);
        }
      },
      error(error) {
        finish();
        reject(error);
      },
    });
    if (done) unsubscribe();
  });
}

export async function deleteDatabase(name: string): Promise<void> {
  await Dexie.delete(name);
}
