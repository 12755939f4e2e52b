import { LOINC, type Observation } from '../model/index.js';
import { lookUp } from './coding.js';
import { LOINC_CLASS_OF } from './data/loinc-classes.js';
import { labClassMessages } from './lab-class-messages.js';

// The LOINC class of a laboratory result (the LOINC table's CLASS field:
// CHEM, HEM/BC, ALLERGY…), for grouping results that no report holds.

export interface LabClass {
  /** The class as LOINC writes it, e.g. `CHEM`. */
  code: string;
  /** The class in words, e.g. "Chemistry". */
  name: string;
}

/** The LOINC class of the observation's first LOINC coding the kit knows, or undefined. */
export function labClass(observation: Observation): LabClass | undefined {
  const code = lookUp(observation.code, LOINC, LOINC_CLASS_OF);
  const name = code === undefined ? undefined : labClassMessages.classNames[code];
  return code !== undefined && name !== undefined ? { code, name } : undefined;
}
