import { EmrNoteList } from './note-list.js';
import { defineElement } from '../shared/define-element.js';

export { EmrNoteList };
export * from '../shared/note-select.events.js';

defineElement('emr-note-list', EmrNoteList);

declare global {
  interface HTMLElementTagNameMap {
    'emr-note-list': EmrNoteList;
  }
}
