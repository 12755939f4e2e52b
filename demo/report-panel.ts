import type { ResourceKey } from '../model/index.js';

// The Results view's report: a laboratory, radiology or pathology report, or
// an imaging study, chosen in the timeline (emr-timeline-select carries its
// key) or through one of its results in <emr-lab-results>, and read by
// <emr-report-viewer>.

const REPORT_TYPES = new Set(['DiagnosticReport', 'ImagingStudy']);

export class ReportPanel {
  readonly #viewer: HTMLElement;
  readonly #hint: HTMLElement;

  constructor(root: Document, viewer: HTMLElement, hint: HTMLElement, onOpen: () => void) {
    this.#viewer = viewer;
    this.#hint = hint;
    root.addEventListener('emr-timeline-select', (event) => {
      if (!REPORT_TYPES.has(event.detail.resourceType)) return;
      this.open(event.detail.key);
      onOpen();
    });
    root.addEventListener('emr-lab-result-select', (event) => {
      if (event.detail.report) this.open(event.detail.report);
    });
  }

  open(key: ResourceKey): void {
    this.#viewer.setAttribute('record-key', key);
    this.#viewer.hidden = false;
    this.#hint.hidden = true;
  }

  /** Another patient: no report is open. */
  reset(): void {
    this.#viewer.removeAttribute('record-key');
    this.#viewer.hidden = true;
    this.#hint.hidden = false;
  }
}
