import { html, nothing, type TemplateResult } from 'lit';
import type { ChartRecord, Condition } from '../../model/index.js';
import {
  clinicalStatusOf,
  conceptLabel,
  encounterDiagnosisOnly,
  isCoded,
  problemName,
  verificationStatusOf,
} from '../../clinical/index.js';
import type { ProblemActions } from './problem-actions.js';
import { abatementText, onsetText } from './problem-dates.js';
import { renderResolveForm } from './problem-forms.js';
import { formatDate, problemListMessages as m } from './problem-list.messages.js';
import type { SectionId } from './problem-sections.js';

export interface EntryContext {
  /** A short id for the entry's form and labels, stable while the list lives. */
  id: string;
  section: SectionId;
  readOnly: boolean;
  actions: ProblemActions;
}

/** What people call the problem: its text or display, without a SNOMED CT semantic tag. */
export function nameOf(condition: Condition): string {
  const label = conceptLabel(condition.code);
  return label ? problemName(label) : m.unnamed;
}

/** Status, onset, end and severity, as one line of details. */
function details(condition: Condition): string {
  const status = clinicalStatusOf(condition);
  const severity = conceptLabel(condition.severity);
  return [
    status ? m.clinicalStatus[status] : m.noClinicalStatus,
    onsetText(condition),
    abatementText(condition),
    severity ? m.severity(severity) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The marks beside a name: verification other than confirmed, uncoded, encounter diagnosis. */
function marks(condition: Condition): TemplateResult {
  const verification = verificationStatusOf(condition);
  const said = verification ? m.verification[verification] : undefined;
  return html`${said ? html` <span class="mark verification" data-verification=${verification!}>${said}</span>` : nothing}${
    isCoded(condition)
      ? nothing
      : html` <span class="mark uncoded" title=${m.uncodedHelp}>${m.uncoded}</span>`
  }${encounterDiagnosisOnly(condition) ? html` <span class="mark">${m.encounterDiagnosis}</span>` : nothing}`;
}

function line(condition: Condition): TemplateResult {
  return html`<p class="line" part="line">
      <span class="name">${nameOf(condition)}</span>${marks(condition)}
    </p>
    <p class="details">${details(condition)}</p>`;
}

/** One problem: its name and marks, details, the resolve action and form, or every version in a conflict. */
export function renderEntry(record: ChartRecord<Condition>, ctx: EntryContext): TemplateResult {
  const { actions } = ctx;
  const error = actions.errors.get(record.key);
  const errorLine = error
    ? html`<p class="error" part="error"><span aria-hidden="true">⚠ </span>${error}</p>`
    : nothing;
  if (record.heads.length > 1) return renderConflict(record, ctx, errorLine);
  const editing =
    actions.editing?.kind === 'resolve' && actions.editing.key === record.key
      ? actions.editing
      : undefined;
  const formId = `${ctx.id}-form`;
  const resolvable = !ctx.readOnly && ctx.section === 'active';
  return html`<li class="item" part="item" data-key=${record.key}>
    ${line(record.current)}
    ${
      resolvable
        ? html`<div class="actions" part="actions">
            <button
              type="button"
              data-action="resolve"
              aria-expanded=${!!editing}
              aria-controls=${editing ? formId : nothing}
              aria-label="${m.resolve} ${nameOf(record.current)}"
              @click=${() => (editing ? actions.close() : actions.openResolve(record))}
            >
              ${m.resolve}
            </button>
          </div>`
        : nothing
    }
    ${errorLine}${editing && resolvable ? renderResolveForm(record, editing, formId, actions) : nothing}
  </li>`;
}

/** A problem changed by two people at once: every version, side by side; a clinician keeps one. */
function renderConflict(
  record: ChartRecord<Condition>,
  ctx: EntryContext,
  errorLine: TemplateResult | typeof nothing,
): TemplateResult {
  const { actions, readOnly } = ctx;
  const busy = actions.busy.has(record.key);
  return html`<li class="item conflicted" part="item" data-key=${record.key}>
    <p class="flag"><span aria-hidden="true">⚠ </span>${m.conflict(nameOf(record.current))}</p>
    <div class="conflict" part="conflict">
      <p class="note">${readOnly ? m.conflictReadOnly : m.conflictHelp}</p>
      <ul class="versions">
        ${record.heads.map((head, i) => {
          const id = `${ctx.id}-version-${i}`;
          return html`<li class="version" id=${id}>
            ${line(head.resource)}
            <p class="meta">
              ${m.versionBy(head.author.displayName)}
              <time datetime=${head.at}>${formatDate(head.at, true)}</time>
            </p>
            ${
              readOnly
                ? nothing
                : html`<div class="actions">
                    <button
                      type="button"
                      data-action="keep"
                      aria-describedby=${id}
                      ?disabled=${busy}
                      @click=${() => actions.keep(record, head)}
                    >
                      ${m.keepVersion}
                    </button>
                  </div>`
            }
          </li>`;
        })}
      </ul>
    </div>
    ${errorLine}
  </li>`;
}
