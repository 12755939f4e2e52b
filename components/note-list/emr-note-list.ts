import { EmrNoteList } from './note-list.js';
import { defineElement } from '../shared/define-element.js';

export { EmrNoteList };

defineElement('emr-note-list', EmrNoteList);

declare global {
  interface HTMLElementTagNameMap {
    'emr-note-list': EmrNoteList;
  }
}
