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

// Words are runs of letters and digits (so "prednisone" is never found
// inside "methylprednisolone"), joined by hyphens where a listed name has one
// (SOLU-MEDROL). A word is looked up whole; a hyphenated run is read from the
// left, the longest listed name first at each step, as "hydroxyzine-containing"
// is. Looking words up in the map, rather than matching one pattern of every
// name, keeps a page's first medication line quick: such a pattern (132 names,
// Unicode look-arounds) is compiled on its first use, on every page load.
const WORDS = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

function letterHyphenated(run: string): string {
  const parts = run.split('-');
  const out: string[] = [];
  for (let from = 0; from < parts.length;) {
    let to = parts.length;
    for (; to > from; to--) {
      const lettered = LETTERING.get(parts.slice(from, to).join('-').toLowerCase());
      if (lettered) {
        out.push(lettered);
        break;
      }
    }
    if (to === from) out.push(parts[from++]!);
    else from = to;
  }
  return out.join('-');
}

/** The text with every listed drug name in its tall man lettering. */
export function tallMan(text: string): string {
  return text.replace(WORDS, (run) =>
    run.includes('-') ? letterHyphenated(run) : (LETTERING.get(run.toLowerCase()) ?? run),
  );
}

/** The tall man form of one name, or undefined when the name is not on the lists. */
export function tallManName(name: string): string | undefined {
  return LETTERING.get(name.trim().toLowerCase());
}

/** The names a drug has been confused with, in their tall man lettering (empty when none are listed). */
export function lookAlikes(name: string): string[] {
  return [...(PARTNERS.get(name.trim().toLowerCase()) ?? [])];
}
