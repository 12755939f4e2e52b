import { ContextProvider } from '@lit/context';
import { applySmartStyle, completeSmartLaunch, smartAuthorizationUrl } from '../ehr/index.js';
import { chartStoreContext } from '../model/index.js';
import { pullWithProgress } from './chart-pull.js';
import { demoApi, type DemoUser, type WardPatient } from './demo-api.js';
import { isLaunchAnswer, withoutLaunchAnswer } from './ehr-launch.js';
import { ImportStatus } from './import-status.js';
import { hasPatient, openLocalChart } from './local-charts.js';
import { demographics } from './patient-details.js';
import { portalClient } from './smart-app.js';

// A standalone SMART launch: "Sign in with the hospital EHR" goes to the
// EHR's authorization server, where the user signs in, picks a patient and
// allows access; back here the chart is pulled into the user's store on this
// device (the portal's, for the same user) and the kit's summary elements
// show it. The token stays in memory: after a reload the chart shows from
// the store, and a new pull needs a new sign-in.

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const chart = byId('chart');
const storeProvider = new ContextProvider(chart, { context: chartStoreContext });
await import('./kit-elements.js');

const status = new ImportStatus(byId('import-status'));
const signIn = byId<HTMLButtonElement>('sign-in');
const [config, users] = await Promise.all([demoApi.config(), demoApi.users()]);
signIn.addEventListener('click', () => void startLaunch());
// Enabled once it can do something.
signIn.disabled = !config.fhirBaseUrl;
if (!config.fhirBaseUrl) {
  status.failed('The hospital EHR is not running here: start the demo with `npm start`.');
}

const address = new URL(location.href);
if (isLaunchAnswer(address)) await finishLaunch(address);
else await showFromDevice(address.searchParams.get('user'), address.searchParams.get('patient'));

async function startLaunch(): Promise<void> {
  if (!config.fhirBaseUrl) return;
  status.working('Going to the hospital EHR to sign in…');
  try {
    location.assign(
      await smartAuthorizationUrl(portalClient('standalone'), { fhirBaseUrl: config.fhirBaseUrl }),
    );
  } catch (error) {
    status.failed(`The hospital EHR could not be reached: ${(error as Error).message}`);
  }
}

async function finishLaunch(answer: URL): Promise<void> {
  history.replaceState(history.state, '', withoutLaunchAnswer(answer));
  try {
    const session = await completeSmartLaunch(answer);
    const { fhirUser, patient: patientId, smartStyleUrl } = session.context;
    const user = users.find(
      (u) => u.fhirUser !== undefined && fhirUser?.endsWith(`/${u.fhirUser}`),
    );
    if (!user)
      throw new Error(
        `the EHR signed in ${fhirUser ?? 'someone'}, who is not one of this device’s users`,
      );
    if (!patientId) throw new Error('no patient was picked at the EHR');
    if (smartStyleUrl) await applySmartStyle(chart, smartStyleUrl).catch(() => undefined); // the kit keeps its own look
    const patient = await wardPatient(patientId);
    const store = await show(user, patient);
    await pullWithProgress(store, session, patient, status);
  } catch (error) {
    status.failed(`Signing in with the hospital EHR did not finish: ${(error as Error).message}`);
  }
}

/** After a reload: the chart from this device's store, at once. */
async function showFromDevice(userId: string | null, patientId: string | null): Promise<void> {
  const user = users.find((u) => u.id === userId);
  if (!user || !patientId) return;
  const patient = await wardPatient(patientId);
  const store = await show(user, patient);
  if (!(await hasPatient(store, patientId)))
    status.failed(
      `${patient.name}’s chart is not on this device: sign in with the hospital EHR to copy it here.`,
    );
}

/** Opens the user's store and points the elements at the patient. */
async function show(user: DemoUser, patient: WardPatient) {
  const store = await openLocalChart(user);
  storeProvider.setValue(store);
  const url = new URL(location.href);
  url.search = new URLSearchParams({ user: user.id, patient: patient.patientId }).toString();
  history.replaceState(history.state, '', url);
  byId('signed-in-as').textContent = `Signed in as ${user.name}`;
  byId('signed-in-as').hidden = false;
  byId('patient-name').textContent = patient.name;
  byId('patient-demographics').textContent = demographics(patient);
  document.title = `${patient.name} · Chart viewer · Northfield Royal Infirmary`;
  for (const element of chart.querySelectorAll('[patient-id]'))
    element.setAttribute('patient-id', patient.patientId);
  byId('chart-body').hidden = false;
  return store;
}

/** The patient as the ward list describes them (the hospital's FHIR server). */
async function wardPatient(patientId: string): Promise<WardPatient> {
  const found = (await demoApi.patients('ehr').catch(() => [])).find(
    (p) => p.patientId === patientId,
  );
  return found ?? { patientId, name: `Patient ${patientId}` };
}
