// What a host page does once the kit is in: opens the store, imports the
// fixture's bundle and gives both elements the store and the patient.
import { importBundle, openChartStore } from '/dist/browser/emr-kit.js';

const store = await openChartStore({
  databaseName: 'script-tag-page',
  user: { id: 'u-1', displayName: 'Dr Ada Okafor', role: 'clinician' },
});
const response = await fetch('/fixture.json');
const { patientIds } = await importBundle(store, await response.text());
for (const element of document.querySelectorAll('emr-allergy-banner, emr-medication-list')) {
  element.store = store;
  element.setAttribute('patient-id', patientIds[0]);
}
