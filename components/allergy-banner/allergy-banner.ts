import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import {
  chartStoreContext,
  deliveryStatusContext,
  type ChartStore,
  type DeliveryStatusSource,
} from '../../model/index.js';
import { allergyMessages, type AllergyEntry, type AllergyState } from '../../clinical/index.js';
import { controlStyles } from '../shared/control.styles.js';
import { deliveryNoteStyles } from '../shared/delivery-note.js';
import { DeliveryStatesController } from '../shared/delivery-states-controller.js';
import { EmrElement } from '../shared/emr-element.js';
import { PendingGrace } from '../shared/pending-grace.js';
import { AllergyBannerController, type BannerView } from './allergy-banner-controller.js';
import { EmrAllergyConflictSelectEvent, EmrAllergySelectEvent } from './allergy-banner.events.js';
import { bannerMessages as messages } from './allergy-banner.messages.js';
import { styles } from './allergy-banner.styles.js';
import {
  allergyName,
  entryItem,
  flags,
  otherConflicts,
  type EntryActions,
} from './allergy-banner.templates.js';

export type AllergyBannerLayout = 'expanded' | 'compact';

type Ready = Extract<BannerView, { phase: 'ready' }>;

const ICON: Record<AllergyState | 'pending' | 'unconfirmed', string> = {
  pending: '…',
  /** "No known allergies" not confirmed: a question, not a tick. */
  unconfirmed: '?',
  known: '⚠',
  'no-known-allergies': '✓',
  'not-recorded': '?',
  unavailable: '⊘',
};

/**
 * @summary A patient's allergy status in the four states of the NHS patient
 * banner: known allergies (listed, most dangerous first), no known
 * allergies, allergies not recorded, allergies unavailable. Never blank.
 * Records changed by two people at once show every value until a clinician
 * resolves them; allergies that arrive while it is shown are announced
 * politely.
 *
 * No slots: everything it shows comes from the chart.
 *
 * @fires {AllergySelectDetail} emr-allergy-select - A clinician activated an allergy. `detail`: `{ key, id }`.
 * @fires {AllergyConflictSelectDetail} emr-allergy-conflict-select - A clinician asked to review a record in conflict. `detail`: `{ key, id, heads }` (head revision ids).
 *
 * @csspart banner - The whole banner.
 * @csspart summary - The line that names the state (and, compact, the count and the most dangerous allergy).
 * @csspart toggle - The button that shows or hides the details in the compact layout.
 * @csspart item - One allergy (or one record in conflict).
 * @csspart conflict - The values of a record in conflict and the button to review it.
 *
 * @cssproperty --emr-allergy-banner-background - Banner background. Falls back to `--emr-color-surface`.
 * @cssproperty --emr-allergy-banner-text-color - Text colour. Falls back to `--emr-color-text`.
 * @cssproperty --emr-allergy-banner-border-color - Border colour. Falls back to `--emr-color-border`.
 * @cssproperty --emr-allergy-banner-radius - Corner radius. Falls back to `--emr-radius-md`.
 * @cssproperty --emr-allergy-banner-padding - Inner spacing. Falls back to `--emr-space-md`.
 * @cssproperty --emr-allergy-banner-gap - Space between items. Falls back to `--emr-space-sm`.
 * @cssproperty --emr-allergy-banner-known-color - Accent of "Known allergies". Falls back to `--emr-color-severity-high`.
 * @cssproperty --emr-allergy-banner-no-known-color - Accent of "No known allergies". Falls back to `--emr-color-normal`.
 * @cssproperty --emr-allergy-banner-no-known-unconfirmed-color - Accent of "No known allergies — unconfirmed". Falls back to `--emr-color-warning`.
 * @cssproperty --emr-allergy-banner-not-recorded-color - Accent of "Allergies not recorded". Falls back to `--emr-color-warning`.
 * @cssproperty --emr-allergy-banner-unavailable-color - Accent of "Allergies unavailable". Falls back to `--emr-color-critical`.
 * @cssproperty --emr-allergy-banner-pending-color - Accent while loading. Falls back to `--emr-color-pending`.
 * @cssproperty --emr-allergy-banner-high-color - High criticality and severe reactions. Falls back to `--emr-color-severity-high`.
 * @cssproperty --emr-allergy-banner-moderate-color - Moderate reactions. Falls back to `--emr-color-severity-moderate`.
 * @cssproperty --emr-allergy-banner-conflict-color - Records in conflict. Falls back to `--emr-color-conflict`.
 * @cssproperty --emr-allergy-banner-focus-color - Focus ring. Falls back to `--emr-color-focus`.
 */
export class EmrAllergyBanner extends EmrElement {
  static override styles = [EmrElement.styles, controlStyles, deliveryNoteStyles, styles];

  /** The FHIR id of the patient. */
  @property({ attribute: 'patient-id' }) patientId = '';

  /** `expanded` lists every allergy; `compact` is one line (state, count, most dangerous allergy) with a disclosure. */
  @property({ reflect: true }) layout: AllergyBannerLayout = 'expanded';

  /** In the compact layout: whether the details are shown. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The chart store: from context, or set directly. */
  @consume({ context: chartStoreContext, subscribe: true })
  @property({ attribute: false })
  store?: ChartStore;

  /**
   * The link to the hospital record (from context, deliveryStatusContext, or
   * set here): with one, each allergy says where it stands with the hospital
   * record (waiting, not accepted, refused, kept here only, changed there
   * too); without one, nothing is said.
   */
  @consume({ context: deliveryStatusContext, subscribe: true })
  @property({ attribute: false })
  delivery?: DeliveryStatusSource;

  readonly #data = new AllergyBannerController(this);
  readonly #grace = new PendingGrace(this, () => this.patientId);
  /** Where each allergy stands with the hospital record, while there is a delivery and the store offers it. */
  readonly #deliveries = new DeliveryStatesController(this);

  readonly #actions: EntryActions = {
    select: (entry) =>
      this.dispatchEvent(new EmrAllergySelectEvent({ key: entry.key, id: idOf(entry) })),
    review: (entry) =>
      this.dispatchEvent(
        new EmrAllergyConflictSelectEvent({
          key: entry.key,
          id: idOf(entry),
          heads: entry.values.map((v) => v.revisionId),
        }),
      ),
  };

  /** What the banner shows now: `pending` until the store answers, then one of the four states. */
  get state(): AllergyState | 'pending' {
    const { view } = this.#data;
    return view.phase === 'pending' ? 'pending' : view.status.state;
  }

  override render(): TemplateResult {
    const { view, announcement } = this.#data;
    // A first answer about to come from the device: no pending state painted before it.
    if (view.phase === 'pending' && this.#grace.holding) return html``;
    const state = this.state;
    // An unconfirmed "no known allergies" must never look like a confirmed one: its own accent and icon, and words.
    const unconfirmed =
      view.phase !== 'pending' && state === 'no-known-allergies' && !view.status.noKnownConfirmed;
    return html`
      <div
        part="banner"
        class="banner ${state}${unconfirmed ? ' unconfirmed' : ''}"
        role="group"
        aria-labelledby="state"
      >
        ${
          view.phase === 'pending'
            ? html`<p part="summary" class="summary">
                <span class="lead"
                  >${icon(state)}
                  <strong id="state" class="state">${messages.pending}</strong></span
                >
              </p>`
            : this.#ready(view)
        }
        <div class="visually-hidden" role="status">${announcement}</div>
      </div>
    `;
  }

  #ready({ status, reason, otherConflicts: others }: Ready): TemplateResult {
    const compact = this.layout === 'compact';
    const { entries } = status;
    const top = status.summary.top;
    // A scoped assertion that no listed allergy contradicts ("No known drug allergies" beside a food allergy).
    const alsoRecorded =
      status.state === 'known' && !status.contradiction && status.noKnownScopes.length
        ? allergyMessages.noKnownLabel(status.noKnownScopes, status.noKnownConfirmed)
        : '';
    const hasBody = entries.length > 0 || others.length > 0 || alsoRecorded !== '';
    const showBody = !compact || this.open;
    const deliveries = this.#deliveries.value;
    return html`
      <p part="summary" class="summary">
        <span class="lead"
          >${icon(status.state === 'no-known-allergies' && !status.noKnownConfirmed ? 'unconfirmed' : status.state)}
          <strong id="state" class="state"
            >${status.state === 'known' ? messages.known(entries.length) : status.label}</strong
          ></span
        >
        ${
          compact && top
            ? html`<span class="top"
                >${allergyName(top, this.#actions)} ${flags(top)}
                ${
                  entries.length > 1
                    ? html`<span class="more">${messages.more(entries.length - 1)}</span>`
                    : nothing
                }</span
              >`
            : nothing
        }
        ${reason ? html`<span class="reason">${messages.unavailable[reason]} ${messages.unavailable.advice}</span>` : nothing}
        ${
          status.conflict
            ? html`<span class="flag conflict-flag"
                ><span class="icon" aria-hidden="true">⇄</span>${messages.conflict.flag}</span
              >`
            : nothing
        }
        ${status.contradiction ? html`<span class="flag warning">${messages.contradiction}</span>` : nothing}
        ${
          compact && hasBody
            ? html`<button
                part="toggle"
                class="toggle"
                type="button"
                aria-expanded=${String(this.open)}
                aria-controls="details"
                @click=${this.#toggle}
              >
                ${this.open ? messages.hide : messages.show(entries.length)}
              </button>`
            : nothing
        }
      </p>
      ${
        hasBody
          ? html`<div id="details" class="body" ?hidden=${!showBody}>
              ${
                entries.length
                  ? html`<ul class="entries">
                      ${entries.map((entry) => entryItem(entry, this.#actions, deliveries[entry.key]))}
                    </ul>`
                  : nothing
              }
              ${alsoRecorded ? html`<p class="also">${messages.alsoRecorded(alsoRecorded)}</p>` : nothing}
              ${otherConflicts(others, this.#actions)}
            </div>`
          : nothing
      }
    `;
  }

  #toggle(): void {
    this.open = !this.open;
  }
}

const icon = (state: AllergyState | 'pending' | 'unconfirmed') =>
  html`<span class="icon" aria-hidden="true">${ICON[state]}</span>`;

/** The FHIR id: the key is `AllergyIntolerance/<id>`. */
const idOf = (entry: AllergyEntry) => entry.key.slice(entry.key.indexOf('/') + 1);
