import { coreDocumentName, type Patient } from '../model/index.js';
import { newestFirst, toChartRecord } from './chart-record.js';
import type { DocumentRow, MetaRow, RecordRow } from './chart-tables.js';
import { sortableDate } from './projection.js';
import type { RecordReads } from './reading-context.js';
import {
  INDEXEDDB_VERSION,
  PROJECTION_VERSION,
  PROJECTION_VERSION_KEY,
} from './schema-versions.js';

// The reads a chart's first screen makes, straight from IndexedDB, so that
// its rows are on screen before Dexie and the rest of the store are loaded
// (started-chart-store.ts). The same ranges over the same indexes as the
// store's queries (queries.ts), answering alike; only a database of this
// release with its projections up to date is read, anything else is left
// to the store, which upgrades, rebuilds or says why it cannot.

/** Dexie's bounds of a key range: below and above every key. */
const MIN_KEY = -Infinity;
const MAX_KEY = [[]];

export interface FirstReads extends RecordReads {
  /** Whether the patient's chart is on this device (its core document is stored). */
  stored(patientId: string): Promise<boolean>;
  close(): void;
}

/** IndexedDB 3's `getAllRecords`, where the browser has it: a range in either direction, up to a count, in one request. */
type IndexWithRecords = IDBIndex & {
  getAllRecords?(options: {
    query: IDBKeyRange;
    count: number;
    direction: 'prev';
  }): IDBRequest<Array<{ value: RecordRow }>>;
};

type StoreName = 'records' | 'documents';

/** A request placed on a transaction that has finished, or is between tasks. */
const isNoLongerActive = (error: unknown) =>
  error instanceof DOMException &&
  (error.name === 'TransactionInactiveError' || error.name === 'InvalidStateError');

const promised = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

/** What openFirstReads found when there is no database: nothing of any chart is on this device. */
export const NO_DATABASE = 'no-database';

/** The database as it stands, NO_DATABASE when there is none (it is not made here), or undefined when it cannot be opened. */
function openAsItStands(
  factory: IDBFactory,
  name: string,
): Promise<IDBDatabase | typeof NO_DATABASE | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    let missing = false;
    try {
      request = factory.open(name);
    } catch {
      return resolve(undefined);
    }
    // No database: opening without a version would make an empty one.
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      resolve(missing ? NO_DATABASE : undefined);
    };
  });
}

/**
 * Opens the database for the first reads: NO_DATABASE when there is none,
 * undefined when it cannot be read straight (of another version: the store
 * upgrades it). Whether its projections are this release's is read beside
 * the first reads, not before them: where they are not (the store rebuilds
 * them), every read rejects, and the store answers.
 */
export async function openFirstReads(
  factory: IDBFactory | undefined,
  keyRange: typeof IDBKeyRange | undefined,
  name: string,
): Promise<FirstReads | typeof NO_DATABASE | undefined> {
  const db = factory && keyRange && (await openAsItStands(factory, name));
  if (db === NO_DATABASE) return db;
  if (!db || !keyRange) return undefined;
  // Another tab upgrading or deleting it: let go at once.
  db.onversionchange = () => db.close();
  const stores = db.objectStoreNames;
  if (
    db.version !== INDEXEDDB_VERSION ||
    !['records', 'documents', 'meta'].every((store) => stores.contains(store))
  ) {
    db.close();
    return undefined;
  }
  const current = promised<MetaRow | undefined>(
    db.transaction('meta').objectStore('meta').get(PROJECTION_VERSION_KEY),
  ).then(
    (row) => row?.value === PROJECTION_VERSION,
    () => false,
  );
  void current.then((usable) => usable || db.close());
  return checkedReads(firstReads(db, keyRange), current);
}

/** The reads, each asked for at once and answered once `current` says the projections are this release's; rejected when not. */
function checkedReads(reads: FirstReads, current: Promise<boolean>): FirstReads {
  const checked = async <T>(answer: Promise<T>): Promise<T> => {
    answer.catch(() => undefined); // said below, when current
    if (!(await current)) throw new Error('projections of another release: left to the store');
    return answer;
  };
  // Each read is placed at once, with the other reads of this task.
  return {
    stored: (patientId) => checked(reads.stored(patientId)),
    patient: (patientId) => checked(reads.patient(patientId)),
    lane: (patientId, lanes) => checked(reads.lane(patientId, lanes)),
    observations: (patientId, lane, query) => checked(reads.observations(patientId, lane, query)),
    close: () => reads.close(),
  };
}

function firstReads(db: IDBDatabase, keyRange: typeof IDBKeyRange): FirstReads {
  /**
   * The first screen asks for all its reads at once, in one task: the reads
   * of a store share one transaction (a transaction each was most of their
   * script time). One per store, so that records are read while another
   * connection holds the documents. A request in a later task, when that
   * transaction is no longer active, is given a new one.
   */
  const shared = new Map<StoreName, IDBTransaction>();
  function request<T>(
    name: StoreName,
    make: (store: IDBObjectStore) => IDBRequest<T>,
  ): IDBRequest<T> {
    const current = shared.get(name);
    if (current) {
      try {
        return make(current.objectStore(name));
      } catch (error) {
        if (!isNoLongerActive(error)) throw error;
      }
    }
    const fresh = db.transaction(name);
    shared.set(name, fresh);
    return make(fresh.objectStore(name));
  }

  /** Rows of an index between two keys (from inclusive, to exclusive), newest last, or the newest `limit` of them. */
  async function range(
    index: string,
    from: unknown[],
    to: unknown[],
    limit?: number,
  ): Promise<RecordRow[]> {
    const bounds = keyRange.bound(from, to, false, true);
    const source = (store: IDBObjectStore) => store.index(index) as IndexWithRecords;
    if (limit === undefined)
      return promised(request('records', (store) => source(store).getAll(bounds)));
    // The newest `limit` in one request where the browser can (Chromium 141 and later).
    let viaCursor = false;
    const answer = request('records', (store): IDBRequest => {
      const rows = source(store);
      if (typeof rows.getAllRecords === 'function')
        return rows.getAllRecords({ query: bounds, count: limit, direction: 'prev' });
      viaCursor = true;
      return rows.openCursor(bounds, 'prev');
    });
    if (!viaCursor)
      return (await promised(answer as IDBRequest<Array<{ value: RecordRow }>>)).map(
        (record) => record.value,
      );
    const cursor = answer as IDBRequest<IDBCursorWithValue | null>;
    const rows: RecordRow[] = [];
    return new Promise((resolve, reject) => {
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || rows.length >= limit) return resolve(rows);
        rows.push(at.value as RecordRow);
        at.continue();
      };
      cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
    });
  }

  return {
    async stored(patientId) {
      const row = await promised<DocumentRow | undefined>(
        request('documents', (store) => store.get(coreDocumentName(patientId))),
      );
      return row !== undefined;
    },

    async patient(patientId) {
      const row = await promised<RecordRow | undefined>(
        request('records', (store) => store.get(`Patient/${patientId}`)),
      );
      return row ? toChartRecord<Patient>(row) : undefined;
    },

    async lane(patientId, lanes) {
      const ranges = await Promise.all(
        lanes.map((lane) =>
          range('[patientId+lane+date]', [patientId, lane, MIN_KEY], [patientId, lane, MAX_KEY]),
        ),
      );
      return ranges
        .flat()
        .sort(newestFirst)
        .map((row) => toChartRecord(row));
    },

    async observations(patientId, lane, { codes, from, to, limit }) {
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
        throw new RangeError('left to the store, which says why');
      const ranges = await Promise.all(
        (codes ?? [undefined]).map((code) => {
          const prefix = [patientId, lane, ...(code ? [code] : [])];
          return range(
            code ? '[patientId+lane+code+date]' : '[patientId+lane+date]',
            [...prefix, sortableDate(from) ?? MIN_KEY],
            [...prefix, sortableDate(to) ?? MAX_KEY],
            limit,
          );
        }),
      );
      const rows = ranges.flat().sort(newestFirst);
      return (limit === undefined ? rows : rows.slice(0, limit)).map((row) => toChartRecord(row));
    },

    close: () => db.close(),
  };
}
