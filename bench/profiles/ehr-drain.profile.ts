// What ehr-deliver.drain times: 1,000 revised observations, already given to
// the demo EHR once, drained again (the setup is the suite's own, untimed).
// Prints the drain's wall time; the profile shows where the page's share goes.
import type { Observation, Revision } from '../../model/index.js';
import { bearerToken, deliverChanges, type DeliveryController } from '../../ehr/index.js';
import type { DexieChartStore } from '../../storage/index.js';
import { freshStore, served } from '../browser/ehr-pull.bench.js';

const CHANGES = 1000;
let store: DexieChartStore | undefined;
let connection: Parameters<typeof deliverChanges>[1] | undefined;

function pulse(patientId: string, i: number): Observation {
  return {
    resourceType: 'Observation',
    status: 'final',
    id: crypto.randomUUID(),
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    valueQuantity: { value: 60 + (i % 40), unit: 'beats/minute' },
  };
}

function delivered(delivery: DeliveryController, sent: number): Promise<void> {
  return new Promise<void>((resolve) => {
    delivery.subscribe(({ link, counts }) => {
      if (link === 'idle' && counts.waiting === 0 && counts.sent === sent) resolve();
    });
  });
}

export async function setup(): Promise<void> {
  const ehr = await served('synthea');
  const patient = ehr.patients[0]!;
  connection = {
    fhirBaseUrl: ehr.fhirBaseUrl,
    auth: bearerToken(patient.token),
    allow: { Observation: ['create', 'update'] as const },
    maxInFlight: 4,
  };
  ({ store } = await freshStore());
  const made: Revision[] = [];
  for (let i = 0; i < CHANGES; i++) made.push(await store.record(pulse(patient.id, i)));
  const creating = deliverChanges(store, connection);
  await delivered(creating, CHANGES);
  creating.stop();
  for (const revision of made)
    await store.revise(
      { ...(revision.resource as Observation), note: [{ text: 'checked again' }] },
      revision.revisionId,
    );
}

export default async function run(): Promise<string> {
  const t = performance.now();
  const delivery = deliverChanges(store!, connection!);
  await delivered(delivery, 2 * CHANGES);
  delivery.stop();
  return `drain ${(performance.now() - t).toFixed(0)} ms`;
}
