import type { RecordTable } from './chart-tables.js';

/**
 * The first key of a compound index on records after `bound` (from the
 * start when absent): one request, however many keys it skips. The
 * upgrades use it to step from one day or code to the next instead of
 * walking every key.
 */
export async function firstKeyAfter<K extends unknown[]>(
  records: RecordTable,
  index: string,
  bound?: unknown[],
): Promise<K | undefined> {
  const range = bound ? records.where(index).above(bound) : records.orderBy(index);
  return (await range.limit(1).keys())[0] as K | undefined;
}
