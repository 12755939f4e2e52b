import { EmrChartTimeline } from './chart-timeline.js';
import { defineElement } from '../shared/define-element.js';

export { EmrChartTimeline };
export * from './chart-timeline.events.js';

defineElement('emr-chart-timeline', EmrChartTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'emr-chart-timeline': EmrChartTimeline;
  }
}
