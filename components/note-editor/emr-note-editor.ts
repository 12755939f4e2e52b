import { EmrNoteEditor } from './note-editor.js';
import { defineElement } from '../shared/define-element.js';

export { EmrNoteEditor };
export * from '../shared/note-select.events.js';
export * from './note-editor.events.js';

defineElement('emr-note-editor', EmrNoteEditor);

declare global {
  interface HTMLElementTagNameMap {
    'emr-note-editor': EmrNoteEditor;
  }
}
