import { EmrVitalsTrend } from './vitals-trend.js';

customElements.define('emr-vitals-trend', EmrVitalsTrend);

declare global {
  interface HTMLElementTagNameMap {
    'emr-vitals-trend': EmrVitalsTrend;
  }
}
