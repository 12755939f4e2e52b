// The part of GitHub-flavoured markdown a CDS card's `detail` is shown with
// (https://cds-hooks.hl7.org/2.0/#card-attributes): paragraphs, bulleted and
// numbered lists, strong and emphasis, inline code, and links to http(s)
// addresses. Everything else, HTML included, stays text: the result is a
// tree of plain strings that the element renders through Lit's escaping
// bindings, never as HTML.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  { kind: 'paragraph'; inlines: Inline[] } | { kind: 'list'; ordered: boolean; items: Inline[][] };

const LIST_ITEM = /^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/** The blocks of a markdown text, in order. */
export function parseSafeMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const endParagraph = () => {
    if (paragraph.length > 0)
      blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const endList = () => {
    if (list)
      blocks.push({
        kind: 'list',
        ordered: list.ordered,
        items: list.items.map((item) => parseInline(item)),
      });
    list = undefined;
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      endParagraph();
      endList();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      endParagraph();
      const ordered = item[2] !== undefined;
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      list.items.push(item[3] ?? '');
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      // A continuation line of the last item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    endList();
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      blocks.push({
        kind: 'paragraph',
        inlines: [{ kind: 'strong', children: parseInline(heading[1] ?? '') }],
      });
      continue;
    }
    paragraph.push(line.trim());
  }
  endParagraph();
  endList();
  return blocks;
}

/** Only absolute http(s) addresses become links; anything else (javascript:, data:, relative) stays text. */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

const MAX_DEPTH = 4;

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ kind: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const char = text[i];
    if (char === '\\' && i + 1 < text.length && /[\\`*_[\]()<>#+\-.!]/.test(text[i + 1] ?? '')) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    const code = /^`([^`]+)`/.exec(rest);
    if (code) {
      flush();
      out.push({ kind: 'code', text: code[1] ?? '' });
      i += code[0].length;
      continue;
    }
    const link =
      depth < MAX_DEPTH ? /^\[([^\]]+)\]\(\s*([^)\s]+)(?:\s+"[^"]*")?\s*\)/.exec(rest) : null;
    if (link) {
      const href = safeHref(link[2] ?? '');
      const children = parseInline(link[1] ?? '', depth + 1);
      flush();
      if (href) out.push({ kind: 'link', href, children });
      else out.push(...children);
      i += link[0].length;
      continue;
    }
    const autolink = /^<(https?:\/\/[^\s<>]+)>/.exec(rest);
    if (autolink) {
      const href = safeHref(autolink[1] ?? '');
      if (href) {
        flush();
        out.push({ kind: 'link', href, children: [{ kind: 'text', text: autolink[1] ?? '' }] });
        i += autolink[0].length;
        continue;
      }
    }
    const strong = depth < MAX_DEPTH ? /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest) : null;
    if (strong) {
      flush();
      out.push({ kind: 'strong', children: parseInline(strong[2] ?? '', depth + 1) });
      i += strong[0].length;
      continue;
    }
    const em = depth < MAX_DEPTH ? /^(\*|_)(?=[^\s*_])([\s\S]*?[^\s\\])\1(?!\1)/.exec(rest) : null;
    if (em && (char === '*' || !/\w/.test(text[i - 1] ?? ''))) {
      flush();
      out.push({ kind: 'em', children: parseInline(em[2] ?? '', depth + 1) });
      i += em[0].length;
      continue;
    }
    buffer += char;
    i += 1;
  }
  flush();
  return out;
}
