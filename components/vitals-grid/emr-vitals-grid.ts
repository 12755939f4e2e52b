import '../vitals-trend/emr-vitals-trend.js';
import { EmrVitalsGrid } from './vitals-grid.js';
import { defineElement } from '../shared/define-element.js';

export { EmrVitalsGrid };
export * from './vitals-grid.events.js';

defineElement('emr-vitals-grid', EmrVitalsGrid);

declare global {
  interface HTMLElementTagNameMap {
    'emr-vitals-grid': EmrVitalsGrid;
  }
}
