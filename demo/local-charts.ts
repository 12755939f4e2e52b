import { firstValue, type ChartUser, type UserRole } from '../model/index.js';
import { openChartStore, type DexieChartStore } from '../storage/index.js';
import type { DemoUser } from './demo-api.js';

// The charts on this device: one IndexedDB database per signed-in user, as
// two clinicians' computers would have, so that two windows signed in as
// different users share a chart only through the sync server.

const DATABASE_PREFIX = 'northfield-portal-';

const CHART_ROLE: Record<DemoUser['role'], UserRole> = {
  clinician: 'clinician',
  // The demo's viewer is a patient reading their own chart through the portal.
  viewer: 'patient',
  auditor: 'auditor',
};

/** Who the chart store records as the author of every change: the same id the sync token names. */
export function chartUser(user: DemoUser): ChartUser {
  return { id: user.id, displayName: user.name, role: CHART_ROLE[user.role] };
}

export function openLocalChart(user: DemoUser): Promise<DexieChartStore> {
  return openChartStore({ user: chartUser(user), databaseName: `${DATABASE_PREFIX}${user.id}` });
}

/** Whether the patient's chart is on this device (imported, or received through sync). */
export async function hasPatient(store: DexieChartStore, patientId: string): Promise<boolean> {
  return (await firstValue(store.patient(patientId))) !== undefined;
}

/** Deletes every demo database on this device. Close the stores first. */
export async function deleteLocalCharts(): Promise<void> {
  const names = (await indexedDB.databases())
    .map((db) => db.name ?? '')
    .filter((name) => name.startsWith(DATABASE_PREFIX));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
          // Another tab still holds it: it lets go when it sees the deletion (versionchange).
          request.onblocked = () => undefined;
        }),
    ),
  );
}
