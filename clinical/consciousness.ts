import type { Observation } from '../model/index.js';
import { LOINC, SNOMED } from '../model/index.js';
import { lookUp } from './coding.js';
import { vitalSignOf } from './vital-readings.js';

// Level of consciousness on the ACVPU scale (NEWS2: Alert, new Confusion,
// Voice, Pain, Unresponsive), read from an observation's coded or written
// answer; and the Glasgow Coma Scale total, the fallback when no ACVPU was
// recorded.

export type Acvpu = 'A' | 'C' | 'V' | 'P' | 'U';

/** All the text of this module, for translation. */
export const acvpuLabels: Record<Acvpu, string> = {
  A: 'Alert',
  C: 'New confusion',
  V: 'Responds to voice',
  P: 'Responds to pain',
  U: 'Unresponsive',
};

/** LOINC answer list for ACVPU (LOINC 67775-7 / 80288-4 answers). */
const LOINC_ANSWERS: Record<string, Acvpu> = {
  'LA9340-6': 'A', 'LA6560-2': 'C', 'LA17108-4': 'V', 'LA17107-6': 'P', 'LA9343-0': 'U',
};

/** SNOMED CT answers used by UK NEWS2 records. */
const SNOMED_ANSWERS: Record<string, Acvpu> = {
  '248234008': 'A', // Mentally alert
  '130987000': 'C', // Acute confusion
  '450847001': 'V', // Responds to voice
  '450848006': 'P', // Responds to pain
  '422768004': 'U', // Unresponsive
};

/** Written answers, lower case. */
const WORDS: Record<string, Acvpu> = {
  a: 'A', alert: 'A', 'mentally alert': 'A',
  c: 'C', confusion: 'C', confused: 'C', 'new confusion': 'C', 'acute confusion': 'C',
  v: 'V', voice: 'V', verbal: 'V', 'responds to voice': 'V', 'voice responsive': 'V',
  p: 'P', pain: 'P', painful: 'P', 'responds to pain': 'P', 'pain responsive': 'P',
  u: 'U', unresponsive: 'U',
};

function fromWords(text: string | undefined): Acvpu | undefined {
  const key = text?.trim().toLowerCase().replace(/\s*\(finding\)$/, '');
  return key ? WORDS[key] : undefined;
}

/** The ACVPU level of a consciousness observation, or undefined when it has none the kit can read. */
export function acvpuOf(observation: Observation): Acvpu | undefined {
  if (vitalSignOf(observation.code) !== 'consciousness') return undefined;
  const answer = observation.valueCodeableConcept;
  return lookUp(answer, LOINC, LOINC_ANSWERS)
    ?? lookUp(answer, SNOMED, SNOMED_ANSWERS)
    ?? fromWords(answer?.text)
    ?? answer?.coding?.map((c) => fromWords(c.display)).find((a) => a)
    ?? fromWords(observation.valueString);
}

/** The GCS total (3–15) of a GCS observation, or undefined. */
export function gcsOf(observation: Observation): number | undefined {
  if (vitalSignOf(observation.code) !== 'gcs') return undefined;
  const value = observation.valueQuantity?.value ?? observation.valueInteger;
  return value !== undefined && Number.isInteger(value) && value >= 3 && value <= 15 ? value : undefined;
}
