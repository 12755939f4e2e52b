import { EmrVitalsTrend } from './vitals-trend.js';
import { defineElement } from '../shared/define-element.js';

export { EmrVitalsTrend };

defineElement('emr-vitals-trend', EmrVitalsTrend);

declare global {
  interface HTMLElementTagNameMap {
    'emr-vitals-trend': EmrVitalsTrend;
  }
}
