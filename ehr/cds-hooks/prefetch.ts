import { firstValue, type ChartStore, type FhirResource } from '../../model/index.js';

// The prefetch a service asks for in its discovery, filled from the chart on
// this device (https://cds-hooks.hl7.org/2.0/#prefetch-template). The kit
// answers what its store can answer exactly as the FHIR server would: a
// read of the patient, and a search by patient alone of the types the store
// keeps. Any other template (other parameters, a practitioner, a token the
// kit does not know) is left out, so the service fetches it itself; a
// template with nothing to give is `null`, as the spec asks.

/** The values of the prefetch tokens: `context.<field>` and the user's ids. */
export type PrefetchTokens = Record<string, string | undefined>;

const TOKEN = /\{\{\s*([\w.]+)\s*\}\}/g;

/** The template with its tokens filled, or undefined when one has no value. */
export function fillTemplate(template: string, tokens: PrefetchTokens): string | undefined {
  let unknown = false;
  const filled = template.replace(TOKEN, (_, name: string) => {
    const value = tokens[name];
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : filled;
}

type SearchType = 'AllergyIntolerance' | 'MedicationRequest' | 'MedicationStatement' | 'Condition';
const SEARCHABLE = new Set<string>([
  'AllergyIntolerance',
  'MedicationRequest',
  'MedicationStatement',
  'Condition',
]);

type Query = { kind: 'patient' } | { kind: 'search'; type: SearchType };

/** What the store can answer of a filled template about `patientId`, or undefined. */
export function parsePrefetchQuery(query: string, patientId: string): Query | undefined {
  const read = /^Patient\/([^/?#]+)$/.exec(query);
  if (read)
    return decodeURIComponent(read[1] ?? '') === patientId ? { kind: 'patient' } : undefined;
  const search = /^(\w+)\?(.*)$/.exec(query);
  if (!search || !SEARCHABLE.has(search[1] ?? '')) return undefined;
  const params = [...new URLSearchParams(search[2]).entries()];
  if (params.length !== 1) return undefined;
  const [name, value] = params[0] ?? [];
  if (name !== 'patient' && name !== 'subject') return undefined;
  if (value !== patientId && value !== `Patient/${patientId}`) return undefined;
  return { kind: 'search', type: search[1] as SearchType };
}

/** The prefetch for one service: each key filled, `null` or left out. */
export async function prefetchFromStore(
  templates: Record<string, string> | undefined,
  tokens: PrefetchTokens,
  patientId: string,
  store: ChartStore,
): Promise<Record<string, unknown>> {
  const prefetch: Record<string, unknown> = {};
  await Promise.all(
    Object.entries(templates ?? {}).map(async ([key, template]) => {
      const filled = fillTemplate(template, tokens);
      const query = filled === undefined ? undefined : parsePrefetchQuery(filled, patientId);
      if (!query) return;
      try {
        prefetch[key] = await answer(query, patientId, store);
      } catch {
        // A read that failed is left out, never sent as "nothing" (the spec's rule).
      }
    }),
  );
  return prefetch;
}

async function answer(query: Query, patientId: string, store: ChartStore): Promise<unknown> {
  if (query.kind === 'patient')
    return (await firstValue(store.patient(patientId)))?.current ?? null;
  const records: ReadonlyArray<{ current: FhirResource }> =
    query.type === 'AllergyIntolerance'
      ? await firstValue(store.allergies(patientId))
      : query.type === 'Condition'
        ? await firstValue(store.conditions(patientId))
        : await firstValue(store.medications(patientId));
  const resources = records
    .map((record) => record.current)
    .filter((resource) => resource.resourceType === query.type);
  return resources.length === 0 ? null : searchset(resources);
}

function searchset(resources: FhirResource[]) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
  };
}
