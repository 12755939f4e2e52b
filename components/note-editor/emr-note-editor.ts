import { EmrNoteEditor } from './note-editor.js';
import { defineElement } from '../shared/define-element.js';

export { EmrNoteEditor };

defineElement('emr-note-editor', EmrNoteEditor);

declare global {
  interface HTMLElementTagNameMap {
    'emr-note-editor': EmrNoteEditor;
  }
}
