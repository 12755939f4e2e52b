import { pullChart, PullError, type SmartSession } from '../ehr/index.js';
import type { DexieChartStore } from '../storage/index.js';
import type { WardPatient } from './demo-api.js';
import type { ImportStatus } from './import-status.js';

// Copying a patient's chart from the hospital's FHIR server into the store
// with a launched session, with progress in the ward list's status line,
// and saying plainly what a pull that stopped half way saved.

/** Pulls the chart (or what changed since the last pull); resolves to whether it is whole on this device. */
export async function pullWithProgress(
  store: DexieChartStore,
  session: SmartSession,
  patient: WardPatient,
  status: ImportStatus,
): Promise<boolean> {
  status.working(`Asking the hospital EHR for ${patient.name}’s chart…`);
  try {
    const summary = await pullChart(store, {
      fhirBaseUrl: session.context.fhirBaseUrl,
      patientId: patient.patientId,
      auth: session,
      onProgress: (progress) => status.importing(patient.name, progress),
    });
    const received = Object.values(summary.received)
      .reduce<number>((sum, n) => sum + (n ?? 0), 0)
      .toLocaleString('en-GB');
    const refreshed = Object.values(summary.pulled).every((how) => how === 'changes');
    status.done(
      refreshed
        ? `${patient.name}’s chart is up to date with the hospital EHR: ${received} records changed since the last pull.`
        : `${patient.name}’s chart is on this device: ${received} records from the hospital EHR.`,
    );
    return true;
  } catch (error) {
    status.failed(
      error instanceof PullError
        ? `${patient.name}’s chart is not whole on this device. ${error.message}`
        : `${patient.name}’s chart could not be pulled from the hospital EHR: ${(error as Error).message}`,
    );
    return false;
  }
}
