import { Plugin } from 'prosemirror-state';
import type { DecorationAttrs } from 'prosemirror-view';
import { yCursorPlugin } from 'y-prosemirror';

// Co-editors' cursors and selections, drawn from the awareness state a peer
// publishes (`user: { name, color }`). That state is a peer's word: the
// colour is used only if it is a plain #rrggbb and the name only as text, so
// no peer can put markup or a style (a remote background image) on the page.
//
// A cursor is a coloured caret in the text; its name label sits in a gutter
// at the editor's inline end, on the caret's own line (prosemirror.styles.ts),
// so that it never covers the line above, the text around the caret, or
// anything outside the editor. A long name is cut short, whole on hover.

/** A y-protocols Awareness, typed by what the cursor plugin takes (the editor never imports y-protocols). */
export type Awareness = Parameters<typeof yCursorPlugin>[0];

const COLOR = /^#[0-9a-fA-F]{6}$/;
const FALLBACK_COLOR = '#6d28d9';
const MAX_NAME = 40;

interface PeerUser {
  name?: unknown;
  color?: unknown;
}

export function peerColor(user: PeerUser): string {
  return typeof user.color === 'string' && COLOR.test(user.color) ? user.color : FALLBACK_COLOR;
}

export function peerName(user: PeerUser, clientId: number): string {
  const name = typeof user.name === 'string' ? user.name.trim().slice(0, MAX_NAME) : '';
  return name || `Co-editor ${clientId}`;
}

function cursor(user: PeerUser, clientId: number): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'ProseMirror-yjs-cursor';
  caret.style.borderColor = peerColor(user);
  const label = document.createElement('span');
  label.className = 'co-editor-name';
  label.style.backgroundColor = peerColor(user);
  label.textContent = peerName(user, clientId);
  label.title = label.textContent;
  // Word joiners keep the caret from breaking the line it sits on.
  caret.append('\u2060', label, '\u2060');
  return caret;
}

function selection(user: PeerUser): DecorationAttrs {
  return { class: 'ProseMirror-yjs-selection', style: `background-color: ${peerColor(user)}33` };
}

/** Makes room for the labels: the editor keeps a gutter while it is shared. */
const gutter = new Plugin({ props: { attributes: { class: 'co-edited' } } });

export function coEditorCursors(awareness: Awareness): Plugin[] {
  return [yCursorPlugin(awareness, { cursorBuilder: cursor, selectionBuilder: selection }), gutter];
}
