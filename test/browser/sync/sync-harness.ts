import { waitUntil } from '../../support/testing.js';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ChartUser, SyncState } from '../../../model/index.js';
import type { DexieChartStore } from '../../../storage/index.js';
import {
  connectChart,
  type ChartConnection,
  type ConnectChartOptions,
} from '../../../sync/index.js';
import { openTestStore, uniqueDatabaseName } from '../../support/test-stores.js';

// Devices for the sync tests: each a store on its own database and a chart
// connection to the real sync server the test runner started (see the
// sync-server plugin in web-test-runner.config.mjs), as the development users
// the server's development key signs tokens for.

export const OKAFOR: ChartUser = {
  id: 'dr-okafor',
  displayName: 'Dr Ada Okafor',
  role: 'clinician',
};
export const LINDQVIST: ChartUser = {
  id: 'dr-lindqvist',
  displayName: 'Dr Erik Lindqvist',
  role: 'clinician',
};

interface ServerAnswer {
  url: string;
  token?: string;
}

export async function serverUrl(): Promise<string> {
  return (await executeServerCommand<ServerAnswer, object>('sync-server', {})).url;
}

/** A development token from the server's key; `lifetime` like "8h", "3s", or "-1m" (expired). */
export async function devToken(
  userId: string,
  patients: readonly string[],
  lifetime = '1h',
): Promise<string> {
  const answer = await executeServerCommand<ServerAnswer, object>('sync-server', {
    token: { userId, patients, lifetime },
  });
  return answer.token!;
}

/** A patient no other test (or earlier run against the same server) uses. */
export function newPatientId(): string {
  return `sync-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

const connections: ChartConnection[] = [];

export interface Device {
  store: DexieChartStore;
  connection: ChartConnection;
  /** How many tokens the connection asked for. */
  tokensFetched(): number;
}

/** A store of its own and a connection for `patientId`; `token` defaults to a valid one-hour token for the user. */
export async function device(
  user: ChartUser,
  patientId: string,
  options: {
    token?: (count: number) => Promise<string>;
    connection?: Partial<ConnectChartOptions>;
    databaseName?: string;
    onRejectedRevision?: (doc: string, message: string) => void;
  } = {},
): Promise<Device> {
  const store = await openTestStore(
    options.databaseName ?? uniqueDatabaseName('sync'),
    user,
    options.onRejectedRevision ? { onRejectedRevision: options.onRejectedRevision } : {},
  );
  const url = await serverUrl();
  let fetched = 0;
  const connection = connectChart({
    serverUrl: url,
    patientId,
    documents: (name) => store.holdDocument(name),
    names: store.documentNames(patientId),
    unsent: store.unsentChanges(patientId),
    token: () => (options.token ?? (() => devToken(user.id, [patientId])))(++fetched),
    discoverEveryMs: 500,
    ...options.connection,
  });
  connections.push(connection);
  return { store, connection, tokensFetched: () => fetched };
}

/** Destroys every connection a test made (before the stores close). */
export function destroyConnections(): void {
  for (const connection of connections.splice(0)) connection.destroy();
}

/** Resolves once the connection's state satisfies `accept`. */
export async function until(
  connection: ChartConnection,
  accept: (state: SyncState) => boolean,
  message: string,
): Promise<SyncState> {
  await waitUntil(
    () => accept(connection.state),
    `${message}; the state stayed ${JSON.stringify(connection.state)}`,
    { timeout: 15_000, interval: 20 },
  );
  return connection.state;
}

export const synced = (state: SyncState) => state.status === 'synced' && state.waiting === 0;
