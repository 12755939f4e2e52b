import { html, nothing, type TemplateResult } from 'lit';
import {
  noteMessages,
  noteStatus,
  noteTypeLabel,
  type NoteTemplate,
} from '../../clinical/index.js';
import type { ChartRecord, DocumentReference, Revision } from '../../model/index.js';
import { heading, headingLevel } from '../shared/heading.js';
import { editorMessages as messages } from './note-editor.messages.js';
import type { UnsignedDraft } from './signed-elsewhere.js';
import type { SignedTextState } from './signed-text-controller.js';

// The parts of the editor that are pure rendering: header, signature line,
// addenda, template picker.

const who = (note: DocumentReference) =>
  note.authenticator?.display ?? note.author?.[0]?.display ?? noteMessages.unknownAuthor;

/** The note's type as its title: a heading at `level` when the host set one. */
export function header(
  note: DocumentReference | undefined,
  typeLabel: string,
  level?: number,
): TemplateResult {
  const status = note ? noteStatus(note) : 'draft';
  const at = headingLevel(level, undefined);
  return html`<div part="header" class="header">
    ${at ? heading(at, typeLabel, { class: 'title' }) : html`<span class="title">${typeLabel}</span>`}
    <span class="status ${status}">${noteMessages.status[status]}</span>
    ${
      note && status === 'draft'
        ? html`<span class="meta"
            >${noteMessages.startedBy(note.author?.[0]?.display ?? noteMessages.unknownAuthor, noteMessages.dateTime(note.date))}</span
          >`
        : nothing
    }
  </div>`;
}

export function signature(
  signed: Revision<DocumentReference>,
  text: SignedTextState,
): TemplateResult {
  const note = signed.resource;
  return html`<p class="meta signed-by">
      ${noteMessages.signedBy(who(note), noteMessages.dateTime(note.date))}
    </p>
    ${
      text.status === 'ready'
        ? text.verified
          ? html`<p class="check verified">
              <span aria-hidden="true">✓ </span>${messages.verified}
            </p>`
          : html`<p class="check mismatch" role="alert">
              <span aria-hidden="true">⚠ </span
              >${text.missing ? messages.noSignedText : messages.mismatch}
            </p>`
        : html`<p class="check">${messages.checking}</p>`
    }`;
}

/** For an addendum: the note it appends to, as a link. */
export function appendsTo(
  original: ChartRecord<DocumentReference> | undefined,
  open: (noteId: string) => void,
): TemplateResult | typeof nothing {
  if (!original) return nothing;
  const label = noteTypeLabel(original.current.type);
  return html`<p class="meta appends">
    ${noteMessages.addendumTo('')}<button
      type="button"
      class="link"
      data-note-id=${original.current.id!}
      @click=${() => open(original.current.id!)}
    >
      ${label} (${noteMessages.dateTime(original.current.date)})
    </button>
  </p>`;
}

export function addenda(
  list: ReadonlyArray<ChartRecord<DocumentReference>>,
  open: (noteId: string) => void,
): TemplateResult | typeof nothing {
  if (list.length === 0) return nothing;
  return html`<section aria-labelledby="addenda-title">
    <p id="addenda-title" class="meta">${messages.addenda}</p>
    <ul part="addenda" class="addenda">
      ${list.map((record) => {
        const note = record.current;
        const label = `${noteMessages.addendum}, ${noteMessages.status[noteStatus(note)].toLowerCase()}, ${note.author?.[0]?.display ?? noteMessages.unknownAuthor}, ${noteMessages.dateTime(note.date)}`;
        return html`<li>
          <button
            type="button"
            class="link"
            data-note-id=${note.id!}
            @click=${() => open(note.id!)}
          >
            ${label}
          </button>
        </li>`;
      })}
    </ul>
  </section>`;
}

export function templatePicker(
  templates: readonly NoteTemplate[],
  insert: (id: string) => void,
): TemplateResult | typeof nothing {
  if (templates.length === 0) return nothing;
  const chosen = (button: EventTarget | null) =>
    (button as HTMLElement).parentElement!.querySelector<HTMLSelectElement>('select.template')!
      .value;
  return html`<label class="meta"
      >${messages.template}
      <select class="template">
        ${templates.map((t) => html`<option value=${t.id}>${t.label}</option>`)}
      </select></label
    >
    <button
      type="button"
      data-action="template"
      @click=${(e: Event) => insert(chosen(e.currentTarget))}
    >
      ${messages.insertTemplate}
    </button>`;
}

/** What this clinician had written when a colleague signed the note: kept in view, as text to copy into an addendum. */
export function unsignedNotice(draft: UnsignedDraft, dismiss: () => void): TemplateResult {
  return html`<section part="unsigned" class="unsigned" aria-labelledby="unsigned-title">
    <p class="alert" role="alert">
      <span aria-hidden="true">⚠ </span
      >${messages.signedElsewhere(draft.signer, noteMessages.dateTime(draft.signedAt))}
    </p>
    <p id="unsigned-title" class="meta">${messages.unsignedText}</p>
    <div class="frame readonly unsigned-text" tabindex="0">${draft.text}</div>
    <button type="button" data-action="dismiss-unsigned" @click=${dismiss}>
      ${messages.dismissUnsigned}
    </button>
  </section>`;
}

/**
 * A new note listed on two devices at once has two draft heads. Their text
 * is one shared document, merged either way; only the listings differ. The
 * clinician keeps one: nothing is chosen for them.
 */
export function draftChoice(
  record: ChartRecord<DocumentReference>,
  keep: (head: Revision<DocumentReference>) => void,
): TemplateResult {
  return html`<section part="conflict" class="draft-choice" aria-labelledby="draft-choice-title">
    <p id="draft-choice-title" class="alert" role="alert">
      <span aria-hidden="true">⚠ </span>${messages.draftConflict}
    </p>
    <ul>
      ${record.heads.map((head) => {
        const note = head.resource;
        const label = messages.keepDraft(
          noteTypeLabel(note.type),
          note.author?.[0]?.display ?? noteMessages.unknownAuthor,
          noteMessages.dateTime(note.date),
        );
        return html`<li>
          <button
            type="button"
            data-action="keep-draft"
            data-revision=${head.revisionId}
            @click=${() => keep(head)}
          >
            ${label}
          </button>
        </li>`;
      })}
    </ul>
  </section>`;
}
