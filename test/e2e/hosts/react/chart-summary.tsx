// A React 19 host page's chart summary: the allergy banner, the medication
// list and the vitals grid, fed one store. React 19 sets `store` as a
// property, `patient-id` as an attribute, and listens for a kit event
// through `on` + the event's name.
import 'emr-kit/components/allergy-banner/emr-allergy-banner.js';
import 'emr-kit/components/medication-list/emr-medication-list.js';
import 'emr-kit/components/vitals-grid/emr-vitals-grid.js';
import type { MedicationDiscontinueDetail } from 'emr-kit/components/medication-list/emr-medication-list.js';
import type { ChartStore } from 'emr-kit/model';

export interface ChartSummaryProps {
  store: ChartStore;
  patientId: string;
  /** Called with what a clinician discontinued. */
  onDiscontinue: (detail: MedicationDiscontinueDetail) => void;
}

export function ChartSummary({ store, patientId, onDiscontinue }: ChartSummaryProps) {
  return (
    <main>
      <emr-allergy-banner patient-id={patientId} layout="expanded" store={store} />
      <emr-medication-list
        patient-id={patientId}
        store={store}
        onemr-medication-discontinue={(event) => onDiscontinue(event.detail)}
      />
      <emr-vitals-grid patient-id={patientId} columns={4} store={store} />
    </main>
  );
}
