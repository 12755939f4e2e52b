// A colour per user, the same on every device: hashed from the user id into
// a palette whose colours all read at 4.5:1 or more on white, so a name
// written in its colour stays legible.

const PALETTE = [
  '#0b5cad',
  '#b42318',
  '#067647',
  '#6d28d9',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
] as const;

export function peerColor(userId: string): string {
  // FNV-1a: small inputs that differ by a letter still spread over the palette.
  let hash = 0x811c9dc5;
  for (const char of userId) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
