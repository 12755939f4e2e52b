import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheaDir } from '../../../demo/server/patient-catalog.js';

// What a Synthea bundle holds, read straight from the file, so that the demo
// test checks what the portal shows against the fixture itself.

interface Coding {
  code?: string;
  display?: string;
}
interface Concept {
  text?: string;
  coding?: Coding[];
}
interface Resource {
  resourceType: string;
  name?: Array<{ prefix?: string[]; given?: string[]; family?: string }>;
  code?: Concept;
  category?: Concept[];
  medicationCodeableConcept?: Concept;
  requester?: { reference?: string };
  status?: string;
}

export interface FixtureChart {
  file: string;
  bytes: number;
  /** Given and family name, as the ward list shows it. */
  patientName: string;
  allergies: string[];
  /** Distinct medication names. */
  medications: string[];
  /** MedicationRequests and MedicationStatements, entered-in-error ones left out (the list leaves them out). */
  medicationRecords: number;
  /** The practitioners who prescribed them, by name (prefix, given, family). */
  prescribers: string[];
  vitalSigns: number;
  /** Distinct condition names. */
  conditions: string[];
  diagnosticReports: number;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const nameOf = (concept: Concept | undefined) =>
  concept?.text ?? concept?.coding?.[0]?.display ?? '';

export async function readFixtureCharts(): Promise<FixtureChart[]> {
  const dir = syntheaDir(repoRoot);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(dir, file), 'utf8');
      const entries = (
        JSON.parse(text) as { entry: Array<{ fullUrl: string; resource: Resource }> }
      ).entry;
      const resources = entries.map((e) => e.resource);
      const byUrl = new Map(entries.map((e) => [e.fullUrl, e.resource]));
      const patient = resources.find((r) => r.resourceType === 'Patient')!;
      const of = (...types: string[]) => resources.filter((r) => types.includes(r.resourceType));
      return {
        file,
        bytes: Buffer.byteLength(text),
        patientName: [...(patient.name?.[0]?.given ?? []), patient.name?.[0]?.family ?? '']
          .join(' ')
          .trim(),
        allergies: [...new Set(of('AllergyIntolerance').map((r) => nameOf(r.code)))],
        medications: [
          ...new Set(
            of('MedicationRequest', 'MedicationStatement').map((r) =>
              nameOf(r.medicationCodeableConcept),
            ),
          ),
        ],
        medicationRecords: of('MedicationRequest', 'MedicationStatement').filter(
          (r) => r.status !== 'entered-in-error',
        ).length,
        prescribers: [
          ...new Set(
            of('MedicationRequest').map((r) => {
              const name = byUrl.get(r.requester?.reference ?? '')?.name?.[0];
              return [...(name?.prefix ?? []), ...(name?.given ?? []), name?.family ?? '']
                .join(' ')
                .trim();
            }),
          ),
        ].filter(Boolean),
        vitalSigns: of('Observation').filter((r) =>
          r.category?.some((c) => c.coding?.some((k) => k.code === 'vital-signs')),
        ).length,
        conditions: [...new Set(of('Condition').map((r) => nameOf(r.code)))],
        diagnosticReports: of('DiagnosticReport').length,
      };
    }),
  );
}

/** The smallest bundle with allergies, medications and vital signs: every element has something to show. */
export async function richestSmallChart(): Promise<FixtureChart> {
  const charts = (await readFixtureCharts()).filter(
    (c) => c.allergies.length && c.medications.length && c.vitalSigns,
  );
  if (!charts.length)
    throw new Error('no Synthea fixture has allergies, medications and vital signs');
  return charts.sort((a, b) => a.bytes - b.bytes)[0]!;
}
