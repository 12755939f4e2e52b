import { html, nothing, type TemplateResult } from 'lit';
import type { DiagnosticReport, Reference } from '../../model/index.js';
import { conceptLabel } from '../../clinical/index.js';
import type { PresentedForm } from './presented-form.js';
import type { ReportContents, ResultRow } from './report-contents.js';
import { reportKind } from './report-kind.js';
import { formatWhen, reportViewerMessages as m } from './report-viewer.messages.js';

// One DiagnosticReport: what it is and when, who, its conclusion and coded
// diagnoses, its results as a small table with flags (word and icon, never
// colour alone), and its presented forms.

const names = (references: readonly Reference[] | undefined) =>
  (references ?? [])
    .map((reference) => reference.display?.trim())
    .filter(Boolean)
    .join(', ');

export function detailRow(label: string, value: unknown): TemplateResult {
  return html`<div class="detail">
    <dt>${label}</dt>
    <dd>${value}</dd>
  </div>`;
}

/** "Laboratory", "Radiology", "Pathology", or the category's own name. */
export function categoryLabel(report: DiagnosticReport): string | undefined {
  const kind = reportKind(report);
  return kind ? m.kind[kind] : conceptLabel(report.category?.[0]);
}

function effective(report: DiagnosticReport): string | undefined {
  if (report.effectiveDateTime) return formatWhen(report.effectiveDateTime);
  const period = report.effectivePeriod;
  return period
    ? m.period(formatWhen(period.start), formatWhen(period.end)) || undefined
    : undefined;
}

const FLAG_ICONS: Record<string, string> = {
  'arrow-down': '↓',
  'arrow-up': '↑',
  'arrow-down-double': '⇊',
  'arrow-up-double': '⇈',
  alert: '!',
  'alert-critical': '‼',
  check: '✓',
};

function resultRow(row: ResultRow): TemplateResult {
  if (row.pending)
    return html`<tr class="pending">
      <th scope="row">${row.name}</th>
      <td colspan="3">${m.resultPending}</td>
    </tr>`;
  if (row.missing)
    return html`<tr class="missing">
      <th scope="row">${row.name}</th>
      <td colspan="3">${m.notOnDevice}</td>
    </tr>`;
  const flag = row.flag;
  const level = flag
    ? flag.flag === 'normal'
      ? 'normal'
      : flag.flag.startsWith('critically')
        ? 'critical'
        : 'abnormal'
    : 'none';
  return html`<tr data-key=${row.key} data-flag=${flag?.flag ?? 'none'}>
    <th scope="row">${row.name}</th>
    <td class="value ${level}">${row.value}</td>
    <td class="flag ${level}">
      ${flag ? html`<span aria-hidden="true">${FLAG_ICONS[flag.icon]} </span>${flag.label}` : m.noFlag}
    </td>
    <td>${row.range ?? m.noFlag}</td>
  </tr>`;
}

function form(form: PresentedForm): TemplateResult {
  const title = form.title ? html`<p class="form-title">${form.title}</p>` : nothing;
  switch (form.kind) {
    case 'text':
      return html`<div class="presented" data-kind="text">
        ${title}
        <pre class="text">${form.text}</pre>
      </div>`;
    case 'html':
      return html`<div class="presented" data-kind="html">
        ${title}
        <div class="html">${form.content}</div>
      </div>`;
    case 'pdf':
      return html`<div class="presented" data-kind="pdf">
        <a
          href=${form.href}
          download=${form.download ?? nothing}
          target="_blank"
          rel="noopener noreferrer"
          >${m.openPdf(form.title)}</a
        >
      </div>`;
    case 'other':
      return html`<div class="presented" data-kind="other">
        <a href=${form.href ?? nothing} target="_blank" rel="noopener noreferrer"
          >${m.openAttachment(form.contentType, form.title)}</a
        >
      </div>`;
    case 'unreadable':
      return html`<div class="presented" data-kind="unreadable">
        ${title}
        <p class="note">${m.unreadable(form.contentType)}</p>
      </div>`;
  }
}

/** The body of a DiagnosticReport below its heading; `level` is the heading level of its parts. */
export function renderDiagnosticReport(
  report: DiagnosticReport,
  contents: ReportContents,
  subheading: (text: string) => TemplateResult,
): TemplateResult {
  const performers = names(report.performer);
  const interpreters = names(report.resultsInterpreter);
  const missing = contents.rows.filter((row) => row.missing).length + contents.unreadable;
  return html`
    <dl class="details" part="details">
      ${detailRow(m.status, m.reportStatus[report.status] ?? report.status)}
      ${detailRow(m.category, categoryLabel(report) ?? m.notRecorded)}
      ${detailRow(m.effective, effective(report) ?? m.notRecorded)}
      ${detailRow(m.issued, formatWhen(report.issued) ?? m.notRecorded)}
      ${detailRow(m.performer, performers || m.notRecorded)}
      ${interpreters ? detailRow(m.interpreter, interpreters) : nothing}
    </dl>
    ${
      report.conclusion || report.conclusionCode?.length
        ? html`<section class="conclusion" part="conclusion">
            ${subheading(m.conclusion)}
            ${report.conclusion ? html`<p>${report.conclusion}</p>` : nothing}
            ${
              report.conclusionCode?.length
                ? html`<p class="note">${m.diagnoses}:</p>
                    <ul class="diagnoses">
                      ${report.conclusionCode.map(
                        (concept) =>
                          html`<li>
                            ${conceptLabel(concept)}${concept.coding?.[0]?.code ? html` <span class="code">(${concept.coding[0].code})</span>` : nothing}
                          </li>`,
                      )}
                    </ul>`
                : nothing
            }
          </section>`
        : nothing
    }
    ${
      contents.rows.length
        ? html`<section part="results">
            ${subheading(m.results)}
            <table class="results">
              <thead>
                <tr>
                  <th scope="col">${m.test}</th>
                  <th scope="col">${m.result}</th>
                  <th scope="col">${m.flag}</th>
                  <th scope="col">${m.range}</th>
                </tr>
              </thead>
              <tbody>
                ${contents.rows.map(resultRow)}
              </tbody>
            </table>
          </section>`
        : nothing
    }
    ${missing ? html`<p class="note missing-count">${m.resultsMissing(missing)}</p>` : nothing}
    ${
      contents.forms.length
        ? html`<section part="presented-form">
            ${subheading(m.report)} ${contents.forms.map(form)}
          </section>`
        : nothing
    }
  `;
}
