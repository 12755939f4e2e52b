import { PREGNANCY_STATUS_CODES } from '../../clinical/index.js';
import type { ChartStore, LiveQuery } from '../../model/index.js';
import { importBundle, startChartStore, type StartedChartStore } from '../../storage/index.js';
import { openFirstReads, type FirstReads } from '../../storage/first-reads.js';
import { syntheaText } from './browser-fixtures.js';
import { DR_ADA, openTestStore, uniqueDatabaseName } from './test-stores.js';

// What the tests of a started store (startChartStore) share: stores
// started and closed again, a query's values as they come, a device with a
// chart on it, and the queries of a chart's first screen.

const started: StartedChartStore[] = [];

/** A store started on the database for Dr Ada, closed by closeStartedStores(). */
export function startTestStore(databaseName: string): StartedChartStore {
  const store = startChartStore({ user: DR_ADA, databaseName });
  started.push(store);
  return store;
}

export async function closeStartedStores(): Promise<void> {
  await Promise.all(started.splice(0).map((store) => store.close()));
}

/** A live query's values as they come; `count(n)` resolves once there are n. */
export function follow<T>(query: LiveQuery<T>) {
  const seen: T[] = [];
  const waiting: Array<() => void> = [];
  const stop = query.subscribe({
    next: (value) => {
      seen.push(value);
      for (const check of waiting.splice(0)) check();
    },
  });
  const count = (n: number) =>
    new Promise<T[]>((resolve) => {
      const check = () => (seen.length >= n ? resolve(seen) : waiting.push(check));
      check();
    });
  return { count, stop };
}

/** A database holding Versie Botsford's chart, imported by the store and closed again. */
export async function deviceWithChart(): Promise<{ name: string; patientId: string }> {
  const name = uniqueDatabaseName('started');
  const store = await openTestStore(name);
  const summary = await importBundle(store, await syntheaText('Versie_Botsford'));
  await store.close();
  return { name, patientId: summary.patientIds[0]! };
}

/** The first reads of a database of this release. */
export async function readsOf(name: string): Promise<FirstReads> {
  const reads = await openFirstReads(indexedDB, IDBKeyRange, name);
  if (typeof reads !== 'object') throw new Error(`${name} is not read straight: ${reads}`);
  return reads;
}

/** The queries a chart's first screen asks, by name. */
export function firstScreen(store: ChartStore, patientId: string) {
  return {
    chartPresence: store.chartPresence(patientId),
    patient: store.patient(patientId),
    allergies: store.allergies(patientId),
    medications: store.medications(patientId),
    conditions: store.conditions(patientId),
    notes: store.notes(patientId),
    vitals: store.vitals(patientId),
    'vitals, newest 20': store.vitals(patientId, { limit: 20 }),
    'vitals, a range': store.vitals(patientId, { from: '2015-01-01', to: '2020-01-01' }),
    'vitals, by code': store.vitals(patientId, { codes: ['8867-4', '8310-5'], limit: 3 }),
    'pregnancy status': store.observations(patientId, { codes: PREGNANCY_STATUS_CODES }),
    'reading context': store.readingContext(patientId, PREGNANCY_STATUS_CODES),
  };
}

/** The same queries, read from first reads (straight from IndexedDB, or from a bundle), by name. */
export async function firstScreenReads(
  reads: FirstReads,
  patientId: string,
): Promise<Record<keyof ReturnType<typeof firstScreen>, unknown>> {
  return {
    chartPresence: (await reads.stored(patientId)) ? 'present' : 'absent',
    patient: await reads.patient(patientId),
    allergies: await reads.lane(patientId, ['AllergyIntolerance']),
    medications: await reads.lane(patientId, ['MedicationRequest', 'MedicationStatement']),
    conditions: await reads.lane(patientId, ['Condition']),
    notes: await reads.lane(patientId, ['DocumentReference']),
    vitals: await reads.observations(patientId, 'vital-signs', {}),
    'vitals, newest 20': await reads.observations(patientId, 'vital-signs', { limit: 20 }),
    'vitals, a range': await reads.observations(patientId, 'vital-signs', {
      from: '2015-01-01',
      to: '2020-01-01',
    }),
    'vitals, by code': await reads.observations(patientId, 'vital-signs', {
      codes: ['8867-4', '8310-5'],
      limit: 3,
    }),
    'pregnancy status': await reads.observations(patientId, 'observation', {
      codes: PREGNANCY_STATUS_CODES,
    }),
    'reading context': {
      patient: await reads.patient(patientId),
      conditions: await reads.lane(patientId, ['Condition']),
      observations: await reads.observations(patientId, 'observation', {
        codes: PREGNANCY_STATUS_CODES,
      }),
    },
  };
}
