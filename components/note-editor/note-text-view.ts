import { EditorState, Plugin, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import type { NoteTemplate } from '../../clinical/index.js';
import type { Awareness } from './co-editor-cursors.js';
import { isEmptyNote, noteHtml, noteText, templateBlocks } from './note-content.js';
import { notePlugins } from './note-plugins.js';
import { noteSchema } from './note-schema.js';

// A ProseMirror view bound to a note's collaborative text. Changes that
// come through the binding (a peer's, an undo) are its own; every other
// change is the user's: reported as such, and refused — never applied —
// while the text may not be edited.

export interface NoteTextViewOptions {
  /** The note's text as the store hands it (a Y.XmlFragment). */
  text: unknown;
  awareness?: Awareness;
  label: string;
  editable(): boolean;
  /** The user changed the text. */
  onEdit(): void;
  /** The text changed, whoever changed it. */
  onChange(): void;
  /** The user tried to change the text while it may not be edited. */
  onRefused(): void;
}

const fromBinding = (meta: unknown) =>
  (meta as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;

export class NoteTextView {
  readonly view: EditorView;

  constructor(mount: HTMLElement, options: NoteTextViewOptions) {
    if (!(options.text instanceof Y.XmlFragment))
      throw new TypeError('the store handed over a note text that is not a Y.XmlFragment');
    const guard = new Plugin({
      filterTransaction: (tr) => {
        if (!tr.docChanged || fromBinding(tr.getMeta(ySyncPluginKey)) || options.editable())
          return true;
        queueMicrotask(options.onRefused);
        return false;
      },
    });
    const state = EditorState.create({
      schema: noteSchema,
      plugins: [guard, ...notePlugins(options.text, options.awareness)],
    });
    shimCreateRange(mount.getRootNode());
    this.view = new EditorView(mount, {
      state,
      editable: () => options.editable(),
      attributes: () => ({
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': options.label,
        'aria-readonly': String(!options.editable()),
        part: 'text',
      }),
      // `this` is the view: the binding dispatches while the view is being built.
      dispatchTransaction(this: EditorView, tr) {
        this.updateState(this.state.apply(tr));
        if (!tr.docChanged) return;
        if (!fromBinding(tr.getMeta(ySyncPluginKey))) options.onEdit();
        options.onChange();
      },
    });
  }

  get isEmpty(): boolean {
    return isEmptyNote(this.view.state.doc);
  }

  /** The text now, as plain text and as the schema's HTML. */
  content(): { text: string; html: string } {
    const { doc } = this.view.state;
    return { text: noteText(doc), html: noteHtml(doc) };
  }

  /** Replaces an empty note by a template's headings; the cursor goes to the first section. */
  insertTemplate(template: NoteTemplate): void {
    const { state } = this.view;
    const tr = state.tr.replaceWith(0, state.doc.content.size, templateBlocks(template));
    const firstHeading = tr.doc.firstChild;
    const cursorAt = firstHeading ? firstHeading.nodeSize + 1 : 1;
    this.view.dispatch(
      tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(cursorAt, tr.doc.content.size)))),
    );
  }

  /** Re-reads `editable` and the attributes after a change of state outside the view. */
  refresh(): void {
    this.view.setProps({});
  }

  destroy(): void {
    this.view.destroy();
  }
}

/**
 * y-prosemirror 1.3.7 asks the view's root for `createRange()` when a remote
 * change (or an undo) lands while the editor has focus; a ShadowRoot has no
 * such method (only Document does), and the binding throws. A range made by
 * the document works on nodes in any of its shadow trees.
 */
function shimCreateRange(root: Node): void {
  if (root instanceof ShadowRoot && !('createRange' in root)) {
    Object.defineProperty(root, 'createRange', {
      value: () => document.createRange(),
      configurable: true,
    });
  }
}
