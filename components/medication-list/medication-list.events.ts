import type { Medication, Quantity, ResourceKey } from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-medication-list>: bubbling and composed. Each is
// fired for a clinician's action only, before the list writes anything, and
// is cancelable: a host that cancels it (to send the change to its own
// system first, or to refuse it) stops the write.

/** What every change of a medication says. */
export interface MedicationChangeDetail {
  /** `MedicationRequest/<id>` or `MedicationStatement/<id>`. */
  key: ResourceKey;
  /** The FHIR id. */
  id: string;
  /** The new version of the resource, as the list will write it. */
  resource: Medication;
}

export interface MedicationDiscontinueDetail extends MedicationChangeDetail {
  /** The head revision the clinician saw and is replacing. */
  revisionId: string;
  status: 'stopped';
  /** The end date written: a statement's effective period, a request's first dosage bounds (none without a dosage). */
  end: string | undefined;
  /** Why, as the clinician typed it. */
  reason: string;
}

export interface MedicationDoseChangeDetail extends MedicationChangeDetail {
  /** The head revision the clinician saw and is replacing. */
  revisionId: string;
  dose: Quantity;
  previousDose: Quantity | undefined;
}

export interface MedicationConflictResolveDetail extends MedicationChangeDetail {
  /** Every head revision in conflict: all are replaced by the resolution. */
  revisionIds: string[];
  /** The version kept, when the clinician kept one. */
  chosenRevisionId?: string;
  /** The dose entered, when the clinician entered one. */
  dose?: Quantity;
}

/** A clinician discontinues a medication. Cancelable: then nothing is written. */
export class EmrMedicationDiscontinueEvent extends KitDetailEvent<MedicationDiscontinueDetail> {
  static readonly eventName = 'emr-medication-discontinue';

  constructor(detail: Omit<MedicationDiscontinueDetail, 'status'>) {
    super(
      EmrMedicationDiscontinueEvent.eventName,
      { ...detail, status: 'stopped' },
      { cancelable: true },
    );
  }
}

/** A clinician changes a medication's dose. Cancelable: then nothing is written. */
export class EmrMedicationDoseChangeEvent extends KitDetailEvent<MedicationDoseChangeDetail> {
  static readonly eventName = 'emr-medication-dose-change';

  constructor(detail: MedicationDoseChangeDetail) {
    super(EmrMedicationDoseChangeEvent.eventName, detail, { cancelable: true });
  }
}

/**
 * A clinician resolves a conflict: keeps one of the versions, or enters the
 * right dose. Cancelable: then the conflict stays.
 */
export class EmrMedicationConflictResolveEvent extends KitDetailEvent<MedicationConflictResolveDetail> {
  static readonly eventName = 'emr-medication-conflict-resolve';

  constructor(detail: MedicationConflictResolveDetail) {
    super(EmrMedicationConflictResolveEvent.eventName, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-medication-discontinue': EmrMedicationDiscontinueEvent;
    'emr-medication-dose-change': EmrMedicationDoseChangeEvent;
    'emr-medication-conflict-resolve': EmrMedicationConflictResolveEvent;
  }
}
