import { ContextProvider } from '@lit/context';
import { chartStoreContext, syncStatusContext, WRITING_ROLES } from '../model/index.js';
import type { DexieChartStore } from '../storage/index.js';
import type { ChartConnection } from '../sync/index.js';
import { openChartView, setUpChartViews } from './chart-views.js';
import { settled, shareChart } from './chart-sync.js';
import { demoApi, type CatalogPatient, type DemoConfig, type DemoUser } from './demo-api.js';
import { EventLog } from './event-log.js';
import { ImportStatus } from './import-status.js';
import { chartUser, deleteLocalCharts, hasPatient, openLocalChart } from './local-charts.js';
import { NotesPanel } from './notes-panel.js';
import { demographics } from './patient-details.js';
import { PatientPicker } from './patient-picker.js';
import { setUpThemeSwitch } from './theme-switch.js';
import { UserPicker } from './user-picker.js';
import { importBundle } from '../storage/index.js';

// The portal's wiring: who is signed in, which patient is open, and the
// store (and sync connection) the kit's elements get from their context.

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const chart = byId('chart');
const chartBody = byId('chart-body');

// 1. The providers, on the portal's own elements. Every kit element inside
//    <main> gets the chart store from here; <emr-sync-status> in the header
//    gets the sync connection. They listen before the elements are defined:
//    an element asks for its store when it connects.
const storeProvider = new ContextProvider(chart, { context: chartStoreContext });
const syncProvider = new ContextProvider(byId('masthead'), { context: syncStatusContext });
await import('./kit-elements.js');

// 2. The portal's own parts.
setUpThemeSwitch(byId('theme-select'));
setUpChartViews(chartBody.querySelector('.chart-tabs')!, chartBody.querySelectorAll<HTMLElement>('.view'));
const eventLog = new EventLog(document, byId('event-log'), byId('event-log-empty'));
byId('clear-events').addEventListener('click', () => eventLog.clear());
const status = new ImportStatus(byId('import-status'));
const notes = new NotesPanel(document, byId('chart-body').querySelector('emr-note-editor')!, byId('note-editor-hint'), byId('new-note'), () => openChartView('notes'));

/** What is open now. `generation` tells a late answer for an earlier choice to stand down. */
const session: {
  config: DemoConfig;
  user?: DemoUser;
  store?: DexieChartStore;
  patient?: CatalogPatient;
  connection?: ChartConnection;
  generation: number;
} = { config: { syncUrl: null }, generation: 0 };

const [config, users, patients] = await Promise.all([demoApi.config(), demoApi.users(), demoApi.patients()]);
session.config = config;
const params = new URLSearchParams(location.search);
const picker = new PatientPicker(byId('patient-picker'), patients, (patient) => {
  void openPatient(patient);
  // To the chart, as after a change of page: on a phone it sits below the ward list, out of sight.
  byId('chart').focus();
});
const userPicker = new UserPicker(byId('user-select'), users, params.get('user'), (user) => void signIn(user));
byId('reset-data').addEventListener('click', () => void resetLocalData());

await signIn(userPicker.current);
const requested = patients.find((p) => p.patientId === params.get('patient'));
if (requested) await openPatient(requested);

/** Opens the user's own store on this device and hands it to the elements. */
async function signIn(user: DemoUser): Promise<void> {
  const generation = ++session.generation;
  setParam('user', user.id);
  stopSharing();
  const previous = session.store;
  session.user = user;
  session.store = await openLocalChart(user);
  storeProvider.setValue(session.store);
  await previous?.close();
  byId<HTMLButtonElement>('new-note').disabled = !WRITING_ROLES.includes(chartUser(user).role);
  if (generation !== session.generation) return;
  await showOnDevice();
  if (session.patient) await openPatient(session.patient);
}

async function openPatient(patient: CatalogPatient): Promise<void> {
  const { store, user } = session;
  if (!store || !user) return;
  const generation = ++session.generation;
  session.patient = patient;
  setParam('patient', patient.patientId);
  picker.setCurrent(patient.patientId);
  showPatient(patient);

  stopSharing();
  if (session.config.syncUrl) {
    session.connection = shareChart(store, patient.patientId, user, session.config.syncUrl);
    syncProvider.setValue(session.connection);
  }
  notes.reset(session.connection);

  if (await hasPatient(store, patient.patientId)) return status.clear(); // instant: the chart is on this device
  if (session.connection) {
    status.working(`Looking for ${patient.name}’s chart on the sync server…`);
    await settled(session.connection, 10_000);
    if (generation !== session.generation) return;
    if (await hasPatient(store, patient.patientId)) {
      status.done(`${patient.name}’s chart came from the sync server.`);
      return void showOnDevice();
    }
  }
  await importChart(store, patient, generation);
}

/** Copies the patient's bundle into the store, with progress. */
async function importChart(store: DexieChartStore, patient: CatalogPatient, generation: number): Promise<void> {
  if (!WRITING_ROLES.includes(store.user.role)) {
    return status.failed(`${patient.name}’s chart is not on this device. ${store.user.displayName} reads charts but cannot import them: open it as a clinician first${session.config.syncUrl ? ', and it arrives here through sync' : ''}.`);
  }
  try {
    const bundle = await demoApi.bundle(patient, (received, total) => status.downloading(patient.name, received, total));
    const summary = await importBundle(store, bundle, { onProgress: (progress) => status.importing(patient.name, progress) });
    if (generation !== session.generation) return;
    const saved = Object.values(summary.counts).reduce((sum, n) => sum + (n ?? 0), 0);
    status.done(`${patient.name}’s chart is on this device: ${saved.toLocaleString('en-GB')} records.`);
    await showOnDevice();
  } catch (error) {
    status.failed(`${patient.name}’s chart could not be imported: ${(error as Error).message}`);
  }
}

function showPatient(patient: CatalogPatient): void {
  byId('patient-name').textContent = patient.name;
  byId('patient-demographics').textContent = demographics(patient);
  document.title = `${patient.name} · Clinician portal · Northfield Royal Infirmary`;
  for (const element of chartBody.querySelectorAll('[patient-id]')) element.setAttribute('patient-id', patient.patientId);
  chartBody.hidden = false;
}

async function showOnDevice(): Promise<void> {
  const store = session.store;
  if (!store) return;
  const present = await Promise.all(patients.map(async (p) => ((await hasPatient(store, p.patientId)) ? p.patientId : '')));
  if (store === session.store) picker.showOnDevice(new Set(present.filter(Boolean)));
}

/** Leaves the sync server for the open chart (before its store closes). */
function stopSharing(): void {
  session.connection?.destroy();
  session.connection = undefined;
}

async function resetLocalData(): Promise<void> {
  if (!confirm('Delete every chart this portal saved on this device? Charts shared through the sync server stay there.')) return;
  session.generation++;
  stopSharing();
  await session.store?.close();
  session.store = undefined;
  await deleteLocalCharts();
  const url = new URL(location.href);
  url.searchParams.delete('patient');
  location.replace(url);
}

function setParam(name: string, value: string): void {
  const url = new URL(location.href);
  url.searchParams.set(name, value);
  history.replaceState(history.state, '', url);
}
