import { demoApi, type DemoUser } from './demo-api.js';

// Opening a chart through the hospital EHR, the portal's side: the portal
// asks its server for an EHR launch of the chart (as the EHR makes one when
// a clinician opens the app from a patient's record) and goes to its launch
// page; the launch comes back here with the authorization server's answer.
// The page back from the launch completes it (completeSmartLaunch); the
// session (its token) stays in that page's memory. Only who launched waits
// in session storage across the round trip.

const LAUNCHED_BY = 'northfield-portal launched by';
const ANSWER_PARAMS = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri'];

/** Leaves the page for the EHR launch of the patient's chart, as the user. */
export async function launchChart(patientId: string, user: DemoUser): Promise<void> {
  const url = await demoApi.launch(patientId, user.id);
  sessionStorage.setItem(LAUNCHED_BY, user.id);
  location.assign(url);
}

/** Whether the page was opened with the authorization server's answer to a launch (a code or an error, with the state). */
export function isLaunchAnswer(url: URL): boolean {
  return (
    url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'))
  );
}

/** The address without the answer's parameters (a code is used once; a reload must not replay it). */
export function withoutLaunchAnswer(url: URL): URL {
  const clean = new URL(url);
  for (const name of ANSWER_PARAMS) clean.searchParams.delete(name);
  return clean;
}

/** The user who left this tab for a launch (once), or undefined when it began none. */
export function takeLauncher(): string | undefined {
  const userId = sessionStorage.getItem(LAUNCHED_BY) ?? undefined;
  sessionStorage.removeItem(LAUNCHED_BY);
  return userId;
}
