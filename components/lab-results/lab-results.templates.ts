import { html } from 'lit';
import { labResultsMessages as m } from './lab-results.messages.js';
import { LAB_SPANS, type LabSpan } from './lab-span.js';
import type { LabFilters, LabGroup } from './lab-table.js';

// The filters above the table: search by test name, panel, abnormal only,
// time range. Each control reports through `onChange` with the field it sets.

export interface FilterHandlers {
  search(event: Event): void;
  panel(event: Event): void;
  abnormal(event: Event): void;
  span(event: Event): void;
}

export function filterBar(filters: LabFilters, groups: readonly LabGroup[], on: FilterHandlers) {
  return html`<div part="toolbar" class="toolbar" role="group" aria-label=${m.filters}>
    <label
      >${m.search} <input type="search" class="search" .value=${filters.search} @input=${on.search}
    /></label>
    <label
      >${m.panel}
      <select class="panel" @change=${on.panel}>
        <option value="" ?selected=${filters.panel === ''}>${m.allPanels}</option>
        ${groups.map(
          (g) => html`<option value=${g.id} ?selected=${filters.panel === g.id}>${g.name}</option>`,
        )}
      </select></label
    >
    <label
      >${m.span}
      <select class="span" @change=${on.span}>
        ${LAB_SPANS.map(
          (s: LabSpan) =>
            html`<option value=${s} ?selected=${filters.span === s}>${m.spans[s]}</option>`,
        )}
      </select></label
    >
    <label class="check"
      ><input
        type="checkbox"
        class="abnormal-only"
        .checked=${filters.abnormalOnly}
        @change=${on.abnormal}
      />${m.abnormalOnly}</label
    >
  </div>`;
}
