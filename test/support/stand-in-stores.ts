import {
  ChartStoreError,
  type ChartStore,
  type ChartStoreErrorCode,
  type ChartUser,
  type LiveQuery,
} from '../../model/index.js';

// Stand-in ChartStores for the states a real store passes through too
// quickly to see or test: still loading, failing, importing. Element tests
// and stories both use them; they implement the port in model/ and need no
// database.

/** The user every stand-in store acts for. */
export const STAND_IN_USER: ChartUser = {
  id: 'u-stand-in',
  displayName: 'Dr Stand-in',
  role: 'clinician',
};

/**
 * The moment an import of the chart is being written: every list still
 * empty, the store saying `importing`. A stand-in store, since a real import
 * is over before a designer could look.
 */
export function importingStore(): ChartStore {
  const answer = <T>(value: T): LiveQuery<T> => ({
    subscribe(observer) {
      queueMicrotask(() => observer.next(value));
      return () => {};
    },
  });
  const empty = () => answer([] as never[]);
  const base = answering(() => {});
  return {
    ...base,
    chartPresence: () => answer('importing' as const),
    patient: () => answer(undefined),
    allergies: empty,
    medications: empty,
    conditions: empty,
    vitals: empty,
    observations: empty,
    readingContext: () => answer({ patient: undefined, conditions: [], observations: [] }),
    timeline: empty,
    notes: empty,
    conflicts: empty,
    timelineDensity: () => answer({ buckets: [] }),
    chartRecord: () => answer(undefined),
    chartRecords: (keys) => answer(keys.map(() => undefined)),
    labResults: () => answer({ observations: [], reports: [], more: false }),
  };
}

/** A store whose every query, and every command, answers the same way: never, or with an error. */
function answering(
  answer: (observer: { next(value: never): void; error?(error: ChartStoreError): void }) => void,
): ChartStore {
  const query = (): LiveQuery<never> => ({
    subscribe(observer) {
      answer(observer);
      return () => {};
    },
  });
  const command = () =>
    new Promise<never>((_, reject) => answer({ next: () => {}, error: reject }));
  return {
    user: STAND_IN_USER,
    chartPresence: query,
    patient: query,
    allergies: query,
    medications: query,
    conditions: query,
    vitals: query,
    observations: query,
    readingContext: query,
    timeline: query,
    timelineDensity: query,
    notes: query,
    conflicts: query,
    history: command,
    record: command,
    recordAll: command,
    revise: command,
    enterInError: command,
    resolveConflict: command,
    openNote: command,
    exportPatient: command,
    close: async () => {},
    chartRecord: query,
    chartRecords: query,
    labResults: query,
  };
}

/** Still loading: the pending state. */
export const pendingStore = (): ChartStore => answering(() => {});

/** Failing with a given error: the error state (e.g. 'unavailable' offline with nothing cached). */
export function failingStore(code: ChartStoreErrorCode, message: string): ChartStore {
  return answering((observer) =>
    queueMicrotask(() => observer.error?.(new ChartStoreError(code, message))),
  );
}

/** A real store with some of its methods replaced (one query failing, one spied on). */
export function overriding(store: ChartStore, methods: Partial<ChartStore>): ChartStore {
  return new Proxy(store, {
    get(target, name) {
      const value =
        (methods as Record<string | symbol, unknown>)[name] ?? Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
