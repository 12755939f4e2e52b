import { liveQuery } from 'dexie';
import type { LiveQuery } from '../model/index.js';
import { toChartStoreError } from './database-errors.js';

/**
 * A Dexie live query behind the kit's own LiveQuery: a new value whenever a
 * table it read changes, in this tab or another; errors as ChartStoreErrors.
 */
export function live<T>(query: () => Promise<T>, versionChanged: () => boolean): LiveQuery<T> {
  return {
    subscribe(observer) {
      const subscription = liveQuery(query).subscribe({
        next: (value) => observer.next(value),
        error: (error: unknown) => observer.error?.(toChartStoreError(error, versionChanged())),
      });
      return () => subscription.unsubscribe();
    },
  };
}
