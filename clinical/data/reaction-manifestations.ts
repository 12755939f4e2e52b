import { SNOMED } from '../../model/index.js';
import type { CodedConcept } from './coded-concept.js';

// Reactions (AllergyIntolerance.reaction.manifestation): SNOMED CT clinical
// findings, the codes Synthea's allergy modules record
// (github.com/synthetichealth/synthea, src/main/resources/modules/allergies/,
// Apache-2.0), with the displays shortened to what a clinician writes.
// SNOMED CT codes are used under the SNOMED International (IHTSDO)
// affiliate licence terms.

export const REACTION_MANIFESTATIONS: readonly CodedConcept[] = [
  { system: SNOMED, code: '39579001', display: 'Anaphylaxis' },
  { system: SNOMED, code: '402387002', display: 'Allergic angioedema' },
  { system: SNOMED, code: '247472004', display: 'Wheal (hives)' },
  { system: SNOMED, code: '271807003', display: 'Eruption of skin (rash)' },
  { system: SNOMED, code: '418290006', display: 'Itching' },
  { system: SNOMED, code: '267036007', display: 'Dyspnea' },
  { system: SNOMED, code: '56018004', display: 'Wheezing' },
  { system: SNOMED, code: '49727002', display: 'Cough' },
  { system: SNOMED, code: '878820003', display: 'Rhinoconjunctivitis' },
  { system: SNOMED, code: '271811009', display: 'Face goes red' },
  { system: SNOMED, code: '404640003', display: 'Dizziness' },
  { system: SNOMED, code: '422587007', display: 'Nausea' },
  { system: SNOMED, code: '300359004', display: 'Vomiting' },
  { system: SNOMED, code: '62315008', display: 'Diarrhea' },
  { system: SNOMED, code: '21522001', display: 'Abdominal pain' },
];
