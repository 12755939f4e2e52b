import type { Patient } from '../model/index.js';

/** Whether and when a patient died, from FHIR `deceased[x]`: the date as recorded, or none when only the fact is; undefined while alive or not recorded. */
export function deathOf(patient: Patient | undefined): { date?: string } | undefined {
  if (patient?.deceasedDateTime !== undefined) return { date: patient.deceasedDateTime };
  return patient?.deceasedBoolean === true ? {} : undefined;
}
