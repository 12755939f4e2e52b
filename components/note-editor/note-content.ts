import { DOMParser as ProseMirrorParser, DOMSerializer, type Node } from 'prosemirror-model';
import type { NoteTemplate } from '../../clinical/index.js';
import { noteSchema } from './note-schema.js';

// A note's text in the forms the chart keeps and shows: plain text and
// HTML written by the schema (so only its safe markup), and back from
// stored HTML to nodes, through the same schema.

const serializer = DOMSerializer.fromSchema(noteSchema);
const parser = ProseMirrorParser.fromSchema(noteSchema);

/** A document no script runs in and no resource loads for. */
const inertDocument = () => document.implementation.createHTMLDocument('');

/** The note as HTML: the schema's own markup, nothing else. */
export function noteHtml(doc: Node): string {
  const container = inertDocument().createElement('div');
  container.append(
    serializer.serializeFragment(doc.content, { document: container.ownerDocument }),
  );
  return container.innerHTML;
}

/** The note as plain text: one line per paragraph or heading, list items marked. */
export function noteText(doc: Node): string {
  const lines: string[] = [];
  const walk = (node: Node, prefix: string) => {
    if (node.type.name === 'bullet_list' || node.type.name === 'ordered_list') {
      node.forEach((item, _offset, index) => {
        const marker = node.type.name === 'bullet_list' ? '- ' : `${index + 1}. `;
        item.forEach((child, _o, i) =>
          walk(child, i === 0 ? prefix + marker : prefix + ' '.repeat(marker.length)),
        );
      });
    } else if (node.isTextblock) {
      lines.push(
        prefix +
          node.textBetween(
            0,
            node.content.size,
            undefined,
            (leaf) => leaf.type.spec.leafText?.(leaf) ?? '',
          ),
      );
    } else {
      node.forEach((child) => walk(child, prefix));
    }
  };
  walk(doc, '');
  return lines.join('\n');
}

/** Whether a document holds no text at all (a fresh note, or one emptied). */
export function isEmptyNote(doc: Node): boolean {
  return doc.textContent.trim() === '' && doc.childCount <= 1;
}

/**
 * Stored HTML (a signed note's) as nodes of the schema. Parsed in an inert
 * document, then through the schema's rules: anything it does not name is
 * dropped, and the output is written by its toDOM again.
 */
export function parseNoteHtml(html: string): Node {
  const body = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  return parser.parse(body);
}

/** Plain text as nodes: one paragraph per line. */
export function plainTextNote(text: string): Node {
  const paragraphs = text
    .split('\n')
    .map((line) => noteSchema.node('paragraph', null, line ? [noteSchema.text(line)] : []));
  return noteSchema.node(
    'doc',
    null,
    paragraphs.length ? paragraphs : [noteSchema.node('paragraph')],
  );
}

/** A note's nodes as DOM, for showing a signed note read-only. */
export function renderNote(doc: Node): DocumentFragment {
  return serializer.serializeFragment(doc.content) as DocumentFragment;
}

/** The blocks of a template: each section's heading, then its prompt or an empty paragraph to type in. */
export function templateBlocks(template: NoteTemplate): Node[] {
  return template.sections.flatMap((section) => [
    noteSchema.node('heading', { level: 2 }, [noteSchema.text(section.heading)]),
    noteSchema.node('paragraph', null, section.prompt ? [noteSchema.text(section.prompt)] : []),
  ]);
}
