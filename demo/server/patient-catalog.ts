import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

// The demo's patients: one Synthea bundle each, described from its Patient
// resource so that the portal can list them before anything is imported.
// The FHIR server's patients are described the same way (ehr-patients.ts).

/** What the ward list shows of a patient. */
export interface WardPatient {
  /** The FHIR id of the Patient. */
  patientId: string;
  name: string;
  birthDate?: string;
  gender?: string;
  deceased?: string;
  /** Medical record number, when the record gives one. */
  mrn?: string;
}

/** A patient of the fixtures: the bundle the portal imports. */
export interface CatalogPatient extends WardPatient {
  /** The bundle's file name, under /@demo/fixtures/. */
  file: string;
  /** Bundle size in bytes: the picker says how much there is to import. */
  bytes: number;
}

export interface PatientResource {
  resourceType: 'Patient';
  id: string;
  name?: Array<{ given?: string[]; family?: string; prefix?: string[] }>;
  birthDate?: string;
  gender?: string;
  deceasedDateTime?: string;
  identifier?: Array<{ value?: string; type?: { coding?: Array<{ code?: string }> } }>;
}

/** EMR_FIXTURES_DIR, else the shared fixtures folder beside the repository; the Synthea set is its `synthea` folder. */
export function syntheaDir(repoRoot: string): string {
  const fixtures = process.env.EMR_FIXTURES_DIR
    ? path.resolve(process.env.EMR_FIXTURES_DIR)
    : path.resolve(repoRoot, '../shared/fixtures');
  return path.join(fixtures, 'synthea');
}

/** Every bundle of the folder that has a Patient, sorted by family name. */
export async function readCatalog(dir: string): Promise<CatalogPatient[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const patients = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(path.join(dir, file), 'utf8');
      const bundle = JSON.parse(text) as {
        entry?: Array<{ resource?: { resourceType?: string } }>;
      };
      const patient = bundle.entry
        ?.map((e) => e.resource)
        .find((r): r is PatientResource => r?.resourceType === 'Patient');
      return patient
        ? { ...wardPatient(patient), file, bytes: Buffer.byteLength(text) }
        : undefined;
    }),
  );
  return patients.filter((p): p is CatalogPatient => p !== undefined).sort(byFamilyName);
}

/** Sorts patients by the last word of their name, as a ward list is. */
export function byFamilyName(a: WardPatient, b: WardPatient): number {
  return a.name.split(' ').at(-1)!.localeCompare(b.name.split(' ').at(-1)!);
}

export function wardPatient(patient: PatientResource): WardPatient {
  const official = patient.name?.[0];
  const name = [...(official?.given ?? []), official?.family ?? ''].join(' ').trim() || patient.id;
  const mrn = patient.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value;
  return {
    patientId: patient.id,
    name,
    ...(patient.birthDate && { birthDate: patient.birthDate }),
    ...(patient.gender && { gender: patient.gender }),
    ...(patient.deceasedDateTime && { deceased: patient.deceasedDateTime }),
    ...(mrn && { mrn: mrn.slice(0, 8).toUpperCase() }),
  };
}
