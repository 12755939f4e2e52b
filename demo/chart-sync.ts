import type { DexieChartStore } from '../storage/index.js';
import { connectChart, type ChartConnection } from '../sync/index.js';
import type { SyncStatus } from '../model/index.js';
import { demoApi, type DemoUser } from './demo-api.js';

// Sharing the open chart through the sync server: the store's documents go
// to a y-websocket connection, which is also what <emr-sync-status> shows.

export function shareChart(
  store: DexieChartStore,
  patientId: string,
  user: DemoUser,
  serverUrl: string,
): ChartConnection {
  return connectChart({
    serverUrl,
    patientId,
    // The same Y.Docs the store writes to: what the page changes goes out, what comes in is saved and projected.
    documents: (name) => store.holdDocument(name),
    names: store.documentNames(patientId),
    unsent: store.unsentChanges(patientId),
    token: () => demoApi.token(user.id),
    user: { id: user.id, name: user.name },
  });
}

const SETTLED: readonly SyncStatus[] = ['synced', 'offline', 'refused'];

/**
 * Resolves once the chart is in step with the server, or it is clear that it
 * cannot be (offline, refused), or after `patienceMs`: whichever comes first.
 */
export function settled(connection: ChartConnection, patienceMs: number): Promise<SyncStatus> {
  return new Promise((resolve) => {
    if (SETTLED.includes(connection.state.status)) return resolve(connection.state.status);
    const finish = () => {
      clearTimeout(timer);
      stop();
      resolve(connection.state.status);
    };
    const timer = setTimeout(finish, patienceMs);
    const stop = connection.subscribe((state) => SETTLED.includes(state.status) && finish());
  });
}
