// Giving 1,000 changes made in the kit back to the demo EHR (Medplum's
// engine on 127.0.0.1): deliverChanges draining an outbox of 1,000 revised
// observations, against the same 1,000 PUTs (If-Match, four in flight, as
// FhirHttp sends them) sent straight with fetch. The ratio is what the
// outbox adds: reading the queue and each revision, finding the version each
// was made from and the EHR's id, and writing each answer back to IndexedDB.
// No Synthea patient has 1,000 observations: each sample first creates its
// own in the EHR (untimed), through the kit for the subject and by POST for
// the baseline.
import type { Observation, Revision } from '../../model/index.js';
import { bearerToken, deliverChanges, type DeliveryController } from '../../ehr/index.js';
import type { DexieChartStore } from '../../storage/index.js';
import { toResult, type BenchResult } from '../harness/index.js';
import { measurePhasedPair } from '../harness/phased.js';
import { dropStore, freshStore, served, type Served } from './ehr-pull.bench.js';

const CHANGES = 1000;
const IN_FLIGHT = 4;

let edition = 0;

function pulse(patientId: string, i: number): Observation {
  return {
    resourceType: 'Observation',
    id: crypto.randomUUID(),
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'vital-signs',
          },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    valueQuantity: {
      value: 60 + (i % 40),
      unit: 'beats/minute',
      system: 'http://unitsofmeasure.org',
      code: '/min',
    },
  };
}

const checked = (observation: Observation, mark: number): Observation => ({
  ...observation,
  note: [{ text: `checked again (${mark})` }],
});

/** Resolves once nothing waits and `sent` changes are confirmed; rejects when the link stops. */
function delivered(delivery: DeliveryController, sent: number): Promise<void> {
  let stop = () => {};
  return new Promise<void>((resolve, reject) => {
    stop = delivery.subscribe(({ link, counts, problem }) => {
      if (link === 'idle' && counts.waiting === 0 && counts.sent === sent) resolve();
      const wrong = counts.refused + counts.conflict + counts['not-accepted'];
      if (link === 'unreachable' || link === 'sign-in-needed' || wrong > 0)
        reject(new Error(`delivery stopped: ${link} ${problem ?? JSON.stringify(counts)}`));
    });
  }).finally(() => stop());
}

interface Subject {
  name: string;
  store: DexieChartStore;
}

interface Baseline {
  /** The observations as the EHR holds them after the POSTs. */
  created: Observation[];
  mark: number;
}

export default async function ehrDeliver(): Promise<BenchResult[]> {
  const ehr = await served('synthea');
  const patient = ehr.patients[0]!;
  const connection = {
    fhirBaseUrl: ehr.fhirBaseUrl,
    auth: bearerToken(patient.token),
    allow: { Observation: ['create', 'update'] as const },
    maxInFlight: IN_FLIGHT,
  };
  const samples = await measurePhasedPair<Subject, Baseline>(
    {
      // The kit records the observations, gives them to the EHR, then changes each once.
      async setup() {
        const prepared = await freshStore();
        const made: Revision[] = [];
        for (let i = 0; i < CHANGES; i++)
          made.push(await prepared.store.record(pulse(patient.id, i)));
        const creating = deliverChanges(prepared.store, connection);
        await delivered(creating, CHANGES);
        creating.stop();
        const mark = ++edition;
        for (const revision of made)
          await prepared.store.revise(
            checked(revision.resource as Observation, mark),
            revision.revisionId,
          );
        return prepared;
      },
      async run({ store }) {
        const delivery = deliverChanges(store, connection);
        await delivered(delivery, 2 * CHANGES);
        delivery.stop();
      },
      teardown: dropStore,
    },
    {
      async setup() {
        const created = await inFlight(
          Array.from({ length: CHANGES }, (_, i) => pulse(patient.id, i)),
          (observation) => {
            const { id: _id, ...body } = observation;
            return send(ehr, patient, 'POST', 'Observation', body);
          },
        );
        return { created, mark: ++edition };
      },
      async run({ created, mark }) {
        await inFlight(created, (observation) =>
          send(ehr, patient, 'PUT', `Observation/${observation.id}`, checked(observation, mark), {
            'if-match': `W/"${observation.meta!.versionId}"`,
          }),
        );
      },
    },
    { repeat: 3, warmup: 0 },
  );
  return [
    toResult({
      name: 'ehr-deliver.drain',
      unit: 'ms',
      ...samples,
      target: { max: 1.5 },
      notes: { changes: CHANGES, 'in flight': IN_FLIGHT },
    }),
  ];
}

/** Runs `task` on every item, IN_FLIGHT at a time; answers the results in order. */
async function inFlight<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i]!);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return results;
}

async function send(
  ehr: Served,
  patient: Served['patients'][number],
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Observation> {
  const response = await fetch(`${ehr.fhirBaseUrl}/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${patient.token}`,
      accept: 'application/fhir+json',
      'content-type': 'application/fhir+json',
      ...headers,
    },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Observation;
}
