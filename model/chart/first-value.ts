import type { ChartStoreError } from './chart-store-error.js';
import type { LiveQuery } from './chart-store.js';

/**
 * The first value of a live query that satisfies `accept`, then unsubscribes;
 * an error rejects. For a one-off read of what a live query shows.
 */
export function firstValue<T>(
  query: LiveQuery<T>,
  accept: (value: T) => boolean = () => true,
): Promise<T> {
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
      error(error: ChartStoreError) {
        finish();
        reject(error);
      },
    });
    if (done) unsubscribe();
  });
}
