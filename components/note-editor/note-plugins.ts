import {
  baseKeymap,
  chainCommands,
  exitCode,
  setBlockType,
  toggleMark,
} from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, Plugin } from 'prosemirror-state';
import { redo, undo, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type * as Y from 'yjs';
import { coEditorCursors, type Awareness } from './co-editor-cursors.js';
import { noteSchema } from './note-schema.js';

// The editor's behaviour: the Yjs binding (text, undo by this user's own
// changes only, co-editors' cursors) and the keys. Tab is left to the page,
// so that keyboard users can leave the editor.

const { strong, em } = noteSchema.marks;
const {
  bullet_list: bulletList,
  ordered_list: orderedList,
  list_item: listItem,
  heading,
  paragraph,
  hard_break: hardBreak,
} = noteSchema.nodes;

const insertBreak: Command = (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(hardBreak!.create()).scrollIntoView());
  return true;
};

export const commands = {
  bold: toggleMark(strong!),
  italic: toggleMark(em!),
  bulletList: wrapInList(bulletList!),
  orderedList: wrapInList(orderedList!),
  heading: setBlockType(heading!, { level: 2 }),
  paragraph: setBlockType(paragraph!),
  undo,
  redo,
} satisfies Record<string, Command>;

export function notePlugins(fragment: Y.XmlFragment, awareness: Awareness | undefined): Plugin[] {
  return [
    ySyncPlugin(fragment),
    ...(awareness ? coEditorCursors(awareness) : []),
    yUndoPlugin(),
    keymap({
      'Mod-z': undo,
      'Mod-y': redo,
      'Mod-Shift-z': redo,
      'Mod-b': commands.bold,
      'Mod-i': commands.italic,
      'Shift-Enter': chainCommands(exitCode, insertBreak),
      Enter: splitListItem(listItem!),
      'Mod-[': liftListItem(listItem!),
      'Mod-]': sinkListItem(listItem!),
      'Mod-Alt-1': commands.heading,
      'Mod-Alt-0': commands.paragraph,
    }),
    keymap(baseKeymap),
  ];
}
