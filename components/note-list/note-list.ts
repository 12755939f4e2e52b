import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { noteMessages } from '../../clinical/index.js';
import {
  chartStoreContext,
  deliveryStatusContext,
  type ChartStore,
  type DeliveryStatusSource,
} from '../../model/index.js';
import { controlStyles } from '../shared/control.styles.js';
import { deliveryNote, deliveryNoteStyles } from '../shared/delivery-note.js';
import { deliveryNoteMessages } from '../shared/delivery-note.messages.js';
import { DeliveryStatesController } from '../shared/delivery-states-controller.js';
import { EmrElement } from '../shared/emr-element.js';
import { ChartPresenceController } from '../shared/chart-presence-controller.js';
import { LiveQueryController } from '../shared/live-query-controller.js';
import { memo } from '../shared/memo.js';
import { PendingGrace } from '../shared/pending-grace.js';
import { noteEntries, type NoteEntry } from './note-entries.js';
import { EmrNoteSelectEvent } from '../shared/note-select.events.js';
import { styles } from './note-list.styles.js';
import { noteStatusStyles } from './note-status.styles.js';

const messages = {
  idle: 'No patient chart is connected.',
  pending: 'Loading notes…',
  empty: 'No notes recorded.',
  error: (message: string) => `Notes could not be loaded: ${message}`,
  label: 'Clinical notes',
  conflict: 'two versions',
  delivery: deliveryNoteMessages,
};

/**
 * @summary A patient's clinical notes — drafts, signed notes and their
 * addenda (listed under the note they append to) — with type, author, date
 * and status. Choosing one asks the host to open it. On a page that gives
 * changes back to the hospital record (a delivery), each note not simply
 * sent there says where it stands, in words with an icon.
 *
 * @fires {NoteSelectDetail} emr-note-select - A clinician chose a note. `detail`: `{ patientId, noteId }`.
 *
 * @csspart list - The list of notes.
 * @csspart item - One note (or addendum).
 *
 * @cssproperty --emr-note-list-border-color - Falls back to `--emr-color-border`.
 * @cssproperty --emr-note-list-muted-color - Author and date. Falls back to `--emr-color-text-muted`.
 * @cssproperty --emr-note-list-gap - Falls back to `--emr-space-sm`.
 * @cssproperty --emr-note-list-signed-color - "Signed". Falls back to `--emr-color-normal`.
 * @cssproperty --emr-note-list-draft-color - "Draft". Falls back to `--emr-color-pending`.
 * @cssproperty --emr-note-list-error-color - Falls back to `--emr-color-critical`.
 * @cssproperty --emr-note-list-focus-color - Falls back to `--emr-color-focus`.
 */
export class EmrNoteList extends EmrElement {
  static override styles = [
    EmrElement.styles,
    controlStyles,
    deliveryNoteStyles,
    noteStatusStyles,
    styles,
  ];

  /** The FHIR id of the patient. */
  @property({ attribute: 'patient-id' }) patientId = '';

  /** The chart store: from context, or set directly. */
  @consume({ context: chartStoreContext, subscribe: true })
  @property({ attribute: false })
  store?: ChartStore;

  /** The delivery to the hospital record (deliveryStatusContext, or set here): with one, each note not simply sent says where it stands there. */
  @consume({ context: deliveryStatusContext, subscribe: true })
  @property({ attribute: false })
  delivery?: DeliveryStatusSource;

  readonly #notes = new LiveQueryController(this, (store, patientId) => store.notes(patientId));
  readonly #presence = new ChartPresenceController(this);
  readonly #grace = new PendingGrace(this, () => this.patientId);
  readonly #deliveries = new DeliveryStatesController(this);
  /** The rows, worked out once for each answer of the store. */
  readonly #entriesOf = memo(noteEntries);
  #entries: NoteEntry[] = [];

  protected override willUpdate(): void {
    const { state } = this.#notes;
    this.#entries = state.status === 'ready' ? this.#entriesOf(state.value) : [];
  }

  /** It says it is loading: its notes not read yet, or read before it is known whether the chart is here (never in place of "not on this device"). */
  get #pending(): boolean {
    const { status } = this.#notes.state;
    return (
      (status === 'pending' && !this.#presence.missing) ||
      (status === 'ready' && this.#presence.pending)
    );
  }

  override render(): TemplateResult {
    // A first answer about to come from the device: no pending state painted before it.
    if (this.#pending && this.#grace.holding) return html``;
    const { state } = this.#notes;
    if (this.#pending) return html`<p class="state" role="status">${messages.pending}</p>`;
    // Not "no notes recorded" for a chart that is not here yet.
    const notice =
      state.status === 'pending' || state.status === 'ready' ? this.#presence.notice() : undefined;
    if (notice) return notice;
    switch (state.status) {
      case 'idle':
        return html`<p class="state">${messages.idle}</p>`;
      case 'pending':
        return html`<p class="state" role="status">${messages.pending}</p>`;
      case 'error':
        return html`<p class="state error" role="alert">${messages.error(state.error.message)}</p>`;
      case 'ready': {
        const entries = this.#entries;
        if (entries.length === 0) return html`<p class="state">${messages.empty}</p>`;
        return html`<ul part="list" aria-label=${messages.label}>
          ${entries.map((entry) => this.#item(entry, false))}
        </ul>`;
      }
    }
  }

  #item(entry: NoteEntry, addendum: boolean): TemplateResult {
    return html`<li part="item" data-note-id=${entry.noteId}>
      <button
        type="button"
        @click=${() => this.dispatchEvent(new EmrNoteSelectEvent({ patientId: this.patientId, noteId: entry.noteId }))}
      >
        <span class="type">${addendum ? `${noteMessages.addendum}: ` : ''}${entry.type}</span>
        <span class="status ${entry.status}"
          >${noteMessages.status[entry.status]}${entry.conflict ? ` (${messages.conflict})` : ''}</span
        >
        <span class="meta">${entry.author}, ${noteMessages.dateTime(entry.date)}</span>
      </button>
      ${deliveryNote(this.#deliveries.value[entry.key], messages.delivery)}
      ${
        entry.addenda.length
          ? html`<ul class="addenda">
              ${entry.addenda.map((a) => this.#item(a, true))}
            </ul>`
          : nothing
      }
    </li>`;
  }
}
