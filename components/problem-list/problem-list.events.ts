import type { Condition, ResourceKey } from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-problem-list>: bubbling and composed. Each is fired
// for a clinician's action only, before the list writes anything, and is
// cancelable: a host that cancels it (to send the problem to its own system
// first, or to refuse it) stops the write.

/** What every change of a problem says. */
export interface ProblemChangeDetail {
  /** `Condition/<id>`. */
  key: ResourceKey;
  /** The FHIR id. */
  id: string;
  /** The Condition as the list will write it. */
  resource: Condition;
}

export interface ProblemRecordDetail extends ProblemChangeDetail {
  /** True for a SNOMED CT code chosen from the list; false for free text, recorded uncoded. */
  coded: boolean;
}

export interface ProblemResolveDetail extends ProblemChangeDetail {
  /** The head revision the clinician saw and is replacing. */
  revisionId: string;
  /** The abatement date written (YYYY-MM-DD). */
  abatement: string;
}

export interface ProblemConflictResolveDetail extends ProblemChangeDetail {
  /** Every head revision in conflict: all are replaced by the resolution. */
  revisionIds: string[];
  /** The version kept. */
  chosenRevisionId: string;
}

/** A clinician records a problem. Cancelable: then nothing is written. */
export class EmrProblemRecordEvent extends KitDetailEvent<ProblemRecordDetail> {
  static readonly eventName = 'emr-problem-record';

  constructor(detail: ProblemRecordDetail) {
    super(EmrProblemRecordEvent.eventName, detail, { cancelable: true });
  }
}

/** A clinician marks a problem resolved. Cancelable: then nothing is written. */
export class EmrProblemResolveEvent extends KitDetailEvent<ProblemResolveDetail> {
  static readonly eventName = 'emr-problem-resolve';

  constructor(detail: ProblemResolveDetail) {
    super(EmrProblemResolveEvent.eventName, detail, { cancelable: true });
  }
}

/** A clinician resolves a conflict by keeping one version. Cancelable: then the conflict stays. */
export class EmrProblemConflictResolveEvent extends KitDetailEvent<ProblemConflictResolveDetail> {
  static readonly eventName = 'emr-problem-conflict-resolve';

  constructor(detail: ProblemConflictResolveDetail) {
    super(EmrProblemConflictResolveEvent.eventName, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-problem-record': EmrProblemRecordEvent;
    'emr-problem-resolve': EmrProblemResolveEvent;
    'emr-problem-conflict-resolve': EmrProblemConflictResolveEvent;
  }
}
