import { ContextProvider } from '@lit/context';
import { applySmartStyle, completeSmartLaunch, type SmartSession } from '../ehr/index.js';
import {
  chartStoreContext,
  syncStatusContext,
  WRITING_ROLES,
  type DeliveryState,
} from '../model/index.js';
import type { DexieChartStore } from '../storage/index.js';
import type { ChartConnection } from '../sync/index.js';
import { pullWithProgress } from './chart-pull.js';
import { openChartView, setUpChartViews } from './chart-views.js';
import { ChartReview } from './chart-review.js';
import { RecordingPanel } from './recording-panel.js';
import { ReportPanel } from './report-panel.js';
import { settled, shareChart } from './chart-sync.js';
import { bringIntoView, recordInState } from './delivery-problems.js';
import {
  demoApi,
  type CatalogPatient,
  type ChartSource,
  type DemoConfig,
  type DemoUser,
  type WardPatient,
} from './demo-api.js';
import { EhrDelivery } from './ehr-delivery.js';
import { isLaunchAnswer, launchChart, takeLauncher, withoutLaunchAnswer } from './ehr-launch.js';
import { EventLog } from './event-log.js';
import { ImportStatus } from './import-status.js';
import { chartUser, deleteLocalCharts, hasPatient, openLocalChart } from './local-charts.js';
import { NotesPanel } from './notes-panel.js';
import { demographics } from './patient-details.js';
import { PatientPicker } from './patient-picker.js';
import { setUpThemeSwitch } from './theme-switch.js';
import { UserPicker } from './user-picker.js';
import { importBundle } from '../storage/index.js';

// The portal's wiring: who is signed in, which patient is open, where its
// chart comes from (the hospital EHR through a SMART launch, or with
// ?source=bundle the Synthea bundles), and the store (and sync connection)
// the kit's elements get from their context.

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const chart = byId('chart');
const chartBody = byId('chart-body');

// 1. The providers, on the portal's own elements. Every kit element inside
//    <main> gets the chart store from here; <emr-sync-status> in the header
//    gets the sync connection; with a SMART session, the header's
//    <emr-ehr-link> and the chart's elements get the delivery to the EHR.
//    They listen before the elements are defined: an element asks for its
//    store when it connects.
const storeProvider = new ContextProvider(chart, { context: chartStoreContext });
const syncProvider = new ContextProvider(byId('masthead'), { context: syncStatusContext });
const delivery = new EhrDelivery(document.body, document.querySelector('emr-sync-status')!);
await import('./kit-elements.js');

// 2. The portal's own parts.
setUpThemeSwitch(byId('theme-select'));
setUpChartViews(
  chartBody.querySelector('.chart-tabs')!,
  chartBody.querySelectorAll<HTMLElement>('.view'),
);
const eventLog = new EventLog(document, byId('event-log'), byId('event-log-empty'));
byId('clear-events').addEventListener('click', () => eventLog.clear());
const status = new ImportStatus(byId('import-status'));
const notes = new NotesPanel(
  document,
  byId('chart-body').querySelector('emr-note-editor')!,
  byId('note-editor-hint'),
  byId('new-note'),
  () => openChartView('notes'),
);

const recording = new RecordingPanel(
  chartBody.querySelectorAll('emr-medication-form, emr-allergy-form'),
  new ChartReview(byId('chart-review-card'), byId('chart-review')),
);
const reports = new ReportPanel(
  document,
  chartBody.querySelector('emr-report-viewer')!,
  byId('report-hint'),
  () => openChartView('results'),
);

const refreshButton = byId<HTMLButtonElement>('refresh-chart');

/** What is open now. `generation` tells a late answer for an earlier choice to stand down. */
const session: {
  config: DemoConfig;
  user?: DemoUser;
  store?: DexieChartStore;
  patient?: WardPatient;
  connection?: ChartConnection;
  generation: number;
} = { config: { syncUrl: null, fhirBaseUrl: null }, generation: 0 };

/** The SMART sessions of this page, by user and patient: in memory only, so after a reload the next pull needs a new launch. */
const ehrSessions = new Map<string, SmartSession>();
const sessionKey = (userId: string, patientId: string) => `${userId} ${patientId}`;
/** The patient just launched, whose chart is pulled when it opens. */
let pullOnOpen: string | undefined;

const [config, users] = await Promise.all([demoApi.config(), demoApi.users()]);
session.config = config;
const source: ChartSource =
  new URLSearchParams(location.search).get('source') === 'bundle' || !config.fhirBaseUrl
    ? 'bundle'
    : 'ehr';
if (isLaunchAnswer(new URL(location.href))) await finishEhrLaunch(new URL(location.href));
const patients = await demoApi.patients(source);
byId('patients-hint').textContent =
  source === 'ehr'
    ? 'Synthetic patients on the hospital EHR. Opening a chart the first time launches it through the EHR (SMART) and copies it to this device.'
    : 'Synthetic patients. A chart is copied to this device from its bundle the first time it is opened.';
const params = new URLSearchParams(location.search);
const picker = new PatientPicker(byId('patient-picker'), patients, (patient) => {
  void openPatient(patient);
  // To the chart, as after a change of page: on a phone it sits below the ward list, out of sight.
  byId('chart').focus();
});
const userPicker = new UserPicker(
  byId('user-select'),
  users,
  params.get('user'),
  (user) => void signIn(user),
);
byId('reset-data').addEventListener('click', () => void resetLocalData());
refreshButton.addEventListener('click', () => void refreshFromEhr());
document.addEventListener('emr-ehr-sign-in', () => void signInToEhr());
document.addEventListener('emr-ehr-link-select', (event) => void showProblem(event.detail.state));

await signIn(userPicker.current);
const requested = patients.find((p) => p.patientId === params.get('patient'));
if (requested) await openPatient(requested);

/** Opens the user's own store on this device and hands it to the elements. */
async function signIn(user: DemoUser): Promise<void> {
  const generation = ++session.generation;
  setParam('user', user.id);
  stopSharing();
  delivery.stop();
  const previous = session.store;
  // The user and their store change together: nothing in between acts for one with the other's store.
  const store = await openLocalChart(user);
  session.user = user;
  session.store = store;
  storeProvider.setValue(session.store);
  recording.useStore(store);
  await previous?.close();
  byId<HTMLButtonElement>('new-note').disabled = !WRITING_ROLES.includes(chartUser(user).role);
  if (generation !== session.generation) return;
  await showOnDevice();
  if (session.patient) await openPatient(session.patient);
}

async function openPatient(patient: WardPatient): Promise<void> {
  const { store, user } = session;
  if (!store || !user) {
    // Signing in is still opening this device's store: signIn() opens the chart once it has.
    session.patient = patient;
    picker.setCurrent(patient.patientId);
    return status.working(`Opening ${patient.name}’s chart…`);
  }
  const generation = ++session.generation;
  session.patient = patient;
  setParam('patient', patient.patientId);
  picker.setCurrent(patient.patientId);
  showPatient(patient);
  void recording.openChart(patient.patientId);

  stopSharing();
  startDelivery(store, user, patient);
  if (session.config.syncUrl) {
    session.connection = shareChart(store, patient.patientId, user, session.config.syncUrl);
    syncProvider.setValue(session.connection);
  }
  notes.reset(session.connection);
  reports.reset();

  if (pullOnOpen === patient.patientId) {
    pullOnOpen = undefined;
    return pullFromEhr(store, user, patient, generation);
  }
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
  // The bundle source's ward list is the catalog's: each patient names its bundle.
  if (source === 'bundle') return importChart(store, patient as CatalogPatient, generation);
  await pullFromEhr(store, user, patient, generation);
}

/** Pulls the chart with this page's session for it, or leaves for a new launch when there is none. */
async function pullFromEhr(
  store: DexieChartStore,
  user: DemoUser,
  patient: WardPatient,
  generation: number,
): Promise<void> {
  if (!WRITING_ROLES.includes(store.user.role)) {
    const missing = (await hasPatient(store, patient.patientId))
      ? ''
      : `${patient.name}’s chart is not on this device. `;
    return status.failed(
      `${missing}${store.user.displayName} reads charts but cannot pull them from the hospital EHR: a clinician opens it${session.config.syncUrl ? ', and it arrives here through sync' : ''}.`,
    );
  }
  const smart = ehrSessions.get(sessionKey(user.id, patient.patientId));
  if (!smart) {
    status.working(`Opening ${patient.name}’s chart through the hospital EHR…`);
    return launchChart(patient.patientId, user).catch((error: unknown) =>
      status.failed(
        `The hospital EHR did not launch ${patient.name}’s chart: ${(error as Error).message}`,
      ),
    );
  }
  await pullWithProgress(store, smart, patient, status);
  if (generation === session.generation) await showOnDevice();
}

/** Gives this user's changes back to the EHR with the session for the open chart; without one, nothing is given back. */
function startDelivery(store: DexieChartStore, user: DemoUser, patient: WardPatient): void {
  delivery.stop();
  const smart = ehrSessions.get(sessionKey(user.id, patient.patientId));
  if (smart) delivery.start(store, smart);
}

/** The EHR refused the session (<emr-ehr-link>'s "Sign in again"): renewed quietly if it can be, else a new launch, which comes back here with a new session. */
async function signInToEhr(): Promise<void> {
  const { store, user, patient } = session;
  if (!store || !user || !patient) return;
  const smart = ehrSessions.get(sessionKey(user.id, patient.patientId));
  if (smart && (await smart.refresh().catch(() => false))) return delivery.start(store, smart);
  status.working(`Signing in to the hospital EHR again for ${patient.name}’s chart…`);
  await launchChart(patient.patientId, user).catch((error: unknown) =>
    status.failed(`The hospital EHR did not sign you in: ${(error as Error).message}`),
  );
}

/** A count of problems chosen on <emr-ehr-link>: to the first record in that state, in the open chart or another on this device. */
async function showProblem(state: DeliveryState): Promise<void> {
  const { store, patient } = session;
  if (!store) return;
  const order = [patient, ...patients.filter((p) => p !== patient)].flatMap((p) =>
    p ? [p.patientId] : [],
  );
  const found = await recordInState(store, state, order);
  if (!found || store !== session.store) return;
  const other = patients.find((p) => p.patientId === found.patientId);
  if (other && other !== session.patient) await openPatient(other);
  await bringIntoView(chartBody, found.key);
}

function refreshFromEhr(): Promise<void> {
  const { store, user, patient } = session;
  if (!store || !user || !patient) return Promise.resolve();
  return pullFromEhr(store, user, patient, ++session.generation);
}

/** Back from the EHR's authorization server: the session for the launched chart, the user who launched it, and the EHR's style. */
async function finishEhrLaunch(answer: URL): Promise<void> {
  history.replaceState(history.state, '', withoutLaunchAnswer(answer));
  const userId = takeLauncher();
  if (userId) setParam('user', userId);
  try {
    const smart = await completeSmartLaunch(answer);
    const patientId = smart.context.patient;
    if (!userId || !patientId)
      throw new Error('the launch named no patient, or this tab did not begin it');
    ehrSessions.set(sessionKey(userId, patientId), smart);
    pullOnOpen = patientId;
    setParam('patient', patientId);
    // The EHR's look for the kit; when it cannot be read, the kit keeps its own.
    if (smart.context.smartStyleUrl)
      await applySmartStyle(byId('workspace'), smart.context.smartStyleUrl).catch(() => undefined);
  } catch (error) {
    status.failed(`The hospital EHR did not open the chart: ${(error as Error).message}`);
  }
}

/** Copies the patient's bundle into the store, with progress. */
async function importChart(
  store: DexieChartStore,
  patient: CatalogPatient,
  generation: number,
): Promise<void> {
  if (!WRITING_ROLES.includes(store.user.role)) {
    return status.failed(
      `${patient.name}’s chart is not on this device. ${store.user.displayName} reads charts but cannot import them: open it as a clinician first${session.config.syncUrl ? ', and it arrives here through sync' : ''}.`,
    );
  }
  try {
    const bundle = await demoApi.bundle(patient, (received, total) =>
      status.downloading(patient.name, received, total),
    );
    const summary = await importBundle(store, bundle, {
      onProgress: (progress) => status.importing(patient.name, progress),
    });
    if (generation !== session.generation) return;
    const saved = Object.values(summary.counts).reduce((sum, n) => sum + (n ?? 0), 0);
    status.done(
      `${patient.name}’s chart is on this device: ${saved.toLocaleString('en-GB')} records.`,
    );
    await showOnDevice();
  } catch (error) {
    status.failed(`${patient.name}’s chart could not be imported: ${(error as Error).message}`);
  }
}

function showPatient(patient: WardPatient): void {
  byId('patient-name').textContent = patient.name;
  refreshButton.hidden = source !== 'ehr';
  byId('patient-demographics').textContent = demographics(patient);
  document.title = `${patient.name} · Clinician portal · Northfield Royal Infirmary`;
  for (const element of chartBody.querySelectorAll('[patient-id]'))
    element.setAttribute('patient-id', patient.patientId);
  chartBody.hidden = false;
}

async function showOnDevice(): Promise<void> {
  const store = session.store;
  if (!store) return;
  const present = await Promise.all(
    patients.map(async (p) => ((await hasPatient(store, p.patientId)) ? p.patientId : '')),
  );
  if (store === session.store) picker.showOnDevice(new Set(present.filter(Boolean)));
}

/** Leaves the sync server for the open chart (before its store closes). */
function stopSharing(): void {
  session.connection?.destroy();
  session.connection = undefined;
}

async function resetLocalData(): Promise<void> {
  if (
    !confirm(
      'Delete every chart this portal saved on this device? Charts shared through the sync server stay there.',
    )
  )
    return;
  session.generation++;
  stopSharing();
  delivery.stop();
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
