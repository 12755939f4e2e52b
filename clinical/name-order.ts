// Names in the order `Intl.Collator('en', { sensitivity: 'base' })` puts
// them, without building one for names of plain ASCII: a page's first
// collator loads ICU's collation data (10 to 20 ms in headless Chromium),
// paid before an allergy banner can show its first row. Any other name is
// compared by the collator, built on first use.

/**
 * Printable ASCII in the Unicode CLDR root collation's order at base level
 * (spaces, punctuation, symbols, digits, then letters, a letter's capital
 * and small forms alike), as that collator itself sorts them: for these
 * characters a name's order is this order, character by character, the
 * shorter of two names first where one begins the other.
 * name-order.test.ts holds it to the collator.
 */
const ORDER = ` _-,;:!?.'"()[]{}@*/\\&#%\`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz`;

/** Rank by character code, for the codes ORDER holds (capitals ranked as their small forms). */
const RANK = new Int8Array(128).fill(-1);
for (let i = 0; i < ORDER.length; i++) {
  RANK[ORDER.charCodeAt(i)] = i;
  const upper = ORDER[i]!.toUpperCase().charCodeAt(0);
  if (upper !== ORDER.charCodeAt(i)) RANK[upper] = i;
}

let collator: Intl.Collator | undefined;

/** Negative when `a` comes first, positive when `b` does, 0 when the collator holds them the same name. */
export function compareNames(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const rankX = x < 128 ? RANK[x]! : -1;
    const rankY = y < 128 ? RANK[y]! : -1;
    if (rankX < 0 || rankY < 0) return collated(a, b);
    if (rankX !== rankY) return rankX - rankY;
  }
  for (let i = length; i < a.length || i < b.length; i++) {
    const code = (a.length > b.length ? a : b).charCodeAt(i);
    if (code >= 128 || RANK[code]! < 0) return collated(a, b); // an ignorable character may follow
  }
  return a.length - b.length;
}

function collated(a: string, b: string): number {
  return (collator ??= new Intl.Collator('en', { sensitivity: 'base' })).compare(a, b);
}
