import { EmrNoteList } from './note-list.js';

export { EmrNoteList };

customElements.define('emr-note-list', EmrNoteList);

declare global {
  interface HTMLElementTagNameMap {
    'emr-note-list': EmrNoteList;
  }
}
