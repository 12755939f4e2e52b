import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { checkAttachment, signedAttachments, type AttachmentCheck } from '../../clinical/index.js';
import type { DocumentReference, Revision } from '../../model/index.js';
import { parseNoteHtml, plainTextNote, renderNote } from './note-content.js';

// A signed note's text, shown from its DocumentReference — never from the
// note document, which a peer could still change — once its size and hashes
// are checked. The HTML goes through the schema again before it is shown,
// so a stored note carries no more markup than an edited one.

export type SignedTextState =
  | { status: 'none' }
  | { status: 'checking' }
  | { status: 'ready'; content: HTMLElement; verified: boolean; missing: boolean };

export class SignedTextController implements ReactiveController {
  state: SignedTextState = { status: 'none' };
  readonly #host: ReactiveControllerHost;
  #revisionId: string | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Shows the text of this signed revision (none: nothing signed). */
  show(signed: Revision<DocumentReference> | undefined): void {
    if (signed?.revisionId === this.#revisionId) return;
    this.#revisionId = signed?.revisionId;
    if (!signed) {
      this.state = { status: 'none' };
      return;
    }
    this.state = { status: 'checking' };
    void this.#check(signed);
  }

  hostConnected(): void {}
  async #check(signed: Revision<DocumentReference>): Promise<void> {
    const { plain, html } = signedAttachments(signed.resource);
    const [plainCheck, htmlCheck] = await Promise.all([
      plain && checkAttachment(plain),
      html && checkAttachment(html),
    ]);
    if (this.#revisionId !== signed.revisionId) return;
    const checks = [plainCheck, htmlCheck].filter(
      (check): check is AttachmentCheck => check !== undefined,
    );
    const content = document.createElement('div');
    content.className = 'signed-text';
    const shown = shownText(htmlCheck, plainCheck);
    if (shown !== undefined)
      content.append(
        renderNote(shown.html ? parseNoteHtml(shown.text) : plainTextNote(shown.text)),
      );
    this.state = {
      status: 'ready',
      content,
      verified: checks.length > 0 && checks.every((c) => c.ok),
      missing: checks.length === 0,
    };
    this.#host.requestUpdate();
  }
}

/** The stored HTML if it is readable at all (shown under a warning when its hash fails), else the plain text. */
function shownText(
  html: AttachmentCheck | undefined,
  plain: AttachmentCheck | undefined,
): { text: string; html: boolean } | undefined {
  if (html?.text !== undefined) return { text: html.text, html: true };
  if (plain?.text !== undefined) return { text: plain.text, html: false };
  return undefined;
}
