// Pulling charts from a FHIR server (the demo EHR: Medplum's engine behind
// the SMART authorization server, on 127.0.0.1) with pullChart, against the
// naive way of doing it, measured in the same run: fetching the same searches
// page by page, following their next links, and calling importBundle on each
// page as it comes. The ratio is what the pull adds: the capability read, the
// names its records point to, the chart saved whole in one transaction, the
// history in marked chunks.
//
// The six Synthea patients; the ICU stay is ehr-pull-icu.bench.ts.
import { bearerToken, pullChart } from '../../ehr/index.js';
import { searchUrl } from '../../ehr/pull/fetch-type.js';
import { TYPE_SEARCHES } from '../../ehr/pull/pull-plan.js';
import { importBundle, openChartStore, type DexieChartStore } from '../../storage/index.js';
import { toResult, type BenchResult } from '../harness/index.js';
import { measurePhasedPair } from '../harness/phased.js';
import { BENCH_USER, benchDatabaseName, deleteDatabase } from './support/stores.js';

export interface Served {
  fhirBaseUrl: string;
  patients: Array<{ id: string; name: string; token: string; size: number }>;
}

export const PAGE_SIZE = 1000;

export async function served(set: 'synthea' | 'icu'): Promise<Served> {
  const response = await fetch(`/@bench/ehr/${set}`);
  if (!response.ok)
    throw new Error(`the demo EHR for ${set} did not start: ${await response.text()}`);
  return (await response.json()) as Served;
}

export const freshStore = async () => {
  const name = benchDatabaseName('pull');
  return { name, store: await openChartStore({ databaseName: name, user: BENCH_USER }) };
};
export const dropStore = async ({ name, store }: { name: string; store: DexieChartStore }) => {
  await store.close();
  await deleteDatabase(name);
};

/** The naive client: each search page by page, each page imported as it comes. */
export async function fetchAndImport(
  store: DexieChartStore,
  ehr: Served,
  patient: Served['patients'][number],
): Promise<void> {
  const headers = { authorization: `Bearer ${patient.token}`, accept: 'application/fhir+json' };
  const get = async (url: string) => {
    const response = await fetch(new URL(url, `${ehr.fhirBaseUrl}/`), { headers });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return (await response.json()) as {
      entry?: unknown[];
      link?: Array<{ relation: string; url: string }>;
    };
  };
  const patientResource = await get(`Patient/${patient.id}`);
  await importBundle(store, {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: patientResource }],
  });
  for (const search of TYPE_SEARCHES) {
    let url: string | undefined = searchUrl(search, {
      patientId: patient.id,
      pageSize: PAGE_SIZE,
      includes: new Set(search.includes ?? []),
    });
    while (url) {
      const page = await get(url);
      if (page.entry?.length) await importBundle(store, page);
      url = page.link?.find((link) => link.relation === 'next')?.url;
    }
  }
}

export default async function ehrPull(): Promise<BenchResult[]> {
  const synthea = await served('synthea');
  const pulled = (store: DexieChartStore, ehr: Served) => async () => {
    for (const patient of ehr.patients)
      await pullChart(store, {
        fhirBaseUrl: ehr.fhirBaseUrl,
        patientId: patient.id,
        auth: bearerToken(patient.token),
        pageSize: PAGE_SIZE,
      });
  };
  const six = await measurePhasedPair(
    { setup: freshStore, run: (s) => pulled(s.store, synthea)(), teardown: dropStore },
    {
      setup: freshStore,
      run: async ({ store }) => {
        for (const patient of synthea.patients) await fetchAndImport(store, synthea, patient);
      },
      teardown: dropStore,
    },
    { repeat: 5, warmup: 1 },
  );
  const results = [
    toResult({
      name: 'ehr-pull.synthea',
      unit: 'ms',
      ...six,
      target: { max: 1.3 },
      notes: {
        patients: synthea.patients.length,
        resources: synthea.patients.reduce((n, p) => n + p.size, 0),
        'page size': PAGE_SIZE,
      },
    }),
  ];

  return results;
}
