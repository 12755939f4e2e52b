// Reading the ingredients out of an RxNorm normalized name, for an RxNorm
// coding whose code is not in the kit's drug data. Only ever applied to the
// display of a coding whose system is RxNorm: free text is never read.
//
// RxNorm's naming convention (RxNorm Technical Documentation, "Normalized
// names", https://www.nlm.nih.gov/research/umls/rxnorm/docs/techdoc.html):
// a clinical drug is named "ingredient strength unit dose form", several
// ingredients joined by " / " ("Acetaminophen 325 MG / Oxycodone
// Hydrochloride 5 MG Oral Tablet"), a branded drug adds "[Brand]", a
// quantity factor may lead ("10 ML Furosemide 10 MG/ML Injection"), and an
// ingredient concept is the ingredient's name alone ("Penicillin V",
// "Sulfamethoxazole / Trimethoprim"). The name before a strength is the
// precise ingredient (with its salt, "Oxycodone Hydrochloride"); the salt is
// dropped to reach the ingredient.
//
// A name read this way counts only when every ingredient is one the kit's
// data knows (`known`): "Lasix 40mg" reads as "lasix", which is no
// ingredient, so that drug is reported as unchecked rather than guessed.

/** Salts and esters that follow an ingredient in a precise ingredient's name. */
const SALTS = new Set([
  'acetate',
  'besylate',
  'bitartrate',
  'calcium',
  'citrate',
  'disodium',
  'fumarate',
  'hydrobromide',
  'hydrochloride',
  'hyclate',
  'magnesium',
  'maleate',
  'mesylate',
  'monohydrate',
  'phosphate',
  'potassium',
  'propionate',
  'sodium',
  'succinate',
  'sulfate',
  'tartrate',
]);

const BRAND = /\s*\[[^\]]*\]\s*$/;
const LEADING =
  /^(?:(?:NDA|ANDA|BLA)\d+\s+|Abuse-Deterrent\s+|\d+(?:\.\d+)?\s+(?:ML|HR|ACTUAT|DAY|MG|UNT)\s+)+/;

/** The ingredient named by one " / " part: the words before its first number. */
function partName(part: string): string | undefined {
  const words: string[] = [];
  for (const word of part.trim().split(/\s+/)) {
    if (/^\d/.test(word)) break;
    words.push(word.toLowerCase());
  }
  if (!words.length) return undefined;
  return words.join(' ');
}

/** The ingredient for a precise ingredient's name: itself when known, else without its salt words. */
function toIngredient(name: string, known: (name: string) => boolean): string | undefined {
  if (known(name)) return name;
  const words = name.split(' ');
  while (words.length > 1 && SALTS.has(words[words.length - 1] ?? '')) words.pop();
  const bare = words.join(' ');
  return known(bare) ? bare : undefined;
}

/**
 * The ingredients an RxNorm normalized name names, or undefined when it is
 * not such a name or names an ingredient the kit does not know.
 */
export function ingredientsFromRxNormName(
  display: string,
  known: (name: string) => boolean,
): string[] | undefined {
  const name = display.replace(BRAND, '').replace(LEADING, '').trim();
  if (!name) return undefined;
  const ingredients: string[] = [];
  for (const part of name.split(' / ')) {
    const raw = partName(part);
    const ingredient = raw && toIngredient(raw, known);
    if (!ingredient) return undefined;
    if (!ingredients.includes(ingredient)) ingredients.push(ingredient);
  }
  return ingredients;
}
