import { EmrChartTimeline } from './chart-timeline.js';

export { EmrChartTimeline };

customElements.define('emr-chart-timeline', EmrChartTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'emr-chart-timeline': EmrChartTimeline;
  }
}
