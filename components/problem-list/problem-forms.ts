import { html, nothing, type TemplateResult } from 'lit';
import type { ChartRecord, Condition } from '../../model/index.js';
import { conceptLabel, problemName, type CommonProblem } from '../../clinical/index.js';
import type { ProblemActions, RecordDraft, ResolveDraft } from './problem-actions.js';
import { today } from './problem-changes.js';
import { problemListMessages as m } from './problem-list.messages.js';

// The two forms of the list: recording a problem (above the sections) and
// resolving one (under it). Native controls; Escape closes and gives focus
// back to the button that opened the form.

function formEvents(actions: ProblemActions, submit: () => void) {
  return {
    submit: (event: SubmitEvent) => {
      event.preventDefault();
      submit();
    },
    keydown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      actions.close();
    },
  };
}

const valueOf = (event: Event) => (event.target as HTMLInputElement).value;

/** The search over the common problems, the matches as buttons (one chosen at a time), free text, and an onset date. */
export function renderRecordForm(
  draft: RecordDraft,
  matches: readonly CommonProblem[],
  actions: ProblemActions,
): TemplateResult {
  const on = formEvents(actions, () => void actions.record());
  const typed = draft.query.trim();
  const problem = draft.problem ? m[draft.problem] : undefined;
  const dateProblem = draft.problem === 'badDate' || draft.problem === 'futureDate';
  const error = actions.recordError;
  return html`<form
    id="record-form"
    class="form"
    part="form"
    novalidate
    aria-labelledby="record-title"
    @submit=${on.submit}
    @keydown=${on.keydown}
  >
    <p class="form-title" id="record-title">${m.recordForm}</p>
    <div class="field">
      <label for="problem-search">${m.search}</label>
      <input
        id="problem-search"
        type="search"
        autocomplete="off"
        .value=${draft.query}
        aria-describedby="problem-search-help${draft.problem === 'chooseFirst' ? ' record-problem' : ''}"
        aria-invalid=${draft.problem === 'chooseFirst' ? 'true' : 'false'}
        @input=${(event: Event) => actions.edit({ query: valueOf(event) })}
      />
    </div>
    <p class="note" id="problem-search-help">${m.searchHelp}</p>
    ${
      typed
        ? html`<ul class="matches" aria-label=${m.matches}>
              ${matches.map(
                (match) =>
                  html`<li>
                    <button
                      type="button"
                      class="quiet match"
                      data-code=${match.code}
                      aria-pressed=${draft.chosen?.code === match.code}
                      @click=${() => actions.edit({ chosen: match, freeText: false })}
                    >
                      ${problemName(match.display)}
                      <span class="code">SNOMED CT ${match.code}</span>
                    </button>
                  </li>`,
              )}
              <li>
                <button
                  type="button"
                  class="quiet match"
                  data-free-text
                  aria-pressed=${draft.freeText}
                  @click=${() => actions.edit({ chosen: undefined, freeText: true })}
                >
                  ${m.asFreeText(typed)}
                </button>
              </li>
            </ul>
            ${matches.length === 0 ? html`<p class="note">${m.noMatches}</p>` : nothing}`
        : nothing
    }
    ${
      draft.chosen
        ? html`<p class="chosen">
            ${m.chosen(problemName(draft.chosen.display), draft.chosen.code)}
          </p>`
        : nothing
    }
    <div class="field">
      <label for="problem-onset">${m.onsetDate}</label>
      <input
        id="problem-onset"
        type="date"
        max=${today()}
        .value=${draft.onset}
        aria-invalid=${dateProblem ? 'true' : 'false'}
        aria-describedby=${dateProblem ? 'record-problem' : nothing}
        @input=${(event: Event) => actions.edit({ onset: valueOf(event) })}
      />
    </div>
    ${problem ? html`<p class="problem" id="record-problem"><span aria-hidden="true">⚠ </span>${problem}</p>` : nothing}
    ${error ? html`<p class="error" part="error"><span aria-hidden="true">⚠ </span>${error}</p>` : nothing}
    <div class="form-actions">
      <button type="submit" ?disabled=${actions.busy.has('record-form')}>${m.save}</button>
      <button type="button" @click=${() => actions.close()}>${m.cancel}</button>
    </div>
  </form>`;
}

/** The day the problem resolved, today unless changed. */
export function renderResolveForm(
  record: ChartRecord<Condition>,
  draft: ResolveDraft,
  id: string,
  actions: ProblemActions,
): TemplateResult {
  const on = formEvents(actions, () => void actions.resolve(record));
  const problem = draft.problem ? m[draft.problem] : undefined;
  return html`<form
    id=${id}
    class="form"
    part="form"
    novalidate
    aria-labelledby="${id}-title"
    @submit=${on.submit}
    @keydown=${on.keydown}
  >
    <p class="form-title" id="${id}-title">
      ${m.resolveForm(conceptLabel(record.current.code) ?? m.unnamed)}
    </p>
    <div class="field">
      <label for="${id}-date">${m.resolvedOn}</label>
      <input
        id="${id}-date"
        type="date"
        max=${today()}
        .value=${draft.date}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? `${id}-problem` : nothing}
        @input=${(event: Event) => actions.edit({ date: valueOf(event) })}
      />
    </div>
    ${problem ? html`<p class="problem" id="${id}-problem"><span aria-hidden="true">⚠ </span>${problem}</p>` : nothing}
    <div class="form-actions">
      <button type="submit" ?disabled=${actions.busy.has(record.key)}>${m.confirmResolve}</button>
      <button type="button" @click=${() => actions.close()}>${m.cancel}</button>
    </div>
  </form>`;
}
