import { expect } from '../../support/testing.js';
import { firstValue, type LiveQuery } from '../../../model/index.js';
import { ChartDatabase } from '../../../storage/index.js';
import { NO_DATABASE, openFirstReads } from '../../../storage/first-reads.js';
import { INDEXEDDB_VERSION, PROJECTION_VERSION_KEY } from '../../../storage/schema-versions.js';
import {
  closeStartedStores,
  deviceWithChart,
  firstScreen,
  firstScreenReads,
  follow,
  readsOf,
  startTestStore,
} from '../../support/first-screen.js';
import { ChartDatabaseV1, installedVersion, openRaw, rejection } from '../../support/idb.js';
import { penicillinAllergy } from '../../support/resources.js';
import {
  closeTestStores,
  DR_ADA,
  openTestStore,
  uniqueDatabaseName,
} from '../../support/test-stores.js';

// A store started for a chart's first screen (startChartStore): its first
// values read straight from IndexedDB, then the store's own live queries.

describe('started chart store', () => {
  afterEach(async () => {
    await closeStartedStores();
    await closeTestStores();
  });

  it('knows the schema version database.ts declares', async () => {
    const db = new ChartDatabase(uniqueDatabaseName('version'));
    expect(Math.round(db.verno * 10)).to.equal(INDEXEDDB_VERSION);
  });

  it('reads straight from IndexedDB what the store reads', async () => {
    const { name, patientId } = await deviceWithChart();
    const reads = await readsOf(name);
    const store = await openTestStore(name);
    try {
      const queries = firstScreen(store, patientId);
      const straight = await firstScreenReads(reads, patientId);
      for (const [query, live] of Object.entries(queries))
        expect(straight[query as keyof typeof straight], query).to.deep.equal(
          await firstValue(live as LiveQuery<unknown>),
        );
      expect((await firstValue(queries.allergies)).length).to.be.greaterThan(0);
      expect((await firstValue(queries['vitals, a range'])).length).to.be.greaterThan(0);
      // The reading context is the three queries it stands for, answered alike.
      expect(await firstValue(queries['reading context'])).to.deep.equal({
        patient: await firstValue(queries.patient),
        conditions: await firstValue(queries.conditions),
        observations: await firstValue(queries['pregnancy status']),
      });
      expect((await firstValue(queries.conditions)).length).to.be.greaterThan(0);
    } finally {
      reads.close();
    }
  });

  it('reads asked for in one task share a transaction per store; one asked later has its own', async () => {
    const { name, patientId } = await deviceWithChart();
    const reads = await readsOf(name);
    const transaction = IDBDatabase.prototype.transaction;
    const scopes: string[] = [];
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
      scopes.push(String(args[0]));
      return transaction.apply(this, args);
    } as typeof transaction;
    try {
      const [present, allergies, medications, vitals] = await Promise.all([
        reads.stored(patientId),
        reads.lane(patientId, ['AllergyIntolerance']),
        reads.lane(patientId, ['MedicationRequest', 'MedicationStatement']),
        reads.observations(patientId, 'vital-signs', { limit: 8 }),
      ]);
      expect(scopes.sort()).to.deep.equal(['documents', 'records']);
      expect(present).to.equal(true);
      expect(allergies.length).to.be.greaterThan(0);
      expect(medications.length).to.be.greaterThan(0);
      expect(vitals.length).to.equal(8);
      // A task later, that transaction has finished: the next read is given a new one, and answers alike.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await reads.lane(patientId, ['AllergyIntolerance'])).to.deep.equal(allergies);
      expect(scopes.length).to.equal(3);
    } finally {
      IDBDatabase.prototype.transaction = transaction;
      reads.close();
    }
  });

  it('answers first from IndexedDB, then follows the store, changes included', async () => {
    const { name, patientId } = await deviceWithChart();
    const store = startTestStore(name);
    const allergies = follow(store.allergies(patientId));
    // The first read, then (the store opened once it was on screen) the store's own.
    const [first, second] = await allergies.count(2);
    expect(second).to.deep.equal(first);
    await store.recordAll([penicillinAllergy(patientId, 'alg-new')]);
    const lists = await allergies.count(3);
    allergies.stop();
    expect(lists[2]!.length).to.equal(first!.length + 1);
    expect(await firstValue(store.chartPresence(patientId))).to.equal('present');
  });

  it('hands the first screen its first values together, in one task', async () => {
    const { name, patientId } = await deviceWithChart();
    const store = startTestStore(name);
    const queries = firstScreen(store, patientId);
    const names = Object.keys(queries);
    const arrived: string[] = [];
    /** What had arrived when a task after the first value ran. */
    let byNextTask: string[] | undefined;
    const stops = Object.entries(queries).map(([query, live]) =>
      (live as LiveQuery<unknown>).subscribe({
        next: () => {
          if (!arrived.length) setTimeout(() => (byNextTask = [...arrived]));
          if (!arrived.includes(query)) arrived.push(query);
        },
      }),
    );
    while (byNextTask === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    for (const stop of stops) stop();
    expect([...byNextTask].sort()).to.deep.equal([...names].sort());
  });

  it('hands over the first values it has when one read is held up', async () => {
    const { name, patientId } = await deviceWithChart();
    // Another connection writes to the documents for three seconds: the chart's presence (read there) waits.
    const db = await openRaw(name);
    const holding = db.transaction('documents', 'readwrite');
    const documents = holding.objectStore('documents');
    const until = performance.now() + 3_000;
    const keepBusy = () => {
      if (performance.now() < until) documents.count().onsuccess = keepBusy;
    };
    keepBusy();
    let held = true;
    const released = new Promise((resolve) => (holding.oncomplete = resolve)).then(
      () => (held = false),
    );
    try {
      const store = startTestStore(name);
      const presence = follow(store.chartPresence(patientId));
      const allergies = follow(store.allergies(patientId));
      const [first] = await allergies.count(1);
      expect(first!.length).to.be.greaterThan(0);
      expect(held, 'the allergies came while the presence was held up').to.equal(true);
      expect((await presence.count(1))[0]).to.equal('present');
      presence.stop();
      allergies.stop();
    } finally {
      await released;
      db.close();
    }
  });

  it('opens the store by itself once the first values are on screen', async () => {
    const { name, patientId } = await deviceWithChart();
    const store = startTestStore(name);
    // Neither a command nor opened(): the store's live query gives the second value.
    const medications = follow(store.medications(patientId));
    const [first, second] = await medications.count(2);
    medications.stop();
    expect(second).to.deep.equal(first);
    expect((await store.opened()).user).to.equal(DR_ADA);
  });

  it('makes no database on a device that has none; the store makes it and answers', async () => {
    const name = uniqueDatabaseName('started-empty');
    expect(await openFirstReads(indexedDB, IDBKeyRange, name)).to.equal(NO_DATABASE);
    expect(await installedVersion(name), 'nothing made by looking').to.equal(undefined);
    const store = startTestStore(name);
    expect(await firstValue(store.chartPresence('pat-1'))).to.equal('absent');
    expect(await firstValue(store.allergies('pat-1'))).to.deep.equal([]);
    expect(await installedVersion(name)).to.equal(INDEXEDDB_VERSION);
  });

  it('leaves an older database to the store, which upgrades it', async () => {
    const name = uniqueDatabaseName('started-v1');
    const old = new ChartDatabaseV1(name);
    await old.open();
    old.close();
    expect(await openFirstReads(indexedDB, IDBKeyRange, name)).to.equal(undefined);
    const store = startTestStore(name);
    expect(await firstValue(store.chartPresence('pat-1'))).to.equal('absent');
    expect(await installedVersion(name)).to.equal(INDEXEDDB_VERSION);
  });

  it('leaves projections of another release to the store', async () => {
    const { name, patientId } = await deviceWithChart();
    const db = await openRaw(name);
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put({ key: PROJECTION_VERSION_KEY, value: 0 });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    // Read beside the projections' version, the first reads say nothing of them.
    const reads = await readsOf(name);
    const refused = await reads.lane(patientId, ['AllergyIntolerance']).then(
      () => 'answered',
      (error: Error) => error.message,
    );
    expect(refused).to.contain('another release');
    reads.close();
    // The store rebuilds them from the log.
    const store = startTestStore(name);
    expect((await firstValue(store.allergies(patientId))).length).to.be.greaterThan(0);
  });

  it("says 'version-change' for a database a newer release made", async () => {
    const name = uniqueDatabaseName('started-newer');
    (await openRaw(name, INDEXEDDB_VERSION + 10)).close();
    const store = startTestStore(name);
    expect((await rejection(firstValue(store.allergies('pat-1')))).code).to.equal('version-change');
    expect((await rejection(store.record(penicillinAllergy()))).code).to.equal('version-change');
  });
});
