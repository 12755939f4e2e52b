import type { CodeableConcept, Observation } from '../model/index.js';
import { LOINC, SNOMED } from '../model/index.js';
import { lookUp } from './coding.js';
import { vitalSignOf } from './vital-readings.js';
import {
  ACVPU_ANSWERS,
  ACVPU_LOINC_WRITTEN_BY_EARLIER_KIT,
  type AcvpuLevel,
} from './data/acvpu-codes.js';

// Level of consciousness on the ACVPU scale (NEWS2: Alert, new Confusion,
// Voice, Pain, Unresponsive), read from an observation's coded or written
// answer; and the Glasgow Coma Scale total, the fallback when no ACVPU was
// recorded.

export type Acvpu = AcvpuLevel;

/** All the text of this module, for translation. */
export const acvpuLabels: Record<Acvpu, string> = {
  A: 'Alert',
  C: 'New confusion',
  V: 'Responds to voice',
  P: 'Responds to pain',
  U: 'Unresponsive',
};

const levels = Object.entries(ACVPU_ANSWERS) as Array<[Acvpu, (typeof ACVPU_ANSWERS)[Acvpu]]>;
/** Published SNOMED CT and LOINC answers (sources in data/acvpu-codes.ts), code → level. */
const SNOMED_ANSWERS: Record<string, Acvpu> = Object.fromEntries(
  levels.map(([level, a]) => [a.snomed.code, level]),
);
const LOINC_ANSWERS: Record<string, Acvpu> = {
  ...Object.fromEntries(levels.flatMap(([level, a]) => (a.loinc ? [[a.loinc.code, level]] : []))),
  ...ACVPU_LOINC_WRITTEN_BY_EARLIER_KIT,
};

/** Written answers, lower case. */
const WORDS: Record<string, Acvpu> = {
  a: 'A',
  alert: 'A',
  'mentally alert': 'A',
  c: 'C',
  confusion: 'C',
  confused: 'C',
  'new confusion': 'C',
  'acute confusion': 'C',
  v: 'V',
  voice: 'V',
  verbal: 'V',
  'responds to voice': 'V',
  'voice responsive': 'V',
  p: 'P',
  pain: 'P',
  painful: 'P',
  'responds to pain': 'P',
  'pain responsive': 'P',
  u: 'U',
  unresponsive: 'U',
};

function fromWords(text: string | undefined): Acvpu | undefined {
  const key = text
    ?.trim()
    .toLowerCase()
    .replace(/\s*\(finding\)$/, '');
  return key ? WORDS[key] : undefined;
}

/** The ACVPU level of a consciousness observation, or undefined when it has none the kit can read. */
export function acvpuOf(observation: Observation): Acvpu | undefined {
  if (vitalSignOf(observation.code) !== 'consciousness') return undefined;
  const answer = observation.valueCodeableConcept;
  return (
    lookUp(answer, LOINC, LOINC_ANSWERS) ??
    lookUp(answer, SNOMED, SNOMED_ANSWERS) ??
    fromWords(answer?.text) ??
    answer?.coding?.map((c) => fromWords(c.display)).find((a) => a) ??
    fromWords(observation.valueString)
  );
}

/** The answer to record for a level: its UK Core SNOMED CT code, and the LOINC 67775-7 answer where that list has one. */
export function acvpuAnswer(level: Acvpu): CodeableConcept {
  const { snomed, loinc } = ACVPU_ANSWERS[level];
  return {
    coding: [{ system: SNOMED, ...snomed }, ...(loinc ? [{ system: LOINC, ...loinc }] : [])],
    text: acvpuLabels[level],
  };
}

/** The GCS total (3–15) of a GCS observation, or undefined. */
export function gcsOf(observation: Observation): number | undefined {
  if (vitalSignOf(observation.code) !== 'gcs') return undefined;
  const value = observation.valueQuantity?.value ?? observation.valueInteger;
  return value !== undefined && Number.isInteger(value) && value >= 3 && value <= 15
    ? value
    : undefined;
}
