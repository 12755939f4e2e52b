import { EmrReportViewer } from './report-viewer.js';
import { defineElement } from '../shared/define-element.js';

export { EmrReportViewer };

defineElement('emr-report-viewer', EmrReportViewer);

declare global {
  interface HTMLElementTagNameMap {
    'emr-report-viewer': EmrReportViewer;
  }
}
