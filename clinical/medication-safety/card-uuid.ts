// A card's uuid, derived from what the card is about, so that the same
// finding on the same records gets the same uuid on every run and in both
// directions (a drug checked against an allergy, or the allergy against the
// drug): a form can keep a clinician's override across re-checks, and a
// CDS Hooks client can send feedback for it. Four 32-bit FNV-1a hashes with
// different offsets make 128 bits, formatted as a version 8 (custom) UUID
// (RFC 9562); not a security hash, only a stable name.

function fnv1a(text: string, offset: number): number {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const OFFSETS = [0x811c9dc5, 0x01234567, 0x89abcdef, 0xdeadbeef];

export function cardUuid(...parts: readonly string[]): string {
  const text = parts.join('\u0000');
  const hex = OFFSETS.map((o) => fnv1a(text, o).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
