import { TALL_MAN_SETS } from './data/tall-man-lettering.js';

// Tall man lettering applied to drug names wherever they appear in a line of
// text: "Hydroxyzine 25 mg" → "hydrOXYzine 25 mg". Whole words only, any
// case in, the listed lettering out; the rest of the text is untouched.

/** Lower-case name → its tall man form, for names that have capitals to add. */
const LETTERING = new Map<string, string>();
/** Lower-case name → the names it has been confused with. */
const PARTNERS = new Map<string, Set<string>>();

for (const set of TALL_MAN_SETS) {
  for (const name of set.names) {
    const key = name.toLowerCase();
    if (name !== key) LETTERING.set(key, name);
    const partners = PARTNERS.get(key) ?? new Set<string>();
    for (const other of set.names) if (other !== name) partners.add(other);
    PARTNERS.set(key, partners);
  }
}

// One pattern for every name. Boundaries are any non-letter, non-digit
// (space, hyphen, "/"), so "prednisone" never matches inside
// "methylprednisolone"; longer names are tried first.
// ("-" is not escaped: it is literal outside a character class, and an error to escape with the u flag.)
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...LETTERING.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** The text with every listed drug name in its tall man lettering. */
export function tallMan(text: string): string {
  return text.replace(PATTERN, (match) => LETTERING.get(match.toLowerCase()) ?? match);
}

/** The tall man form of one name, or undefined when the name is not on the lists. */
export function tallManName(name: string): string | undefined {
  return LETTERING.get(name.trim().toLowerCase());
}

/** The names a drug has been confused with, in their tall man lettering (empty when none are listed). */
export function lookAlikes(name: string): string[] {
  return [...(PARTNERS.get(name.trim().toLowerCase()) ?? [])];
}
