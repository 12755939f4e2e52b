import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { consume } from '@lit/context';
import {
  DEFAULT_NOTE_TEMPLATES,
  DEFAULT_NOTE_TYPE,
  noteTypeByCode,
  noteTypeLabel,
  type NoteTemplate,
  type NoteType,
} from '../../clinical/index.js';
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
import { LiveQueryController } from '../shared/live-query-controller.js';
import { keepListing, listDraft, signDraft } from './note-chart-writes.js';
import {
  EmrNoteAddendumEvent,
  EmrNoteEditRefuseEvent,
  EmrNoteSignEvent,
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
import { commands } from './note-plugins.js';
import { noteRecord, type NoteRecord } from './note-record.js';
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
 * @csspart toolbar - Formatting, template and sign controls.
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
  @state() private signing = false;
  /** Signing cannot be undone, so the editor asks once more first. */
  @state() private confirming = false;
  /** What this clinician had written when a colleague signed the note, if the signed text lacks it. */
  @state() private unsigned: UnsignedDraft | undefined;

  readonly #notes = new LiveQueryController(this, (store, patientId) => store.notes(patientId));
  /** A note is written into the chart: none is started on a device that does not hold the chart yet. */
  readonly #presence = new ChartPresenceController(this);
  readonly #signedText = new SignedTextController(this);
  readonly #text = new NoteTextController(this, {
    mount: () => this.renderRoot.querySelector<HTMLElement>('.frame')!,
    label: () => messages.textLabel(this.#type.label),
    editable: () => this.#editable,
    onEdit: () => void this.#listDraft(),
    // The template picker shows only while the note is empty.
    onChange: () => this.#text.view?.isEmpty !== this.#shownEmpty && this.requestUpdate(),
    onRefused: () => this.#refuse(this.#signedNow ? 'signed' : 'read-only'),
  });
  #listing: Promise<Revision<DocumentReference> | undefined> | undefined;
  #templated = '';
  #justSigned: Revision<DocumentReference> | undefined;
  #shownEmpty: boolean | undefined;

  get #note(): NoteRecord | undefined {
    const { state } = this.#notes;
    return state.status === 'ready' ? noteRecord(state.value, this.noteId) : undefined;
  }
  get #signedNow(): Revision<DocumentReference> | undefined {
    return (
      this.#note?.signed ??
      (this.#justSigned?.resource.id === this.noteId ? this.#justSigned : undefined)
    );
  }
  get #writer(): boolean {
    return !!this.store && WRITING_ROLES.includes(this.store.user.role) && !this.readonly;
  }
  get #editable(): boolean {
    return this.#writer && !this.signing && !this.#signedNow;
  }
  get #type(): NoteType {
    const listed = this.#note?.record?.current.type;
    if (listed) {
      const code = listed.coding?.[0]?.code;
      return (
        noteTypeByCode(code) ?? {
          code: code ?? '',
          display: noteTypeLabel(listed),
          label: noteTypeLabel(listed),
        }
      );
    }
    const templated = this.templates.find((t) => t.id === this.template)?.noteType;
    return noteTypeByCode(this.noteType) ?? noteTypeByCode(templated) ?? DEFAULT_NOTE_TYPE;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('noteId') || changed.has('patientId') || changed.has('store')) {
      this.message = '';
      this.unsigned = undefined;
      this.confirming = false;
      this.#listing = undefined;
    }
    const note = this.#note;
    const signed = this.#signedNow;
    const draft = this.#text.view;
    // Signed by someone else while the draft was open here: keep what it lacks before the draft is let go.
    if (signed && draft && !this.signing && signed.revisionId !== this.#justSigned?.revisionId) {
      this.unsigned = unsignedDraft(draft.content().text, signed);
    }
    this.#signedText.show(signed);
    // A signed note's text is its DocumentReference: the note document is let go. Nor is one opened before the chart is here.
    this.#text.sync(note !== undefined && !signed && this.#presence.present);
    this.#text.view?.refresh();
  }

  protected override updated(): void {
    this.#text.bind();
    const view = this.#text.view;
    const key = `${this.patientId}/${this.noteId}`;
    if (
      view &&
      this.template &&
      this.#templated !== key &&
      this.#editable &&
      !this.#note?.record &&
      view.isEmpty
    ) {
      const template = this.templates.find((t) => t.id === this.template);
      if (template) view.insertTemplate(template);
    }
    if (view) this.#templated = key;
  }

  override render(): TemplateResult {
    const query = this.#notes.state;
    if (!this.store || !this.patientId || !this.noteId || query.status === 'idle')
      return this.#box(html`<p>${messages.idle}</p>`);
    if (query.status === 'error')
      return this.#box(
        html`<p class="alert" role="alert">${messages.error(query.error.message)}</p>`,
      );
    if (query.status === 'pending' || this.#presence.pending)
      return this.#box(html`<p>${messages.pending}</p>`);
    const notOnDevice = this.#presence.notice();
    if (notOnDevice) return this.#box(notOnDevice);
    const note = this.#note!;
    const signed = this.#signedNow;
    return this.#box(html`
      ${header(signed?.resource ?? note.record?.current, this.#type.label, this.headingLevel)}
      ${appendsTo(note.original, this.#open)}
      ${!signed && this.#writer && note.record && note.record.heads.length > 1 ? draftChoice(note.record, this.#keepDraft) : nothing}
      ${signed ? signature(signed, this.#signedText.state) : this.#toolbar()}
      ${!signed && this.confirming && this.#editable ? this.#signConfirmation() : nothing}
      ${signed ? this.#signedBody() : this.#draftBody()}
      ${this.unsigned ? unsignedNotice(this.unsigned, () => (this.unsigned = undefined)) : nothing}
      <p class="alert" role="alert">${this.message}</p>
      ${
        signed && this.#writer
          ? html`<div>
              <button type="button" data-action="addendum" @click=${this.#addAddendum}>
                ${messages.addAddendum}
              </button>
            </div>`
          : nothing
      }
      ${addenda(note.addenda, this.#open)}
    `);
  }

  #box(content: TemplateResult): TemplateResult {
    return html`<article class="note" aria-label=${this.#type.label}>${content}</article>`;
  }

  #toolbar(): TemplateResult | typeof nothing {
    if (!this.#writer) return html`<p class="hint">${messages.readOnly}</p>`;
    const view = this.#text.view;
    this.#shownEmpty = view?.isEmpty;
    const run = (command: keyof typeof commands) => () => {
      if (view && commands[command](view.view.state, view.view.dispatch)) view.view.focus();
    };
    return html`<div part="toolbar" class="toolbar" role="toolbar" aria-label=${messages.toolbar}>
      <button type="button" data-action="bold" @click=${run('bold')}>${messages.bold}</button>
      <button type="button" data-action="italic" @click=${run('italic')}>${messages.italic}</button>
      <button type="button" data-action="heading" @click=${run('heading')}>
        ${messages.heading}
      </button>
      <button type="button" data-action="bullet-list" @click=${run('bulletList')}>
        ${messages.bulletList}
      </button>
      ${this.#shownEmpty ? templatePicker(this.templates, this.#insertTemplate) : nothing}
      <span class="spacer"></span>
      <button
        type="button"
        class="primary"
        data-action="sign"
        aria-expanded=${this.confirming ? 'true' : 'false'}
        ?disabled=${this.signing || !view}
        @click=${this.#askToSign}
      >
        ${this.signing ? messages.signing : messages.sign}
      </button>
    </div>`;
  }

  #signConfirmation(): TemplateResult {
    return html`<div
      part="confirm-sign"
      class="confirm-sign"
      role="group"
      aria-labelledby="confirm-sign-text"
      @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.#cancelSign()}
    >
      <p id="confirm-sign-text">${messages.confirmSign}</p>
      <button type="button" class="primary" data-action="confirm-sign" @click=${this.#sign}>
        ${messages.signNow}
      </button>
      <button type="button" data-action="cancel-sign" @click=${this.#cancelSign}>
        ${messages.keepEditing}
      </button>
    </div>`;
  }

  #draftBody(): TemplateResult {
    const text = this.#text.state;
    const readonly = !this.#editable;
    return html`${text.status === 'error' ? html`<p class="alert" role="alert">${messages.error(text.error.message)}</p>` : nothing}
      ${text.status === 'opening' ? html`<p class="hint">${messages.pending}</p>` : nothing}
      <div
        class="frame ${readonly ? 'readonly' : ''}"
        tabindex=${ifDefined(readonly ? 0 : undefined)}
        @keydown=${this.#onKey}
        @paste=${this.#onClipboard}
        @cut=${this.#onClipboard}
        @drop=${this.#onClipboard}
      ></div>
      ${this.#writer ? html`<p class="hint">${messages.draftHint}</p>` : nothing}`;
  }

  #signedBody(): TemplateResult {
    const text = this.#signedText.state;
    return html`<div
      class="frame readonly"
      part="text"
      tabindex="0"
      role="textbox"
      aria-readonly="true"
      aria-multiline="true"
      aria-label=${messages.textLabel(this.#type.label)}
      @keydown=${this.#onKey}
      @paste=${this.#onClipboard}
      @cut=${this.#onClipboard}
      @drop=${this.#onClipboard}
    >
      ${text.status === 'ready' ? text.content : nothing}
    </div>`;
  }

  #onKey = (event: KeyboardEvent): void => {
    if (this.#editable) return;
    const typing =
      (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) ||
      ['Enter', 'Backspace', 'Delete'].includes(event.key);
    if (!typing) return;
    event.preventDefault();
    this.#refuse(this.#signedNow ? 'signed' : 'read-only');
  };

  #onClipboard = (event: Event): void => {
    if (this.#editable) return;
    event.preventDefault();
    this.#refuse(this.#signedNow ? 'signed' : 'read-only');
  };

  #refuse(reason: EditRefusal): void {
    this.message = messages.refused[reason];
    this.dispatchEvent(
      new EmrNoteEditRefuseEvent({ noteId: this.noteId, reason, message: this.message }),
    );
  }

  #open = (noteId: string): void => {
    this.dispatchEvent(new EmrNoteSelectEvent({ patientId: this.patientId, noteId }));
  };

  #insertTemplate = (id: string): void => {
    const template = this.templates.find((t) => t.id === id);
    if (template && this.#editable) this.#text.view?.insertTemplate(template);
  };

  /** The first edit of a new note lists it in the chart as a draft. */
  #listDraft(): Promise<Revision<DocumentReference> | undefined> {
    if (this.#note?.record) return Promise.resolve(undefined);
    const store = this.store!;
    this.#listing ??= listDraft(store, {
      patientId: this.patientId,
      noteId: this.noteId,
      type: this.#type,
      appendsTo: this.appends || undefined,
    }).catch((error: unknown) => {
      this.#listing = undefined;
      this.message = messages.draftFailed(error instanceof Error ? error.message : String(error));
      return undefined;
    });
    return this.#listing;
  }

  #askToSign = async (): Promise<void> => {
    if (!this.#canSign()) return;
    this.message = '';
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-action="confirm-sign"]')?.focus();
  };

  #cancelSign = async (): Promise<void> => {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-action="sign"]')?.focus();
  };

  /** Whether there is a draft to sign; says so when it is empty. */
  #canSign(): boolean {
    const view = this.#text.view;
    if (!view || !this.store || !this.#editable) return false;
    if (view.isEmpty) this.message = messages.emptyNote;
    return !view.isEmpty;
  }

  /** The clinician's answer "Sign now". */
  #sign = async (): Promise<void> => {
    this.confirming = false;
    await this.#signDraft();
    // The answer's button is gone: focus what the clinician signed, or the sign button again.
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(this.#signedNow ? '.frame' : '[data-action="sign"]')
      ?.focus();
  };

  async #signDraft(): Promise<void> {
    if (!this.#canSign()) return;
    const view = this.#text.view!;
    const store = this.store!;
    const type = this.#note?.record?.current.type?.coding?.[0]?.code ?? this.#type.code;
    if (
      !this.dispatchEvent(
        new EmrNoteSignEvent({
          patientId: this.patientId,
          noteId: this.noteId,
          key: `DocumentReference/${this.noteId}`,
          type,
        }),
      )
    )
      return;
    // No keystroke between reading the text and signing it.
    this.signing = true;
    view.refresh();
    try {
      const created = await this.#listDraft();
      const heads = created ? [created] : (this.#note?.record?.heads ?? []);
      if (heads.length !== 1)
        throw new Error(
          heads.length > 1 ? messages.conflict : 'the draft is not in the chart yet.',
        );
      await this.#text.session?.whenSaved();
      this.#justSigned = await signDraft(store, heads[0]!, view.content());
      this.message = '';
    } catch (error) {
      this.message = messages.signFailed(error instanceof Error ? error.message : String(error));
    } finally {
      this.signing = false;
    }
  }

  #keepDraft = async (head: Revision<DocumentReference>): Promise<void> => {
    try {
      await keepListing(this.store!, this.#note!.record!, head);
      this.message = '';
    } catch (error) {
      this.message = messages.keepFailed(error instanceof Error ? error.message : String(error));
    }
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
