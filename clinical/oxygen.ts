import type { Observation, ObservationComponent } from '../model/index.js';
import { SNOMED } from '../model/index.js';
import { hasCode } from './coding.js';
import { convert, vitalSignOf } from './vital-readings.js';

// Is the patient breathing supplemental oxygen? Systems record it in
// several ways, all read here:
// - SNOMED 371825009 "Patient on oxygen", with a yes/no answer (373066001 /
//   373067005), a boolean, or a flow in L/min (UK NEWS2 records);
// - SNOMED 722742002 "Breathing room air", as the code or the answer;
// - an inhaled oxygen flow rate (LOINC 3151-8) above 0;
// - an inhaled oxygen concentration (LOINC 3150-0) above 21% (room air);
// - either of those as a component of a pulse oximetry observation (US Core).

const ON_OXYGEN = '371825009';
const ROOM_AIR = '722742002';
const YES = '373066001';
const NO = '373067005';
/** The oxygen fraction of room air, in percent. */
const ROOM_AIR_PERCENT = 21;

/** What one observation or component says: true on oxygen, false on air, undefined when it does not say. */
export function oxygenOf(source: Observation | ObservationComponent): boolean | undefined {
  const id = vitalSignOf(source.code);
  if (id === 'on-oxygen') {
    const onAir = hasCode(source.code, SNOMED, [ROOM_AIR]);
    const answer = source.valueCodeableConcept;
    if (hasCode(answer, SNOMED, [ROOM_AIR, NO])) return false;
    if (hasCode(answer, SNOMED, [ON_OXYGEN, YES])) return true;
    if (source.valueBoolean !== undefined)
      return onAir ? !source.valueBoolean : source.valueBoolean;
    if (source.valueQuantity?.value !== undefined) return source.valueQuantity.value > 0;
    return onAir ? false : undefined;
  }
  if (id === 'inhaled-oxygen-flow' && source.valueQuantity) {
    const flow = convert(id, source.valueQuantity);
    return flow === undefined ? undefined : flow > 0;
  }
  if (id === 'inhaled-oxygen-concentration' && source.valueQuantity) {
    const percent = convert(id, source.valueQuantity);
    return percent === undefined ? undefined : percent > ROOM_AIR_PERCENT;
  }
  // US Core pulse oximetry carries flow and concentration as components (only an Observation has them).
  if (id === 'oxygen-saturation')
    return supplementalOxygen((source as Observation).component ?? []);
  return undefined;
}

/**
 * Across a set of observations: on oxygen if any says so (NEWS2 scores
 * oxygen 2, so a disagreement resolves to the higher-risk reading), on air
 * if some say air and none oxygen, undefined when none says.
 */
export function supplementalOxygen(
  sources: ReadonlyArray<Observation | ObservationComponent>,
): boolean | undefined {
  let answer: boolean | undefined;
  for (const source of sources) {
    const says = oxygenOf(source);
    if (says === true) return true;
    if (says === false) answer = false;
  }
  return answer;
}
