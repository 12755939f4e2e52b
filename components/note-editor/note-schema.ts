import { Schema, type DOMOutputSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { LINK_REL, safeHref } from './safe-link.js';

// What a note can hold: headings, paragraphs, lists, line breaks, bold,
// italic and web links. Nothing that loads or runs anything — no image, no
// iframe, no embed, no style or event attribute: ProseMirror's DOM parser
// keeps only what this schema names, so pasted markup beyond it is dropped.
// Attributes can also come from a peer's document, unchecked: every toDOM
// checks them again before anything reaches the DOM.

const MAX_HEADING = 3;

/** A heading level from anywhere (a paste, a peer), as a whole number from 1 to 3. */
export function headingLevel(value: unknown): number {
  const level = Math.trunc(Number(value));
  return Number.isFinite(level) ? Math.min(Math.max(level, 1), MAX_HEADING) : 1;
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: {
    group: 'block',
    content: 'inline*',
    parseDOM: [{ tag: 'p' }, { tag: 'div', priority: 10 }],
    toDOM: (): DOMOutputSpec => ['p', 0],
  },
  heading: {
    group: 'block',
    content: 'inline*',
    defining: true,
    attrs: { level: { default: 2 } },
    parseDOM: [1, 2, 3, 4, 5, 6].map((n) => ({ tag: `h${n}`, attrs: { level: headingLevel(n) } })),
    toDOM: (node): DOMOutputSpec => [`h${headingLevel(node.attrs.level)}`, 0],
  },
  bullet_list: {
    group: 'block',
    content: 'list_item+',
    parseDOM: [{ tag: 'ul' }],
    toDOM: (): DOMOutputSpec => ['ul', 0],
  },
  ordered_list: {
    group: 'block',
    content: 'list_item+',
    parseDOM: [{ tag: 'ol' }],
    toDOM: (): DOMOutputSpec => ['ol', 0],
  },
  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: (): DOMOutputSpec => ['li', 0],
  },
  hard_break: {
    group: 'inline',
    inline: true,
    selectable: false,
    leafText: () => '\n',
    parseDOM: [{ tag: 'br' }],
    toDOM: (): DOMOutputSpec => ['br'],
  },
  text: { group: 'inline' },
};

const marks: Record<string, MarkSpec> = {
  strong: {
    parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
    toDOM: (): DOMOutputSpec => ['strong', 0],
  },
  em: {
    parseDOM: [{ tag: 'em' }, { tag: 'i' }],
    toDOM: (): DOMOutputSpec => ['em', 0],
  },
  link: {
    attrs: { href: {} },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        // An unsafe link is not a link: its text stays, plain.
        getAttrs: (dom) => {
          const href = safeHref((dom as HTMLElement).getAttribute('href'));
          return href ? { href } : false;
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => {
      const href = safeHref(mark.attrs.href);
      return href ? ['a', { href, rel: LINK_REL, target: '_blank' }, 0] : ['span', 0];
    },
  },
};

export const noteSchema = new Schema({ nodes, marks });
