import type { CatalogPatient } from './server/patient-catalog.js';

// What the portal asks its own server for (demo/server/demo-api-plugin.ts).
// A real portal would ask its identity provider for the user and a sync
// token, and its FHIR API for the patients.

export type { CatalogPatient };

export interface DemoUser {
  id: string;
  name: string;
  /** The sync server's role: clinicians write; viewers and auditors read. */
  role: 'clinician' | 'viewer' | 'auditor';
}

export interface DemoConfig {
  /** The sync server (ws://…), or null when the demo runs on this device only. */
  syncUrl: string | null;
}

const API = '/@demo';

async function get(path: string): Promise<Response> {
  const response = await fetch(`${API}${path}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path}: the portal's server answered ${response.status}`);
  return response;
}

export const demoApi = {
  config: async (): Promise<DemoConfig> => (await get('/config')).json() as Promise<DemoConfig>,
  patients: async (): Promise<CatalogPatient[]> => (await get('/patients')).json() as Promise<CatalogPatient[]>,
  users: async (): Promise<DemoUser[]> => (await get('/users')).json() as Promise<DemoUser[]>,
  /** A fresh sync token for the user, asked again before it expires. */
  token: async (userId: string): Promise<string> => (await get(`/token?user=${encodeURIComponent(userId)}`)).text(),

  /** A patient's bundle as text, reporting bytes received as it downloads. */
  async bundle(patient: CatalogPatient, onBytes: (received: number, total: number) => void): Promise<string> {
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
