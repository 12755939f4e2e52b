import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  chartStoreContext,
  type ChartStore,
  type DiagnosticReport,
  type ImagingStudy,
} from '../../model/index.js';
import { conceptLabel } from '../../clinical/index.js';
import { EmrElement } from '../shared/emr-element.js';
import { heading, headingLevel } from '../shared/heading.js';
import { memo } from '../shared/memo.js';
import { PendingGrace } from '../shared/pending-grace.js';
import { categoryLabel, renderDiagnosticReport } from './diagnostic-report-view.js';
import { renderImagingStudy } from './imaging-study-view.js';
import { reportContents, type ReportContents } from './report-contents.js';
import { ReportQueryController } from './report-query-controller.js';
import { reportViewerMessages as m } from './report-viewer.messages.js';
import { reportViewerStyles } from './report-viewer.styles.js';

/**
 * One diagnostic report — a laboratory, radiology or pathology
 * DiagnosticReport — or an ImagingStudy, read from the store by its key
 * (the `key` of `emr-timeline-select`), and followed as it changes.
 *
 * A report shows its status, category, when it was taken and issued, who
 * performed it, its conclusion and coded diagnoses, its results as a small
 * table (value as written, flag in words with an icon, reference range),
 * and its presented forms: plain text as text, HTML sanitised to a strict
 * allow-list (no scripts, event handlers, styles, frames or images), a PDF
 * as a link, never inlined. An imaging study shows its modality, start,
 * series and image counts, description, each series, and its endpoint as
 * a link. A record entered in error says so and shows nothing else.
 *
 * @summary One diagnostic report or imaging study, with its results and report text.
 *
 * @csspart details - The report's status, category, times and people.
 * @csspart conclusion - The conclusion and coded diagnoses.
 * @csspart results - The results table.
 * @csspart presented-form - The report's text, HTML or PDF link.
 * @csspart series - The imaging study's series.
 * @csspart endpoint - The imaging study's links.
 * @csspart status - A state shown in place of the report (loading, not found, entered in error).
 *
 * @cssproperty --emr-report-viewer-border-color - Table rules. Default: --emr-color-border.
 * @cssproperty --emr-report-viewer-muted-color - Labels and notes. Default: --emr-color-text-muted.
 * @cssproperty --emr-report-viewer-abnormal-color - Abnormal flags (always with a word and icon). Default: --emr-color-abnormal.
 * @cssproperty --emr-report-viewer-critical-color - Critical flags (always with a word and icon). Default: --emr-color-critical.
 * @cssproperty --emr-report-viewer-warning-color - The entered-in-error and conflict notices. Default: --emr-color-danger.
 * @cssproperty --emr-report-viewer-focus-color - Focus ring of links. Default: --emr-color-focus.
 */
export class EmrReportViewer extends EmrElement {
  static override styles = [EmrElement.styles, reportViewerStyles];

  /** The report's ResourceKey: `DiagnosticReport/<id>` or `ImagingStudy/<id>`. */
  @property({ attribute: 'record-key', reflect: true }) key = '';

  /** The level of the report's heading (1 to 6, default 2); its parts' are one below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The chart store: from context (chartStoreContext), or set here by a host without one. */
  @consume({ context: chartStoreContext, subscribe: true })
  @property({ attribute: false })
  store?: ChartStore;

  readonly #query = new ReportQueryController(this);
  readonly #grace = new PendingGrace(this, () => this.key);
  readonly #contentsOf = memo(reportContents);
  #contents: ReportContents | undefined;

  // In update(), not willUpdate(): the query controller follows a new record's
  // results in its hostUpdate, which runs between the two. Worked out before,
  // a report just read would be shown against the results of none (every
  // one "Not on this device") for a frame.
  protected override update(changed: PropertyValues<this>): void {
    this.#contents = this.#contentsNow();
    super.update(changed);
  }

  #contentsNow(): ReportContents | undefined {
    const state = this.#query.state;
    const record = state.status === 'ready' ? state.record : undefined;
    return record?.current.resourceType === 'DiagnosticReport'
      ? this.#contentsOf(record.current, this.#query.results)
      : undefined;
  }

  override render(): TemplateResult {
    // A first answer about to come from the device: no pending state painted before it.
    if (this.#pending && this.#grace.holding) return html``;
    const state = this.#query.state;
    switch (state.status) {
      case 'idle':
        return this.#state(m.idle);
      case 'pending':
        return this.#state(m.pending);
      case 'error':
        return html`<p class="state error" part="status" role="alert">
          <span aria-hidden="true">⚠ </span>${m.error(state.error.message)}
        </p>`;
      case 'ready': {
        const record = state.record;
        if (!record) return this.#state(m.notFound);
        const resource = record.current;
        const conflict =
          record.heads.length > 1 ? html`<p class="notice">${m.conflict}</p>` : nothing;
        if (resource.resourceType === 'DiagnosticReport')
          return this.#report(resource, this.#contents!, conflict);
        if (resource.resourceType === 'ImagingStudy') return this.#study(resource, conflict);
        return this.#state(m.notAReport);
      }
    }
  }

  /** Not read yet: the record, or the results its report lists (their rows then say they are loading). */
  get #pending(): boolean {
    const { state } = this.#query;
    if (state.status === 'pending') return true;
    const report = state.status === 'ready' ? state.record?.current : undefined;
    return (
      report?.resourceType === 'DiagnosticReport' &&
      report.status !== 'entered-in-error' &&
      this.#query.results === undefined
    );
  }

  #state(text: string): TemplateResult {
    return html`<p class="state" part="status">${text}</p>`;
  }

  #report(
    report: DiagnosticReport,
    contents: ReportContents,
    conflict: TemplateResult | typeof nothing,
  ): TemplateResult {
    const kind = categoryLabel(report);
    return html`
      ${heading(this.#level, conceptLabel(report.code) ?? m.untitled, { class: 'title' })}
      ${kind ? html`<p class="kind">${kind}</p>` : nothing} ${conflict}
      ${
        report.status === 'entered-in-error'
          ? html`<p class="notice" part="status">${m.enteredInError}</p>`
          : renderDiagnosticReport(report, contents, this.#subheading)
      }
    `;
  }

  #study(study: ImagingStudy, conflict: TemplateResult | typeof nothing): TemplateResult {
    const title = study.description ?? conceptLabel(study.procedureCode?.[0]) ?? m.untitledStudy;
    return html`
      ${heading(this.#level, title, { class: 'title' })}
      <p class="kind">${m.kind.radiology}</p>
      ${conflict}
      ${
        study.status === 'entered-in-error'
          ? html`<p class="notice" part="status">${m.enteredInError}</p>`
          : renderImagingStudy(study, this.#subheading)
      }
    `;
  }

  readonly #subheading = (text: string) => heading(this.#level + 1, text, { class: 'subtitle' });

  get #level(): number {
    return headingLevel(this.headingLevel, 2);
  }
}
