// Giving 1,000 changes made in the kit back to the demo EHR (Medplum's
// engine on 127.0.0.1): deliverChanges draining an outbox of 1,000 revised
// vital signs, against the same 1,000 PUTs (If-Match, four in flight, as
// FhirHttp sends) sent straight with fetch. The ratio is what the outbox
// adds: reading the queue and each revision, finding the version each was
// made from, and writing each answer back to IndexedDB.
import type { ChartRecord, Observation } from '../../model/index.js';
import { bearerToken, deliverChanges, pullChart } from '../../ehr/index.js';
import type { DexieChartStore } from '../../storage/index.js';
import { toResult, type BenchResult } from '../harness/index.js';
import { measurePhasedPair } from '../harness/phased.js';
import { dropStore, freshStore, served, type Served } from './ehr-pull.bench.js';
import { firstValue } from './support/stores.js';

const CHANGES = 1000;
const IN_FLIGHT = 4;

interface Prepared {
  name: string;
  store: DexieChartStore;
  records: Array<ChartRecord<Observation>>;
  /** What this sample's changes write, so each is a change. */
  mark: number;
}

let edition = 0;
const changed = (observation: Observation, mark: number): Observation => ({
  ...observation,
  note: [{ text: `checked again (${mark})` }],
});

/** A fresh store with the patient's observations pulled, and the newest vital signs among them. */
async function pulled(ehr: Served, patient: Served['patients'][number]): Promise<Prepared> {
  const { name, store } = await freshStore();
  await pullChart(store, {
    fhirBaseUrl: ehr.fhirBaseUrl,
    patientId: patient.id,
    auth: bearerToken(patient.token),
    types: ['Observation'],
    pageSize: 1000,
  });
  const records = await firstValue(store.vitals(patient.id, { limit: CHANGES }));
  return { name, store, records, mark: ++edition };
}

export default async function ehrDeliver(): Promise<BenchResult[]> {
  const ehr = await served('synthea');
  const patient = ehr.patients.reduce((a, b) => (a.size >= b.size ? a : b));
  let count = 0;
  const samples = await measurePhasedPair<Prepared, Prepared>(
    {
      async setup() {
        const prepared = await pulled(ehr, patient);
        for (const record of prepared.records)
          await prepared.store.revise(
            changed(record.current, prepared.mark),
            record.heads[0]!.revisionId,
          );
        count = prepared.records.length;
        return prepared;
      },
      async run({ store }) {
        const delivery = deliverChanges(store, {
          fhirBaseUrl: ehr.fhirBaseUrl,
          auth: bearerToken(patient.token),
          allow: { Observation: ['update'] },
          maxInFlight: IN_FLIGHT,
        });
        let stop = () => {};
        await new Promise<void>((resolve, reject) => {
          stop = delivery.subscribe(({ link, counts, problem }) => {
            if (link === 'idle' && counts.waiting === 0 && counts.sent === count) resolve();
            if (link === 'unreachable' || link === 'sign-in-needed' || counts.refused > 0)
              reject(new Error(`delivery stopped: ${link} ${problem ?? JSON.stringify(counts)}`));
          });
        });
        stop();
        const sent = delivery.status.counts;
        delivery.stop();
        if (sent.sent !== count || sent.conflict > 0 || sent['not-accepted'] > 0)
          throw new Error(`not every change was accepted: ${JSON.stringify(sent)}`);
      },
      teardown: dropStore,
    },
    {
      setup: () => pulled(ehr, patient),
      async run({ records, mark }) {
        const queue = [...records];
        const put = async () => {
          for (let record = queue.shift(); record; record = queue.shift()) {
            const resource = changed(record.current, mark);
            const response = await fetch(`${ehr.fhirBaseUrl}/Observation/${resource.id}`, {
              method: 'PUT',
              headers: {
                authorization: `Bearer ${patient.token}`,
                accept: 'application/fhir+json',
                'content-type': 'application/fhir+json',
                'if-match': `W/"${resource.meta!.versionId}"`,
              },
              body: JSON.stringify(resource),
            });
            await response.text();
            if (!response.ok) throw new Error(`PUT Observation/${resource.id}: ${response.status}`);
          }
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, put));
      },
      teardown: dropStore,
    },
    { repeat: 3, warmup: 0 },
  );
  return [
    toResult({
      name: 'ehr-deliver.drain',
      unit: 'ms',
      ...samples,
      target: { max: 1.5 },
      notes: { changes: count, 'in flight': IN_FLIGHT, patient: patient.name },
    }),
  ];
}
