import { html, nothing, type TemplateResult } from 'lit';
import { WRITING_ROLES, type ChartStore } from '../../model/index.js';
import type { ChartPresenceController } from '../shared/chart-presence-controller.js';
import type { DecisionSupportController } from './decision-support-controller.js';
import { recordingMessages as m } from './recording.messages.js';

// Pieces both recording forms render.

/**
 * What shows instead of a form: a sentence (no store, a role that only
 * reads, the chart still loading), which the element shows as its status,
 * or the notice for a chart not (yet) on the device; undefined for the form.
 */
export function recordingGate(
  store: ChartStore | undefined,
  presence: ChartPresenceController,
): string | TemplateResult | undefined {
  if (!store) return m.noStore;
  if (!WRITING_ROLES.includes(store.user.role)) return m.readOnly;
  if (presence.pending) return m.pending;
  return presence.notice();
}

/**
 * The decision-support cards, shown by `<emr-cds-cards>` (defined by the
 * host or the kit's bundle, not imported here); its `emr-cds-override`
 * events carry the reasons.
 */
export function cdsCards(
  checks: DecisionSupportController,
  onOverride: (event: Event) => void,
  label: string,
): TemplateResult {
  return html`<emr-cds-cards
    label=${label}
    .cards=${checks.cards}
    .notes=${checks.notes}
    .pending=${checks.pending}
    tabindex="-1"
    @emr-cds-override=${onOverride}
  ></emr-cds-cards>`;
}

/** A failed save: what the store said and each field it named. */
export function saveFailure(
  failure: { message: string; where: string[] } | undefined,
): TemplateResult | typeof nothing {
  if (!failure) return nothing;
  return html`<div part="error" class="failure" role="alert">
    <span aria-hidden="true">⚠ </span>${failure.message}
    ${
      failure.where.length
        ? html`<ul>
            ${failure.where.map((where) => html`<li>${where}</li>`)}
          </ul>`
        : nothing
    }
  </div>`;
}
