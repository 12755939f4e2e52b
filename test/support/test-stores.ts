import * as Y from 'yjs';
import { Dexie } from 'dexie';
import { firstValue, WRITING_ROLES, type ChartUser } from '../../model/index.js';
import {
  openChartStore,
  REVISIONS,
  type ChartStoreOptions,
  type DexieChartStore,
} from '../../storage/index.js';

export const DR_ADA: ChartUser = { id: 'u-ada', displayName: 'Dr Ada Okafor', role: 'clinician' };
export const NURSE_BO: ChartUser = { id: 'u-bo', displayName: 'Bo Lindqvist RN', role: 'nurse' };
export const PATIENT_VIEWER: ChartUser = {
  id: 'u-pat',
  displayName: 'Sam Patient',
  role: 'patient',
};

const opened: DexieChartStore[] = [];
const names = new Set<string>();
let counter = 0;

/** A database name no other test uses. */
export function uniqueDatabaseName(label = 'chart'): string {
  const name = `test-${label}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  names.add(name);
  return name;
}

export async function openTestStore(
  databaseName = uniqueDatabaseName(),
  user: ChartUser = DR_ADA,
  options: Omit<ChartStoreOptions, 'user' | 'databaseName'> = {},
): Promise<DexieChartStore> {
  names.add(databaseName);
  const store = await openChartStore({ ...options, databaseName, user });
  opened.push(store);
  return store;
}

/** Closes every store a test opened and deletes its databases. */
export async function closeTestStores(): Promise<void> {
  await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
  await Promise.all([...names].map((name) => Dexie.delete(name)));
  names.clear();
}

/** The first value of a live query that satisfies `accept` (an error rejects). */
export const valueOf = firstValue;

/** Puts the patient's chart on the device (its Patient record) when it is not there yet and the store's user may write. */
export async function withChartOnDevice(store: DexieChartStore, patientId: string): Promise<void> {
  if (
    (await valueOf(store.chartPresence(patientId))) !== 'absent' ||
    !WRITING_ROLES.includes(store.user.role)
  )
    return;
  await store.record({ resourceType: 'Patient', id: patientId });
}

/** Sends everything `from` has of a document that `to` lacks, the way a sync provider would. */
export async function sendDocument(
  from: DexieChartStore,
  to: DexieChartStore,
  name: string,
): Promise<void> {
  const source = await from.documents.open(name);
  const target = await to.documents.open(name);
  const update = Y.encodeStateAsUpdate(source, Y.encodeStateVector(target));
  await to.documents.applyRemoteUpdate(name, update);
}

export function revisionCount(doc: Y.Doc): number {
  return doc.getArray(REVISIONS).length;
}

/** A store holding a patient's chart with nothing in it but the patient: on this device, every list empty. */
export async function storeWithEmptyChart(
  patientId: string,
  user: ChartUser = DR_ADA,
): Promise<DexieChartStore> {
  const store = await openTestStore(undefined, user);
  await store.record({ resourceType: 'Patient', id: patientId });
  return store;
}
