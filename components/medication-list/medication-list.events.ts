import type { Medication, Quantity, ResourceKey } from '../../model/index.js';

// Events of <emr-medication-list>. Each is fired for a clinician's action
// only, before the list writes anything: a host that cancels it (to send the
// change to its own system first, or to refuse it) stops the write.

const init: EventInit = { bubbles: true, composed: true, cancelable: true };

interface MedicationChange {
  /** `MedicationRequest/<id>` or `MedicationStatement/<id>`. */
  key: ResourceKey;
  /** The FHIR id. */
  id: string;
  /** The new version of the resource, as the list will write it. */
  resource: Medication;
}

/** A clinician discontinues a medication. Cancelable: then nothing is written. */
export class EmrMedicationDiscontinueEvent extends Event {
  static readonly eventName = 'emr-medication-discontinue';
  readonly key: ResourceKey;
  readonly id: string;
  /** The head revision the clinician saw and is replacing. */
  readonly revisionId: string;
  readonly status = 'stopped' as const;
  /** The end date written: a statement's effective period, a request's first dosage bounds (none without a dosage). */
  readonly end: string | undefined;
  readonly reason: string;
  readonly resource: Medication;

  constructor(
    change: MedicationChange & { revisionId: string; end: string | undefined; reason: string },
  ) {
    super(EmrMedicationDiscontinueEvent.eventName, init);
    ({
      key: this.key,
      id: this.id,
      revisionId: this.revisionId,
      end: this.end,
      reason: this.reason,
      resource: this.resource,
    } = change);
  }
}

/** A clinician changes a medication's dose. Cancelable: then nothing is written. */
export class EmrMedicationDoseChangeEvent extends Event {
  static readonly eventName = 'emr-medication-dose-change';
  readonly key: ResourceKey;
  readonly id: string;
  /** The head revision the clinician saw and is replacing. */
  readonly revisionId: string;
  readonly dose: Quantity;
  readonly previousDose: Quantity | undefined;
  readonly resource: Medication;

  constructor(
    change: MedicationChange & {
      revisionId: string;
      dose: Quantity;
      previousDose: Quantity | undefined;
    },
  ) {
    super(EmrMedicationDoseChangeEvent.eventName, init);
    ({
      key: this.key,
      id: this.id,
      revisionId: this.revisionId,
      dose: this.dose,
      previousDose: this.previousDose,
      resource: this.resource,
    } = change);
  }
}

/**
 * A clinician resolves a conflict: keeps one of the versions, or enters the
 * right dose. Cancelable: then the conflict stays.
 */
export class EmrMedicationConflictResolveEvent extends Event {
  static readonly eventName = 'emr-medication-conflict-resolve';
  readonly key: ResourceKey;
  readonly id: string;
  /** Every head revision in conflict: all are replaced by the resolution. */
  readonly revisionIds: string[];
  /** The version kept, when the clinician kept one. */
  readonly chosenRevisionId: string | undefined;
  /** The dose entered, when the clinician entered one. */
  readonly dose: Quantity | undefined;
  readonly resource: Medication;

  constructor(
    change: MedicationChange & {
      revisionIds: string[];
      chosenRevisionId?: string;
      dose?: Quantity;
    },
  ) {
    super(EmrMedicationConflictResolveEvent.eventName, init);
    ({
      key: this.key,
      id: this.id,
      revisionIds: this.revisionIds,
      resource: this.resource,
    } = change);
    this.chosenRevisionId = change.chosenRevisionId;
    this.dose = change.dose;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-medication-discontinue': EmrMedicationDiscontinueEvent;
    'emr-medication-dose-change': EmrMedicationDoseChangeEvent;
    'emr-medication-conflict-resolve': EmrMedicationConflictResolveEvent;
  }
}
