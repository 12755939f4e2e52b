// The names of who, where and what in a bundle: practitioners, organisations,
// locations, related persons and medications. The kit does not keep those
// resources (they are not a patient's chart), so a reference to one that
// carries no display text would otherwise lose the name it points to:
// "prescribed by" whom, or which medication (an EHR's MedicationRequest
// often names a Medication resource rather than a code).
// The reader gives such a reference the entry's name as its display.

/** Types whose name a reference borrows; none of them is modeled, so none is kept. */
export const NAMED_TYPES: ReadonlySet<string> = new Set([
  'Practitioner',
  'Organization',
  'Location',
  'RelatedPerson',
  'Medication',
]);

/** Longer than any real name: a longer one is not copied into every reference. */
const MAX_NAME_LENGTH = 200;

type Entry = { fullUrl?: unknown; resource: Record<string, unknown> };
type Name = {
  use?: unknown;
  text?: unknown;
  prefix?: unknown;
  given?: unknown;
  family?: unknown;
  suffix?: unknown;
};

/** Display names by the entry's fullUrl and by its `Type/id`, for the entries that name someone or somewhere. */
export function entryNames(entries: readonly Entry[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { fullUrl, resource } of entries) {
    const type = resource.resourceType;
    if (typeof type !== 'string' || !NAMED_TYPES.has(type)) continue;
    const name =
      type === 'Practitioner' || type === 'RelatedPerson'
        ? personName(resource.name)
        : type === 'Medication'
          ? conceptName(resource.code)
          : plainName(resource.name);
    if (!name || name.length > MAX_NAME_LENGTH) continue;
    if (typeof fullUrl === 'string') names.set(fullUrl, name);
    if (typeof resource.id === 'string') names.set(`${type}/${resource.id}`, name);
  }
  return names;
}

/** A HumanName list as it is written: the official or usual name first, its text if it has one. */
function personName(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value.filter((name): name is Name => typeof name === 'object' && name !== null);
  const name =
    names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual') ?? names[0];
  if (!name) return undefined;
  if (typeof name.text === 'string' && name.text.trim()) return name.text.trim();
  const parts = [name.prefix, name.given, [name.family], name.suffix].flatMap((part) =>
    Array.isArray(part) ? part : [],
  );
  return (
    parts
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .map((part) => part.trim())
      .join(' ') || undefined
  );
}

/** A medication's name: its code's text, else its first coding's display. */
function conceptName(value: unknown): string | undefined {
  const concept = value as { text?: unknown; coding?: Array<{ display?: unknown }> } | undefined;
  if (typeof concept?.text === 'string' && concept.text.trim()) return concept.text.trim();
  const display = Array.isArray(concept?.coding)
    ? concept.coding.find((coding) => typeof coding?.display === 'string' && coding.display.trim())
        ?.display
    : undefined;
  return typeof display === 'string' ? display.trim() : undefined;
}

/** An organisation's or location's name: a string. */
function plainName(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
