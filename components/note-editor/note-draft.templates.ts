import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { EditRefusalHandlers } from './edit-refusal.js';
import { editorMessages as messages } from './note-editor.messages.js';
import { commands } from './note-plugins.js';
import type { NoteSignController } from './note-sign-controller.js';
import type { NoteTextState } from './note-text-controller.js';
import type { NoteTextView } from './note-text-view.js';
import type { SignedTextState } from './signed-text-controller.js';

// The parts of the editor around the text: the formatting toolbar (above),
// the sign action (below, apart from the formatting) and the text's frame,
// a draft's or a signed note's.

const FORMATS = [
  ['bold', 'bold', messages.bold],
  ['italic', 'italic', messages.italic],
  ['heading', 'heading', messages.heading],
  ['bullet-list', 'bulletList', messages.bulletList],
] as const;

export function formattingToolbar(view: NoteTextView | undefined): TemplateResult {
  const run = (command: keyof typeof commands) => () => {
    if (view && commands[command](view.view.state, view.view.dispatch)) view.view.focus();
  };
  return html`<div part="toolbar" class="toolbar" role="toolbar" aria-label=${messages.toolbar}>
    ${FORMATS.map(
      ([action, command, label]) =>
        html`<button type="button" data-action=${action} @click=${run(command)}>${label}</button>`,
    )}
  </div>`;
}

/** "Sign note", and the question asked before signing: an action of its own, under the text. */
export function signAction(sign: NoteSignController, ready: boolean): TemplateResult {
  return html`<div part="actions" class="actions">
    <button
      type="button"
      class="primary"
      data-action="sign"
      aria-expanded=${sign.confirming ? 'true' : 'false'}
      ?disabled=${sign.signing || !ready}
      @click=${sign.ask}
    >
      ${sign.signing ? messages.signing : messages.sign}
    </button>
    ${sign.asking ? signConfirmation(sign) : nothing}
  </div>`;
}

/** Under a signed note: what comes next is an addendum. */
export function addendumAction(add: () => void): TemplateResult {
  return html`<div part="actions" class="actions">
    <button type="button" data-action="addendum" @click=${add}>${messages.addAddendum}</button>
  </div>`;
}

function signConfirmation(sign: NoteSignController): TemplateResult {
  return html`<div
    part="confirm-sign"
    class="confirm-sign"
    role="group"
    aria-labelledby="confirm-sign-text"
    @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && sign.cancel()}
  >
    <p id="confirm-sign-text">${messages.confirmSign}</p>
    <button type="button" class="primary" data-action="confirm-sign" @click=${sign.confirm}>
      ${messages.signNow}
    </button>
    <button type="button" data-action="cancel-sign" @click=${sign.cancel}>
      ${messages.keepEditing}
    </button>
  </div>`;
}

/** The draft's frame, where the text view is mounted, with its opening and error states. */
export function draftBody(
  text: NoteTextState,
  readonly: boolean,
  refusal: EditRefusalHandlers,
): TemplateResult {
  return html`${text.status === 'error' ? html`<p class="alert" role="alert">${messages.error(text.error.message)}</p>` : nothing}
    ${text.status === 'opening' ? html`<p class="hint">${messages.pending}</p>` : nothing}
    <div
      class="frame ${readonly ? 'readonly' : ''}"
      tabindex=${ifDefined(readonly ? 0 : undefined)}
      @keydown=${refusal.onKey}
      @paste=${refusal.onClipboard}
      @cut=${refusal.onClipboard}
      @drop=${refusal.onClipboard}
    ></div>`;
}

/** A signed note's text, from its DocumentReference: read only. */
export function signedBody(
  text: SignedTextState,
  label: string,
  refusal: EditRefusalHandlers,
): TemplateResult {
  return html`<div
    class="frame readonly"
    part="text"
    tabindex="0"
    role="textbox"
    aria-readonly="true"
    aria-multiline="true"
    aria-label=${label}
    @keydown=${refusal.onKey}
    @paste=${refusal.onClipboard}
    @cut=${refusal.onClipboard}
    @drop=${refusal.onClipboard}
  >
    ${text.status === 'ready' ? text.content : nothing}
  </div>`;
}
