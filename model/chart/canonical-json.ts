/**
 * JSON with every object's keys in code-point order, at every depth: one
 * value always encodes to one text, whatever order its fields were written
 * in (two readings of one bundle, a record read back from another replica).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => {
    if (field === null || typeof field !== 'object' || Array.isArray(field)) return field;
    const sorted: Record<string, unknown> = {};
    for (const name of Object.keys(field).sort())
      sorted[name] = (field as Record<string, unknown>)[name];
    return sorted;
  });
}
