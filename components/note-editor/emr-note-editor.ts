import { EmrNoteEditor } from './note-editor.js';

export { EmrNoteEditor };

customElements.define('emr-note-editor', EmrNoteEditor);

declare global {
  interface HTMLElementTagNameMap {
    'emr-note-editor': EmrNoteEditor;
  }
}
