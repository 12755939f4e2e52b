import type { DeliveryController, DeliveryOptions, DeliveryStatus } from '../../ehr/index.js';
import type { MedicationRequest } from '../../model/index.js';
import { bearerToken, pullChart } from '../../ehr/index.js';
import type { DexieChartStore } from '../../storage/index.js';
import { demoEhr, type DemoEhr } from './ehr.js';
import { closeTestStores, valueOf } from './test-stores.js';

// Helpers of the tests that give changes back to the demo EHR.

/** Resolves with the first status of the delivery that satisfies `accept` (now or later). */
export function until(
  controller: DeliveryController,
  accept: (status: DeliveryStatus) => boolean,
): Promise<DeliveryStatus> {
  return new Promise((resolve) => {
    let done = false;
    // A status given during subscribe() comes before `stop` is set: stopped a microtask later.
    const stop = controller.subscribe((status) => {
      if (done || !accept(status)) return;
      done = true;
      resolve(status);
      queueMicrotask(() => stop());
    });
    if (done) stop();
  });
}

/** Nothing waiting, and the link at rest. */
export const settled = (status: DeliveryStatus) =>
  status.counts.waiting === 0 && status.link === 'idle';

/** A request as the host's fetch saw it go out. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** A fetch that records what is sent through it. */
export function recordingFetch(sent: SentRequest[], inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const headers = Object.fromEntries(
      Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [
        k.toLowerCase(),
        v,
      ]),
    );
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers,
      ...(typeof init?.body === 'string' && { body: JSON.parse(init.body) as unknown }),
    });
    return inner(input, init);
  };
}

/** Reads a resource straight from the FHIR server. */
export async function readFromEhr<T = Record<string, unknown>>(
  fhirBaseUrl: string,
  token: string,
  path: string,
): Promise<T> {
  const response = await fetch(`${fhirBaseUrl}/${path}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json' },
    // The server's version now, never the browser's cached copy of an earlier read.
    cache: 'no-cache',
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** Pulls the patient's medication orders into the store and answers the first, as the chart holds it. */
export async function pulledMedication(
  store: DexieChartStore,
  fhirBaseUrl: string,
  token: string,
  patientId: string,
) {
  await pullChart(store, {
    fhirBaseUrl,
    patientId,
    auth: { authorization: () => `Bearer ${token}` },
    types: ['MedicationRequest', 'AllergyIntolerance'],
  });
  const list = await valueOf(store.medications(patientId), (records) =>
    records.some((record) => record.current.resourceType === 'MedicationRequest'),
  );
  return list.find((record) => record.current.resourceType === 'MedicationRequest') as unknown as {
    key: string;
    current: MedicationRequest;
    heads: Array<{ revisionId: string }>;
  };
}

/** The scopes of a clinician who may write back to the EHR. */
export const WRITE_SCOPE = 'launch/patient openid fhirUser offline_access patient/*.cruds';

/** The order with its dose in words. */
export const withDose = (medication: MedicationRequest, text: string): MedicationRequest => ({
  ...medication,
  dosageInstruction: [{ text }],
});

export interface DeliveryTestbed {
  ehr: DemoEhr;
  /** The demo EHR's smallest patient. */
  patientId: string;
  /** A write token for that patient. */
  token: string;
  /** Delivery options to the demo EHR with that token, quick to back off: `defaults`, then `extra`. */
  options(extra?: Partial<DeliveryOptions>): DeliveryOptions;
}

/**
 * One file of delivery tests against the demo EHR: started before the first
 * test, its stores closed and its data restored after each, stopped after
 * the last. Call it at the top of the file; read its fields inside tests.
 */
export function deliveryTestbed(defaults: Partial<DeliveryOptions>): DeliveryTestbed {
  const bed: DeliveryTestbed = {
    ehr: undefined as unknown as DemoEhr,
    patientId: '',
    token: '',
    options: (extra = {}) => ({
      fhirBaseUrl: bed.ehr.fhirBaseUrl,
      auth: bearerToken(bed.token),
      allow: {},
      backoff: { baseMs: 20, maxMs: 200 },
      retry: { baseMs: 50, maxMs: 500 },
      ...defaults,
      ...extra,
    }),
  };
  before(async function () {
    this.timeout(60_000);
    bed.ehr = await demoEhr.start({ redirectUri: new URL('/callback', location.href).href });
    bed.patientId = bed.ehr.patients.reduce((a, b) => (a.size <= b.size ? a : b)).id;
    bed.token = (await demoEhr.token(bed.patientId, WRITE_SCOPE)).access_token;
  });
  after(() => demoEhr.stop());
  afterEach(async () => {
    await closeTestStores();
    await demoEhr.revive();
  });
  return bed;
}
