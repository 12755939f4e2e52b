import type { DocumentReference } from '../model/index.js';

// The first words of a note, for a list: never the whole note. Only the
// start of the text is decoded (a note can be megabytes), a character cut
// in half is dropped rather than shown broken, markup and control
// characters go, and the text is clipped at a word with an ellipsis. A
// draft's text lives in its note document, not in the chart: a draft shows
// its title.

/** All the text of this module, for translation. */
export const noteExcerptMessages = {
  clipped: (start: string) => `${start}…`,
};

/** Characters in an excerpt at most, the ellipsis apart. */
export const EXCERPT_LENGTH = 120;

/** The note's text attachment with data: plain text first, else HTML. */
function textAttachment(note: DocumentReference) {
  const of = (type: string) =>
    note.content.find(
      (c) => c.attachment.contentType?.split(';')[0]?.trim() === type && c.attachment.data,
    )?.attachment;
  const plain = of('text/plain');
  return plain ? { data: plain.data!, html: false } : { data: of('text/html')?.data, html: true };
}

/** The first `bytes` bytes of base64 data as UTF-8 text (a sequence cut at the end is held back, not shown as �); and whether there was more. */
function decodeStart(data: string, bytes: number): { text: string; more: boolean } {
  const base64 = data.replace(/\s+/g, '');
  const chars = Math.ceil(bytes / 3) * 4;
  let binary: string;
  try {
    binary = atob(base64.slice(0, chars));
  } catch {
    return { text: '', more: false };
  }
  const octets = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return {
    text: new TextDecoder('utf-8').decode(octets, { stream: true }),
    more: base64.length > chars,
  };
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Text of HTML, for a glance: tags (and a tag cut off at the end) removed, common entities read. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]*(>|$)/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!);
}

/** One line: control characters and runs of white space become one space; Markdown heading marks go. */
function oneLine(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/(^|\s)#{1,6}(?=\s)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Clipped to `length` characters (whole characters, never half a pair), at the last word that fits. */
function clip(text: string, length: number, more: boolean): string {
  const characters = Array.from(text);
  if (characters.length <= length) return more ? noteExcerptMessages.clipped(text) : text;
  const start = characters.slice(0, length + 1).join('');
  const space = start.lastIndexOf(' ');
  const cut = space > length / 2 ? start.slice(0, space) : characters.slice(0, length).join('');
  return noteExcerptMessages.clipped(cut.replace(/[\s,;:.-]+$/, ''));
}

/**
 * The first words of a note: of its text (plain text first, else its HTML
 * as text), or its title when its text is not in the chart (a draft).
 * Undefined when it has neither.
 */
export function noteExcerpt(
  note: DocumentReference,
  length: number = EXCERPT_LENGTH,
): string | undefined {
  const { data, html } = textAttachment(note);
  if (data) {
    // Enough bytes for `length` characters of four bytes, and markup around them.
    const { text, more } = decodeStart(data, length * 4 + (html ? 2048 : 0));
    const line = oneLine(html ? htmlText(text) : text);
    if (line) return clip(line, length, more);
  }
  const title = oneLine(note.content[0]?.attachment.title ?? note.description ?? '');
  return title ? clip(title, length, false) : undefined;
}
