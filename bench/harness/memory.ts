// Heap in use, for suites that report memory. In the page the runner exposes
// `__benchHeapUsed`, which forces a full GC and reads JSHeapUsedSize over the
// DevTools protocol; without it (a page opened by hand) this falls back to
// `performance.memory`, which is precise only with --enable-precise-memory-info.
// In Node it is process.memoryUsage().

interface HeapHost {
  __benchHeapUsed?: () => Promise<number>;
  gc?: () => void;
  performance?: { memory?: { usedJSHeapSize: number } };
  process?: { memoryUsage(): { heapUsed: number } };
}

/** Bytes of JS heap in use after a full collection, where one can be forced. */
export async function heapUsed(): Promise<number> {
  const host = globalThis as HeapHost;
  if (host.__benchHeapUsed) return host.__benchHeapUsed();
  host.gc?.();
  if (host.performance?.memory) return host.performance.memory.usedJSHeapSize;
  if (host.process) return host.process.memoryUsage().heapUsed;
  throw new Error('heapUsed: this host reports no heap size');
}
