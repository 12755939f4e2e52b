import type {
  AllergyIntolerance,
  MedicationRequest,
  MedicationStatement,
} from '../fhir/resources.js';
import type { Card, CdsCoding, CdsHook } from './card.js';

// The one function a recording form asks for decision support. A host (or
// the demo) builds it from the kit's own checks and the hospital's CDS
// services; a form never knows which answered.

/** What is being recorded, at which moment of the workflow. */
export interface DecisionSupportRequest {
  hook: CdsHook;
  patientId: string;
  /** The resource as it would be saved now. */
  draft: MedicationRequest | MedicationStatement | AllergyIntolerance;
}

export interface DecisionSupportAnswer {
  cards: Card[];
  /** Plain sentences about the checking itself, e.g. a service that did not answer. */
  notes: string[];
}

export type DecisionSupport = (
  request: DecisionSupportRequest,
  signal?: AbortSignal,
) => Promise<DecisionSupportAnswer>;

/** A clinician going ahead despite a card, and why. Recorded as a DetectedIssue. */
export interface CardOverride {
  card: Card;
  reason: CdsCoding;
  comment?: string;
}
