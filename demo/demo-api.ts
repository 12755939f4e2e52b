import type { CatalogPatient, WardPatient } from './server/patient-catalog.js';

// What the portal asks its own server for (demo/server/demo-api-plugin.ts).
// A real portal would ask its identity provider for the user and a sync
// token, and its FHIR API for the patients.

export type { CatalogPatient, WardPatient };

/** Where charts come from: the hospital EHR (a SMART launch and a pull), or the Synthea bundles (an import). */
export type ChartSource = 'ehr' | 'bundle';

export interface DemoUser {
  id: string;
  name: string;
  /** The sync server's role: clinicians write; viewers and auditors read. */
  role: 'clinician' | 'viewer' | 'auditor';
  /** Who they are on the demo EHR (`Practitioner/…`), for those who can sign in there. */
  fhirUser?: string;
}

export interface DemoConfig {
  /** The sync server (ws://…), or null when the demo runs on this device only. */
  syncUrl: string | null;
  /** The demo EHR's FHIR base, or null when it is not running (charts then come from the bundles). */
  fhirBaseUrl: string | null;
}

const API = '/@demo';

async function get(path: string): Promise<Response> {
  const response = await fetch(`${API}${path}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path}: the portal's server answered ${response.status}`);
  return response;
}

export const demoApi = {
  config: async (): Promise<DemoConfig> => (await get('/config')).json() as Promise<DemoConfig>,
  /** The ward list: the FHIR server's patients, or the bundles' (which carry their file). */
  patients: async (source: ChartSource): Promise<WardPatient[]> =>
    (await get(`/patients${source === 'bundle' ? '?source=bundle' : ''}`)).json() as Promise<
      WardPatient[]
    >,
  users: async (): Promise<DemoUser[]> => (await get('/users')).json() as Promise<DemoUser[]>,
  /** A fresh sync token for the user, asked again before it expires. */
  token: async (userId: string): Promise<string> =>
    (await get(`/token?user=${encodeURIComponent(userId)}`)).text(),
  /** An EHR launch of the portal for the patient, made by the EHR for the user: the launch page's URL, with `iss` and `launch`. */
  launch: async (patientId: string, userId: string): Promise<string> =>
    (
      (await (
        await get(`/launch?${new URLSearchParams({ patient: patientId, user: userId })}`)
      ).json()) as { url: string }
    ).url,

  /** A patient's bundle as text, reporting bytes received as it downloads. */
  async bundle(
    patient: CatalogPatient,
    onBytes: (received: number, total: number) => void,
  ): Promise<string> {
    const response = await get(`/fixtures/${encodeURIComponent(patient.file)}`);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      text += decoder.decode(value, { stream: true });
      onBytes(received, patient.bytes);
    }
    return text + decoder.decode();
  },
};
