import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { DEFAULT_NOTE_TEMPLATES, type NoteTemplate } from '../../clinical/index.js';
import {
  chartStoreContext,
  WRITING_ROLES,
  type ChartStore,
  type DocumentReference,
  type Revision,
} from '../../model/index.js';
import { EmrNoteSelectEvent } from '../shared/note-select.events.js';
import { noteStatusStyles } from '../note-list/note-status.styles.js';
import { ChartPresenceController } from '../shared/chart-presence-controller.js';
import { controlStyles } from '../shared/control.styles.js';
import { EmrElement } from '../shared/emr-element.js';
import { editRefusal } from './edit-refusal.js';
import {
  addendumAction,
  draftBody,
  formattingToolbar,
  signAction,
  signedBody,
} from './note-draft.templates.js';
import {
  EmrNoteAddendumEvent,
  EmrNoteEditRefuseEvent,
  type EditRefusal,
} from './note-editor.events.js';
import { editorMessages as messages } from './note-editor.messages.js';
import { styles } from './note-editor.styles.js';
import {
  addenda,
  appendsTo,
  draftChoice,
  header,
  signature,
  templatePicker,
  unsignedNotice,
} from './note-editor.templates.js';
import { NoteListingController } from './note-listing-controller.js';
import { NoteSignController } from './note-sign-controller.js';
import { NoteTemplateController } from './note-template-controller.js';
import { NoteTextController } from './note-text-controller.js';
import { prosemirrorStyles } from './prosemirror.styles.js';
import { unsignedDraft, type UnsignedDraft } from './signed-elsewhere.js';
import { SignedTextController } from './signed-text-controller.js';

/**
 * @summary A clinical note: a draft edited together in real time and saved
 * on the device as it is typed, then signed once the clinician confirms it
 * (signing cannot be undone). A signed note is read only,
 * shown from its signed DocumentReference with its hash checked, and takes
 * addenda. An edit of a signed (or read-only) note is refused and reported.
 * When a colleague signs the note while it is open here, what this clinician
 * had written and the signed text lacks stays in view, for an addendum. A
 * note started on two devices at once asks which listing to keep.
 *
 * @fires {NoteSignDetail} emr-note-sign - A clinician asked to sign, and confirmed it. Cancelable. `detail`: `{ patientId, noteId, key, type }`.
 * @fires {NoteEditRefuseDetail} emr-note-edit-refuse - An edit was refused, nothing changed. `detail`: `{ noteId, reason, message }`.
 * @fires {NoteAddendumDetail} emr-note-addendum - A clinician asked to add an addendum. `detail`: `{ patientId, noteId, addendumId }`.
 * @fires {NoteSelectDetail} emr-note-select - A clinician opened a linked note (an addendum, or the note an addendum appends to). `detail`: `{ patientId, noteId }`.
 *
 * @csspart header - Type, status and who started the note.
 * @csspart toolbar - The formatting buttons.
 * @csspart actions - "Sign note" (and the question asked before signing) under a draft; "Add addendum" under a signed note.
 * @csspart text - The note's text.
 * @csspart addenda - The addenda of a signed note.
 * @csspart confirm-sign - The question asked before signing, with its answers.
 * @csspart unsigned - What this clinician had written when a colleague signed the note.
 * @csspart conflict - The two listings of a note started on two devices at once, to keep one.
 *
 * @cssproperty --emr-note-editor-background - Falls back to `--emr-color-surface`.
 * @cssproperty --emr-note-editor-text-color - Falls back to `--emr-color-text`.
 * @cssproperty --emr-note-editor-muted-color - Secondary text. Falls back to `--emr-color-text-muted`.
 * @cssproperty --emr-note-editor-border-color - Falls back to `--emr-color-border`.
 * @cssproperty --emr-note-editor-radius - Falls back to `--emr-radius-md`.
 * @cssproperty --emr-note-editor-padding - Falls back to `--emr-space-md`.
 * @cssproperty --emr-note-editor-gap - Falls back to `--emr-space-sm`.
 * @cssproperty --emr-note-editor-min-height - Height of an empty note. Defaults to 12rem.
 * @cssproperty --emr-note-editor-signed-color - Signed status and a verified hash. Falls back to `--emr-color-normal`.
 * @cssproperty --emr-note-editor-warning-color - Refusals and a hash mismatch. Falls back to `--emr-color-critical`.
 * @cssproperty --emr-note-editor-focus-color - Falls back to `--emr-color-focus`.
 */
export class EmrNoteEditor extends EmrElement {
  static override styles = [
    EmrElement.styles,
    controlStyles,
    prosemirrorStyles,
    noteStatusStyles,
    styles,
  ];

  /** The FHIR id of the patient. */
  @property({ attribute: 'patient-id' }) patientId = '';
  /** The note's id: its DocumentReference's id and its note document's name. A new id starts a new note. */
  @property({ attribute: 'note-id' }) noteId = '';
  /** LOINC code of a new note's type (a progress note by default); a listed note keeps its own. */
  @property({ attribute: 'note-type' }) noteType = '';
  /** Id of a template (in `templates`) to start a new, empty note with. */
  @property() template = '';
  /** For an addendum: the id of the signed note it appends to. */
  @property() appends = '';
  /** Shows the note without letting it be changed (it is anyway for a role that does not write). */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** The level (1 to 6) at which the note's title (its type) is a heading, to fit the host page's outline; plain text when absent. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;
  /** Templates offered for an empty note. */
  @property({ attribute: false }) templates: readonly NoteTemplate[] = DEFAULT_NOTE_TEMPLATES;
  /** A y-protocols Awareness of the note document, set by the sync layer: co-editors' cursors show when present. */
  @property({ attribute: false }) awareness?: unknown;

  /** The chart store: from context, or set directly. */
  @consume({ context: chartStoreContext, subscribe: true })
  @property({ attribute: false })
  store?: ChartStore;

  @state() private message = '';
  /** What this clinician had written when a colleague signed the note, if the signed text lacks it. */
  @state() private unsigned: UnsignedDraft | undefined;

  readonly #listing = new NoteListingController(this, (message) => (this.message = message));
  /** A note is written into the chart: none is started on a device that does not hold the chart yet. */
  readonly #presence = new ChartPresenceController(this);
  readonly #signedText = new SignedTextController(this);
  readonly #text: NoteTextController = new NoteTextController(this, {
    mount: () => this.renderRoot.querySelector<HTMLElement>('.frame')!,
    label: () => messages.textLabel(this.#listing.type.label),
    editable: () => this.#editable,
    onEdit: () => void this.#listing.list(),
    onChange: () => this.#templates.textChanged(),
    onRefused: () => this.#refuse(),
  });
  readonly #sign = new NoteSignController(this, {
    listing: this.#listing,
    text: this.#text,
    editable: () => this.#editable,
    say: (message) => (this.message = message),
  });
  readonly #refusal = editRefusal({ editable: () => this.#editable, refuse: () => this.#refuse() });
  readonly #templates = new NoteTemplateController(this, {
    listing: this.#listing,
    text: this.#text,
    editable: () => this.#editable,
  });

  get #writer(): boolean {
    return !!this.store && WRITING_ROLES.includes(this.store.user.role) && !this.readonly;
  }
  get #editable(): boolean {
    return this.#writer && !this.#sign.signing && !this.#sign.signed;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('noteId') || changed.has('patientId') || changed.has('store')) {
      this.message = '';
      this.unsigned = undefined;
      this.#sign.reset();
    }
    const signed = this.#sign.signed;
    const draft = this.#text.view;
    // Signed by someone else while the draft was open here: keep what it lacks before the draft is let go.
    if (signed && draft && !this.#sign.signing && !this.#sign.signedHere(signed)) {
      this.unsigned = unsignedDraft(draft.content().text, signed);
    }
    this.#signedText.show(signed);
    // A signed note's text is its DocumentReference: the note document is let go. Nor is one opened before the chart is here.
    this.#text.sync(this.#listing.note !== undefined && !signed && this.#presence.present);
    this.#text.view?.refresh();
  }

  override render(): TemplateResult {
    const query = this.#listing.state;
    if (!this.store || !this.patientId || !this.noteId || query.status === 'idle')
      return this.#box(html`<p>${messages.idle}</p>`);
    if (query.status === 'error')
      return this.#box(
        html`<p class="alert" role="alert">${messages.error(query.error.message)}</p>`,
      );
    const note = this.#listing.note;
    if (!note || this.#presence.pending) return this.#box(html`<p>${messages.pending}</p>`);
    const notOnDevice = this.#presence.notice();
    if (notOnDevice) return this.#box(notOnDevice);
    const signed = this.#sign.signed;
    return this.#box(html`
      ${header(signed?.resource ?? note.record?.current, this.#listing.type.label, this.headingLevel)}
      ${appendsTo(note.original, this.#open)}
      ${!signed && this.#writer && note.record && note.record.heads.length > 1 ? draftChoice(note.record, this.#listing.keep) : nothing}
      ${signed ? this.#signedNote(signed) : this.#draft()}
      ${this.unsigned ? unsignedNotice(this.unsigned, () => (this.unsigned = undefined)) : nothing}
      <p class="alert" role="alert">${this.message}</p>
      ${addenda(note.addenda, this.#open)}
    `);
  }

  #box(content: TemplateResult): TemplateResult {
    return html`<article class="note" aria-label=${this.#listing.type.label}>${content}</article>`;
  }

  /** The formatting toolbar and the template picker over the text; "Sign note" under it, apart. */
  #draft(): TemplateResult {
    const view = this.#text.view;
    const body = draftBody(this.#text.state, !this.#editable, this.#refusal);
    if (!this.#writer)
      return html`<p class="hint">${messages.readOnly}</p>
        ${body}`;
    return html`<div class="tools">
        ${formattingToolbar(view)}
        ${this.#templates.empty ? templatePicker(this.templates, this.#templates.insert) : nothing}
      </div>
      ${body}
      <p class="hint">${messages.draftHint}</p>
      ${signAction(this.#sign, view !== undefined)}`;
  }

  #signedNote(signed: Revision<DocumentReference>): TemplateResult {
    const text = this.#signedText.state;
    return html`${signature(signed, text)}
    ${signedBody(text, messages.textLabel(this.#listing.type.label), this.#refusal)}
    ${this.#writer ? addendumAction(this.#addAddendum) : nothing}`;
  }

  #refuse(): void {
    const reason: EditRefusal = this.#sign.signed ? 'signed' : 'read-only';
    this.message = messages.refused[reason];
    this.dispatchEvent(
      new EmrNoteEditRefuseEvent({ noteId: this.noteId, reason, message: this.message }),
    );
  }

  #open = (noteId: string): void => {
    this.dispatchEvent(new EmrNoteSelectEvent({ patientId: this.patientId, noteId }));
  };

  #addAddendum = (): void => {
    this.dispatchEvent(
      new EmrNoteAddendumEvent({
        patientId: this.patientId,
        noteId: this.noteId,
        addendumId: crypto.randomUUID(),
      }),
    );
  };
}
