import type { DemoEhr } from '../ehr/demo-ehr.js';
import {
  byFamilyName,
  wardPatient,
  type PatientResource,
  type WardPatient,
} from './patient-catalog.js';

// The ward list from the hospital's FHIR server: a Patient search on the
// demo EHR's repository, run by the portal's server (the page never holds a
// token of its own for it; it gets one per chart, through a SMART launch).

export async function ehrPatients(ehr: DemoEhr): Promise<WardPatient[]> {
  const bundle = await ehr.fhir.repository.search({ resourceType: 'Patient', count: 1000 });
  return (bundle.entry ?? [])
    .flatMap((entry) => (entry.resource ? [wardPatient(entry.resource as PatientResource)] : []))
    .sort(byFamilyName);
}
