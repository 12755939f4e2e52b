import { EmrProblemList } from './problem-list.js';
import { defineElement } from '../shared/define-element.js';

export { EmrProblemList };
export * from './problem-list.events.js';

defineElement('emr-problem-list', EmrProblemList);

declare global {
  interface HTMLElementTagNameMap {
    'emr-problem-list': EmrProblemList;
  }
}
