import { consume } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  chartStoreContext,
  inConflict,
  WRITING_ROLES,
  type ChartRecord,
  type ChartStore,
  type Condition,
  type ResourceKey,
} from '../../model/index.js';
import { searchProblems, type CommonProblem } from '../../clinical/index.js';
import { ChartPresenceController } from '../shared/chart-presence-controller.js';
import { controlStyles } from '../shared/control.styles.js';
import { EmrElement } from '../shared/emr-element.js';
import { heading, headingLevel } from '../shared/heading.js';
import { LiveQueryController } from '../shared/live-query-controller.js';
import { memo } from '../shared/memo.js';
import { PendingGrace } from '../shared/pending-grace.js';
import { ProblemActions } from './problem-actions.js';
import { nameOf, renderEntry } from './problem-entry.js';
import { renderRecordForm } from './problem-forms.js';
import { problemListMessages as m } from './problem-list.messages.js';
import { problemListStyles } from './problem-list.styles.js';
import {
  problemSections,
  SECTIONS,
  type ProblemSections,
  type SectionId,
} from './problem-sections.js';

/**
 * A patient's problems — Conditions — in Active (active, recurrence,
 * relapse, or no clinical status) and Resolved and inactive (inactive,
 * remission, resolved) sections, each with its onset and end (a date, an
 * age, a period, a range of ages or words), severity, and its verification
 * when it is not confirmed (provisional, differential, unconfirmed). Refuted
 * and entered-in-error records are not listed: a count says how many were
 * left out. Problem-list items are shown, and conditions with no category;
 * encounter diagnoses only when asked (`encounter-diagnoses`, or the
 * toggle).
 *
 * Clinicians (store.user.role 'clinician' or 'nurse') record a problem —
 * coded, chosen from a shipped subset of common SNOMED CT problems, or free
 * text, marked uncoded — and mark an active problem resolved on a day.
 * Each action fires a cancelable event first; when it is not canceled the
 * list writes through the store. Patients and auditors see no forms, nor
 * does anyone before the chart is on this device.
 *
 * A conflict (two clinicians changed a problem at once) shows every
 * version, with its author and time; the list never resolves it by itself.
 *
 * @summary A patient's problem list, with recording, resolving and conflicts.
 *
 * @fires {ProblemRecordDetail} emr-problem-record - A clinician records a problem. Cancelable. `detail`: `{ key, id, resource, coded }`.
 * @fires {ProblemResolveDetail} emr-problem-resolve - A clinician marks a problem resolved. Cancelable. `detail`: `{ key, id, revisionId, abatement, resource }`.
 * @fires {ProblemConflictResolveDetail} emr-problem-conflict-resolve - A clinician keeps one version of a problem in conflict. Cancelable. `detail`: `{ key, id, revisionIds, chosenRevisionId, resource }`.
 *
 * @csspart section - One section (Active, Resolved and inactive).
 * @csspart item - One problem.
 * @csspart line - The problem's name and marks.
 * @csspart actions - The buttons of one problem.
 * @csspart form - The record or resolve form.
 * @csspart conflict - The versions of a problem in conflict.
 * @csspart error - An error message.
 *
 * @cssproperty --emr-problem-list-gap - Space between problems. Default: --emr-space-sm.
 * @cssproperty --emr-problem-list-item-background - Background of a problem. Default: --emr-color-surface.
 * @cssproperty --emr-problem-list-item-border-color - Border of a problem. Default: --emr-color-border.
 * @cssproperty --emr-problem-list-item-radius - Corner radius of a problem. Default: --emr-radius-md.
 * @cssproperty --emr-problem-list-item-padding - Padding of a problem. Default: --emr-space-md.
 * @cssproperty --emr-problem-list-muted-color - Details and notes. Default: --emr-color-text-muted.
 * @cssproperty --emr-problem-list-mark-color - Provisional, differential and uncoded marks (always with text). Default: --emr-color-caution.
 * @cssproperty --emr-problem-list-action-color - Primary buttons. Default: --emr-color-primary.
 * @cssproperty --emr-problem-list-conflict-color - Conflict marks (always with text). Default: --emr-color-conflict.
 * @cssproperty --emr-problem-list-error-color - Errors (always with text). Default: --emr-color-danger.
 * @cssproperty --emr-problem-list-focus-color - Focus ring. Default: --emr-color-focus.
 */
export class EmrProblemList extends EmrElement {
  static override styles = [EmrElement.styles, controlStyles, problemListStyles];

  /** The FHIR id of the patient. */
  @property({ attribute: 'patient-id', reflect: true }) patientId = '';

  /** Show encounter diagnoses too, not only problem-list items (and conditions with no category). */
  @property({ attribute: 'encounter-diagnoses', type: Boolean, reflect: true })
  encounterDiagnoses = false;

  /** The level of the list's heading (1 to 6, default 2); its sections' are one below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The chart store: from context (chartStoreContext), or set here by a host without one. */
  @consume({ context: chartStoreContext, subscribe: true })
  @property({ attribute: false })
  store?: ChartStore;

  readonly #conditions = new LiveQueryController<Array<ChartRecord<Condition>>>(this, (store, id) =>
    store.conditions(id),
  );
  readonly #presence = new ChartPresenceController(this);
  readonly #grace = new PendingGrace(this, () => this.patientId);
  readonly #actions = new ProblemActions(this, (message) => (this.announcement = message));

  /** What the polite live region says: results of actions and conflicts that arrive. */
  @state() private announcement = '';
  readonly #sectionsOf = memo(problemSections);
  readonly #searchOf = memo(searchProblems);
  #sections: ProblemSections | undefined;
  #matches: readonly CommonProblem[] = [];
  /** Conflicts in the last list seen; undefined before the first, which is never announced. */
  #conflicts: Set<ResourceKey> | undefined;
  /** A short id for each record, stable while the element lives. */
  readonly #ids = new Map<ResourceKey, string>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('patientId') || changed.has('store')) this.#conflicts = undefined;
    const editing = this.#actions.editing;
    this.#matches = editing?.kind === 'record' ? this.#searchOf(editing.query) : [];
    const state = this.#conditions.state;
    this.#sections =
      state.status === 'ready' ? this.#sectionsOf(state.value, this.encounterDiagnoses) : undefined;
    if (state.status !== 'ready') return;
    for (const { key } of state.value)
      if (!this.#ids.has(key)) this.#ids.set(key, `problem-${this.#ids.size + 1}`);
    this.#announceNewConflicts(state.value);
  }

  override render(): TemplateResult {
    // A first answer about to come from the device: no pending state painted before it.
    if (this.#pending && this.#grace.holding) return html``;
    return html`
      ${heading(this.#level, m.title, { class: 'title' })} ${this.#body()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  get #readOnly(): boolean {
    return !this.store || !WRITING_ROLES.includes(this.store.user.role);
  }

  /** It says it is loading: its problems not read yet, or none read before it is known whether the chart is here (never in place of "not on this device"). */
  get #pending(): boolean {
    const state = this.#conditions.state;
    return (
      (state.status === 'pending' && !this.#presence.missing) ||
      (state.status === 'ready' && state.value.length === 0 && this.#presence.pending)
    );
  }

  #body(): TemplateResult {
    const state = this.#conditions.state;
    if (this.#pending) return html`<p class="state">${m.pending}</p>`;
    // Not "no problems recorded" for a chart that is not here yet.
    const empty = state.status === 'pending' || (state.status === 'ready' && !state.value.length);
    const notice = empty ? this.#presence.notice() : undefined;
    if (notice) return notice;
    switch (state.status) {
      case 'idle':
        return html`<p class="state">${m.idle}</p>`;
      case 'pending':
        return html`<p class="state">${m.pending}</p>`;
      case 'error':
        return html`<p class="error" part="error">
          <span aria-hidden="true">⚠ </span>${m.error(state.error.message)}
        </p>`;
      case 'ready':
        return this.#list(this.#sections!);
    }
  }

  #list(sections: ProblemSections): TemplateResult {
    const editing = this.#actions.editing;
    const canRecord = !this.#readOnly && this.#presence.present;
    return html`
      ${this.#toolbar(sections, canRecord)}
      ${editing?.kind === 'record' && canRecord ? renderRecordForm(editing, this.#matches, this.#actions) : nothing}
      ${sections.hidden ? html`<p class="hidden-count">${m.hidden(sections.hidden)}</p>` : nothing}
      ${sections.conflicts ? html`<p class="conflicts-notice"><span aria-hidden="true">⚠ </span>${m.conflictsNotice(sections.conflicts)}</p>` : nothing}
      ${
        sections.listed === 0 && sections.hidden === 0 && sections.encounterDiagnoses === 0
          ? html`<p class="state">${m.empty}</p>`
          : SECTIONS.map((id) => this.#section(id, sections.groups[id]))
      }
    `;
  }

  #toolbar(sections: ProblemSections, canRecord: boolean): TemplateResult | typeof nothing {
    if (!canRecord && sections.encounterDiagnoses === 0) return nothing;
    const recordOpen = this.#actions.editing?.kind === 'record';
    return html`<div class="toolbar">
      ${
        canRecord
          ? html`<button
              type="button"
              class="primary"
              data-action="record"
              aria-expanded=${recordOpen}
              aria-controls=${recordOpen ? 'record-form' : nothing}
              @click=${() => (recordOpen ? this.#actions.close() : this.#actions.openRecord())}
            >
              ${m.record}
            </button>`
          : nothing
      }
      ${
        sections.encounterDiagnoses
          ? html`<button
              type="button"
              data-action="encounter-diagnoses"
              aria-pressed=${this.encounterDiagnoses}
              @click=${() => (this.encounterDiagnoses = !this.encounterDiagnoses)}
            >
              ${m.showEncounterDiagnoses(sections.encounterDiagnoses)}
            </button>`
          : nothing
      }
    </div>`;
  }

  #section(section: SectionId, records: Array<ChartRecord<Condition>>): TemplateResult {
    const readOnly = this.#readOnly;
    return html`<section
      part="section"
      aria-labelledby="section-${section}"
      data-section=${section}
    >
      ${heading(
        this.#level + 1,
        html`${m.section[section]} <span class="count">(${records.length})</span>`,
        { id: `section-${section}`, class: 'section-title' },
      )}
      ${
        records.length === 0
          ? html`<p class="empty">${m.sectionEmpty[section]}</p>`
          : html`<ul class="items">
              ${repeat(
                records,
                (record) => record.key,
                (record) =>
                  renderEntry(record, {
                    id: this.#ids.get(record.key) ?? '',
                    section,
                    readOnly,
                    actions: this.#actions,
                  }),
              )}
            </ul>`
      }
    </section>`;
  }

  get #level(): number {
    return headingLevel(this.headingLevel, 2);
  }

  #announceNewConflicts(records: ReadonlyArray<ChartRecord<Condition>>): void {
    const now = new Set(records.filter(inConflict).map((record) => record.key));
    const seen = this.#conflicts;
    this.#conflicts = now;
    if (!seen) return;
    const fresh = records.filter((record) => now.has(record.key) && !seen.has(record.key));
    if (fresh.length)
      this.announcement = fresh.map((record) => m.newConflict(nameOf(record.current))).join(' ');
  }
}
