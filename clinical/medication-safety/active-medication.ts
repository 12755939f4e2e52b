import type { Medication } from './drug-reading.js';

// Which recorded medications count as the patient's current ones, for the
// duplicate, interaction and new-allergy checks. Stopped, completed,
// cancelled, entered-in-error and not-taken are not current; on-hold may
// resume and a draft or an unknown status may be current, so they count
// (a check that warns once too often is safer than one that misses). A
// request that says not to give the drug (`doNotPerform`) is not current.

const NOT_CURRENT = new Set(['stopped', 'completed', 'cancelled', 'entered-in-error', 'not-taken']);

export function isActiveMedication(medication: Medication): boolean {
  if (NOT_CURRENT.has(medication.status)) return false;
  return !(medication.resourceType === 'MedicationRequest' && medication.doNotPerform === true);
}

/** The same record (type and id), so that a medication being edited is not its own duplicate. */
export function sameRecord(a: Medication, b: Medication): boolean {
  return a === b || (a.id !== undefined && a.resourceType === b.resourceType && a.id === b.id);
}
