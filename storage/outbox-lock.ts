import type { DexieChartStore } from './dexie-chart-store.js';
import { storeInternals } from './store-internals.js';

/**
 * Runs `work` while no other tab or store of this database drains its
 * outbox (a Web Lock per database), so that two tabs of one device never send
 * the same change at once; where Web Locks are missing, at once. The second
 * drain then finds what the first one sent already settled.
 */
export async function whileDrainingAlone<T>(
  store: DexieChartStore,
  work: () => Promise<T>,
): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return work();
  const { db } = store[storeInternals]();
  return locks.request(`emr-kit:outbox:${db.name}`, work) as Promise<T>;
}
