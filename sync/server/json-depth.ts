// Nesting depth of JSON text, measured on the bytes before anything parses
// them. JSON.parse copes with any depth, but much of what runs on a parsed
// value afterwards (JSON.stringify, structured clone, most validators)
// recurses, and a few kilobytes of brackets exhaust the stack. Reading the
// depth first is one pass with no recursion.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/** True when `json` (UTF-8 bytes of JSON text) nests arrays and objects deeper than `max`. */
export function jsonDeeperThan(json: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const byte = json[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte!)) {
      if (++depth > max) return true;
    } else if (CLOSE.has(byte!)) depth--;
  }
  return false;
}
