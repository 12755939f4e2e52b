import type { CodeableConcept } from '../model/index.js';
import { SNOMED } from '../model/index.js';
import { conceptLabel, inSentence, lookUp } from './coding.js';
import { errorProneMessages, errorProneRoute } from './error-prone.js';

// The route in the words of a medication line: "orally", "inhaled",
// "subcutaneously". Written out: ISMP lists SC, SQ, IN, IT, AD, OD and others
// as error-prone (data/error-prone-abbreviations.ts), and NHS guidance asks
// for routes in full.

/** SNOMED CT route of administration codes (the FHIR R4 example value set; dm+d for inhalation). */
const SNOMED_ROUTES: Record<string, string> = {
  '26643006': 'orally',
  '47625008': 'intravenously',
  '78421000': 'intramuscularly',
  '34206005': 'subcutaneously',
  '37161004': 'rectally',
  '37839007': 'sublingually',
  '54471007': 'buccally',
  '6064005': 'topically',
  '45890007': 'transdermally',
  '16857009': 'vaginally',
  '46713006': 'nasally',
  '54485002': 'into the eye',
  '10547007': 'into the ear',
  '447694001': 'inhaled', // respiratory tract route
  '18679011000001101': 'inhaled', // dm+d "Inhalation"
};

/** Route words and abbreviations as systems send them in text, lower case. */
const WORDS: Record<string, string> = {
  oral: 'orally',
  'by mouth': 'orally',
  po: 'orally',
  intravenous: 'intravenously',
  iv: 'intravenously',
  intramuscular: 'intramuscularly',
  im: 'intramuscularly',
  subcutaneous: 'subcutaneously',
  subcut: 'subcutaneously',
  'sub-q': 'subcutaneously',
  sublingual: 'sublingually',
  sl: 'sublingually',
  buccal: 'buccally',
  rectal: 'rectally',
  pr: 'rectally',
  vaginal: 'vaginally',
  pv: 'vaginally',
  topical: 'topically',
  top: 'topically',
  transdermal: 'transdermally',
  td: 'transdermally',
  nasal: 'nasally',
  intranasal: 'nasally',
  inhalation: 'inhaled',
  inhaled: 'inhaled',
  inh: 'inhaled',
  'respiratory tract': 'inhaled',
  nebulised: 'by nebuliser',
  nebulized: 'by nebuliser',
  neb: 'by nebuliser',
  ophthalmic: 'into the eye',
  otic: 'into the ear',
};

/** Text sent as an abbreviation that ISMP lists as error-prone and that has more than one reading. */
export const routeWithheld = errorProneMessages.withheld(errorProneMessages.route);

/**
 * The route in words, or undefined when there is none. A coded route wins;
 * text on ISMP's error-prone list is written out, or withheld when it has
 * two readings (IN, OD, AD…); unknown routes keep their own words.
 */
export function routeWords(route: CodeableConcept | undefined): string | undefined {
  const coded = lookUp(route, SNOMED, SNOMED_ROUTES);
  if (coded) return coded;
  const candidates = [route?.text, ...(route?.coding?.flatMap((c) => [c.display, c.code]) ?? [])];
  for (const candidate of candidates) {
    const abbreviation = errorProneRoute(candidate?.replace(/ route$/i, ''));
    if (abbreviation) return abbreviation.kind === 'meaning' ? abbreviation.words : routeWithheld;
  }
  for (const candidate of [
    route?.text,
    ...(route?.coding?.map((c) => c.display ?? c.code) ?? []),
  ]) {
    const key = candidate
      ?.trim()
      .toLowerCase()
      .replace(/ route$/, '')
      .replace(/\.$/, '');
    if (key && WORDS[key]) return WORDS[key];
  }
  const label = conceptLabel(route);
  return label ? inSentence(label) : undefined;
}
