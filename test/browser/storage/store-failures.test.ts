import { expect } from '../../support/testing.js';
import { Dexie } from 'dexie';
import type { ChartStoreError } from '../../../model/index.js';
import { ChartDatabase, openChartStore } from '../../../storage/index.js';
import {
  ChartDatabaseV1,
  installedVersion,
  nativeVersion,
  openRaw,
  rejection,
  tableCounts,
} from '../../support/idb.js';
import { metformin, patient, penicillinAllergy } from '../../support/resources.js';
import {
  closeTestStores,
  DR_ADA,
  openTestStore,
  uniqueDatabaseName,
  valueOf,
} from '../../support/test-stores.js';

// How the store fails when IndexedDB does: each failure a ChartStoreError
// with a stable code, and nothing half-written behind it.

/** The schema version the store declares (Dexie's number, not IndexedDB's). */
const STORE_VERSION = new ChartDatabase('never-opened').verno;

/** An IDBOpenDBRequest that fails as a browser's does: an `error` event, with `error` set. */
class RefusedOpenRequest extends EventTarget {
  readonly readyState = 'done';
  readonly result = undefined;
  readonly transaction = null;
  onerror: ((event: Event) => void) | null = null;
  onsuccess: ((event: Event) => void) | null = null;
  onupgradeneeded: ((event: Event) => void) | null = null;
  onblocked: ((event: Event) => void) | null = null;

  constructor(readonly error: DOMException) {
    super();
    this.addEventListener('error', (event) => this.onerror?.(event));
    queueMicrotask(() =>
      this.dispatchEvent(new Event('error', { bubbles: true, cancelable: true })),
    );
  }
}

/** The browser's IndexedDB as a private window or a locked-down profile offers it: every open refused. */
function refusingIndexedDB(refuse: () => IDBOpenDBRequest): IDBFactory {
  return {
    open: refuse,
    deleteDatabase: refuse,
    databases: () =>
      Promise.reject(new DOMException('The operation is insecure.', 'SecurityError')),
    cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
  };
}

/** The first error a live query reports (a value is ignored). */
function liveError(
  subscribe: (observer: { next(): void; error(error: ChartStoreError): void }) => () => void,
): Promise<ChartStoreError> {
  return new Promise((resolve) => {
    const unsubscribe = subscribe({
      next() {},
      error(error) {
        queueMicrotask(() => unsubscribe());
        resolve(error);
      },
    });
  });
}

/** Connections this file's tests hold as "another tab": closed before the databases are deleted. */
const otherTabs: Array<{ close(): void }> = [];

afterEach(async () => {
  for (const tab of otherTabs.splice(0)) tab.close();
  await closeTestStores();
});

describe('opening the chart store when IndexedDB cannot be used', () => {
  it('rejects with "unavailable" when the browser refuses to open IndexedDB (a private window)', async () => {
    const refused = new DOMException(
      'The user denied permission to access the database.',
      'SecurityError',
    );
    const error = await rejection(
      openChartStore({
        user: DR_ADA,
        databaseName: uniqueDatabaseName('refused'),
        indexedDB: refusingIndexedDB(() => {
          throw refused;
        }),
        IDBKeyRange,
      }),
    );
    expect(error.code).to.equal('unavailable');
    expect(error.cause).to.equal(refused);
    expect(error.message).to.match(/cannot keep the chart on this device/);
    expect(error.message).to.match(/private window/);
    expect(error.message, 'no programmer words').not.to.match(
      /Error|IndexedDB|DOMException|denied permission/,
    );
  });

  it('rejects with "unavailable" when the open request fails with an error event', async () => {
    // What Firefox's private windows did: the request fails, nothing throws.
    const refused = new DOMException(
      'A mutation operation was attempted on a database that did not allow mutations.',
      'InvalidStateError',
    );
    const error = await rejection(
      openChartStore({
        user: DR_ADA,
        databaseName: uniqueDatabaseName('refused'),
        indexedDB: refusingIndexedDB(
          () => new RefusedOpenRequest(refused) as unknown as IDBOpenDBRequest,
        ),
        IDBKeyRange,
      }),
    );
    expect(error.code).to.equal('unavailable');
    expect((error.cause as Error).name).to.equal('InvalidStateError');
    expect(error.message).to.match(/cannot keep the chart on this device/);
  });
});

describe('the chart store and other tabs on other versions', () => {
  it('refuses a database that a newer release upgraded, and leaves it as that release made it', async () => {
    const name = uniqueDatabaseName('newer');
    // The next release: a table more, and an index of this one's dropped.
    const newer = new Dexie(name);
    newer.version(STORE_VERSION + 1).stores({
      updates: '++seq, [doc+seq]',
      documents: 'name, patientId',
      records: 'key, [patientId+lane+date], [patientId+lane+code+date], [patientId+date]',
      history: 'revisionId, key, *parents, [patientId+at]',
      meta: 'key',
      drafts: 'id',
    });
    await newer.open();
    newer.close();

    const error = await rejection(openChartStore({ user: DR_ADA, databaseName: name }));
    expect(error.code).to.equal('version-change');
    expect(error.message).to.match(/newer version of the chart/);
    expect(error.message).to.match(/reload/);

    // Not patched back to this release's schema, and no projection rebuilt into it.
    expect(await installedVersion(name)).to.equal(nativeVersion(STORE_VERSION + 1));
    const raw = await openRaw(name);
    otherTabs.push(raw);
    const transaction = raw.transaction(['records', 'meta'], 'readonly');
    expect([...transaction.objectStore('records').indexNames]).not.to.include(
      '[patientId+conflict]',
    );
    const metaRows = transaction.objectStore('meta').count();
    await new Promise((resolve) => (metaRows.onsuccess = resolve));
    expect(metaRows.result).to.equal(0);
  });

  it('refuses a database that a newer release upgraded, in a browser that cannot list its databases', async () => {
    // Firefox before 126 has no indexedDB.databases(): the store can look only once it has opened.
    const withoutDatabases = {
      open: (name: string, version?: number) =>
        version === undefined ? indexedDB.open(name) : indexedDB.open(name, version),
      deleteDatabase: (name: string) => indexedDB.deleteDatabase(name),
      cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
    } as IDBFactory;
    const name = uniqueDatabaseName('newer-unlisted');
    // The next release: this one's schema and an index more.
    const newer = new Dexie(name);
    newer.version(STORE_VERSION + 1).stores({
      updates: '++seq, [doc+seq]',
      documents: 'name, patientId',
      records:
        'key, [patientId+lane+date], [patientId+lane+code+date], [patientId+date], [patientId+conflict], resourceType',
      history: 'revisionId, key, *parents, [patientId+at]',
      meta: 'key',
      sent: 'name, patientId',
      laneDays: '[patientId+lane+day]',
      outbox: '++seq, &revisionId, [state+seq], [key+seq], [patientId+key]',
      deliveries: 'revisionId, key',
    });
    await newer.open();
    newer.close();

    const error = await rejection(
      openChartStore({
        user: DR_ADA,
        databaseName: name,
        indexedDB: withoutDatabases,
        IDBKeyRange,
      }),
    );
    expect(error.code).to.equal('version-change');
    expect(await installedVersion(name)).to.equal(nativeVersion(STORE_VERSION + 1));
    const db = new ChartDatabase(name);
    expect(await db.meta.count(), 'no projection rebuilt into it').to.equal(0);
    db.close();
  });

  it('refuses a database that another program created at a higher version with a schema of its own', async () => {
    const name = uniqueDatabaseName('foreign');
    const foreign = await openRaw(name, nativeVersion(STORE_VERSION) + 5, (db) =>
      db.createObjectStore('things'),
    );
    foreign.close();
    const error = await rejection(openChartStore({ user: DR_ADA, databaseName: name }));
    expect(error.code).to.equal('version-change');
    expect(await installedVersion(name)).to.equal(nativeVersion(STORE_VERSION) + 5);
  });

  it('rejects with "blocked" while a tab holds the older schema open and will not let go, instead of waiting', async () => {
    const name = uniqueDatabaseName('blocked');
    const older = new ChartDatabaseV1(name);
    // That tab's code ignores the request to close.
    older.on('versionchange', () => false);
    otherTabs.push(older);
    await older.meta.put({ key: 'projectionVersion', value: 1 });

    const error = await rejection(openChartStore({ user: DR_ADA, databaseName: name }));
    expect(error.code).to.equal('blocked');
    expect(error.message).to.match(/Another tab has an older version of the chart open: close it/);

    // Nothing changed under the older tab, which keeps working.
    expect(older.backendDB().version).to.equal(nativeVersion(1));
    expect(await installedVersion(name)).to.equal(nativeVersion(1));
    await older.meta.put({ key: 'still-working', value: true });
    expect(await older.meta.count()).to.equal(2);

    // Once that tab is closed, the store opens on the upgraded database.
    older.close();
    const store = await openTestStore(name);
    await store.record(penicillinAllergy());
    expect(await installedVersion(name)).to.equal(nativeVersion(STORE_VERSION));
  });

  it('waits for a tab that is letting go, though IndexedDB reports the upgrade blocked while its last transaction runs', async () => {
    const name = uniqueDatabaseName('letting-go');
    const older = new ChartDatabaseV1(name);
    await older.meta.put({ key: 'projectionVersion', value: 1 });
    // The browser's own IndexedDB, watched for the moment it reports the store's open blocked.
    let reportBlocked!: () => void;
    const blocked = new Promise<void>((resolve) => (reportBlocked = resolve));
    const watched: IDBFactory = {
      open(databaseName: string, version?: number) {
        const request =
          version === undefined
            ? indexedDB.open(databaseName)
            : indexedDB.open(databaseName, version);
        request.addEventListener('blocked', () => reportBlocked());
        return request;
      },
      deleteDatabase: (databaseName: string) => indexedDB.deleteDatabase(databaseName),
      databases: () => indexedDB.databases(),
      cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
    };
    // The older tab closes its connection while a transaction of it still runs,
    // until the store's upgrade has been reported blocked.
    let reported = false;
    void blocked.then(() => (reported = true));
    const transaction = older.backendDB().transaction('meta', 'readonly');
    const finished = new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onabort = () => reject(transaction.error);
    });
    let spins = 0;
    const keepBusy = () => {
      transaction.objectStore('meta').count().onsuccess = () => {
        if (!reported && ++spins < 100_000) keepBusy();
      };
    };
    keepBusy();
    older.close();

    const store = await openChartStore({
      user: DR_ADA,
      databaseName: name,
      indexedDB: watched,
      IDBKeyRange,
    });
    otherTabs.push({ close: () => void store.close() });
    expect(reported, 'IndexedDB reported the upgrade blocked').to.equal(true);
    await finished;
    expect(await installedVersion(name)).to.equal(nativeVersion(STORE_VERSION));
    await store.record(penicillinAllergy());
  });

  it('fails the next write, read and every live query with "version-change" once another tab upgrades the schema', async () => {
    const name = uniqueDatabaseName('upgraded');
    const store = await openTestStore(name);
    await store.record(patient());
    const recorded = await store.record(penicillinAllergy());
    const subscribed = liveError((observer) => store.allergies('pat-1').subscribe(observer));
    expect(await valueOf(store.allergies('pat-1'))).to.have.length(1);
    const before = await tableCounts(name);

    // A newer release in another tab: the same tables, an index more. It stays open.
    const newer = await openRaw(name, nativeVersion(STORE_VERSION + 1), (_db, request) => {
      request.transaction!.objectStore('records').createIndex('resourceType', 'resourceType');
    });
    otherTabs.push(newer);

    expect((await subscribed).code, 'an open live query').to.equal('version-change');
    const write = await rejection(
      store.revise({ ...penicillinAllergy(), criticality: 'low' }, recorded.revisionId),
    );
    expect(write.code).to.equal('version-change');
    expect(write.message).to.match(/reload/);
    expect((await rejection(store.record(metformin()))).code).to.equal('version-change');
    expect((await rejection(store.history('AllergyIntolerance/alg-1'))).code).to.equal(
      'version-change',
    );
    expect(
      (await liveError((observer) => store.medications('pat-1').subscribe(observer))).code,
      'a new live query',
    ).to.equal('version-change');

    // Nothing of the refused writes reached the database.
    expect(await tableCounts(name)).to.deep.equal(before);
  });
});
