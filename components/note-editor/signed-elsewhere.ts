import { base64ToUtf8, signedAttachments } from '../../clinical/index.js';
import type { DocumentReference, Revision } from '../../model/index.js';

// A colleague may sign a note while this editor still has it open: their
// signature freezes the text as it reached them, and the editor switches to
// the signed text. Whatever this clinician wrote that the signed text lacks
// must not vanish with the draft: it is kept and shown, to go into an
// addendum.

/** The draft this editor held when someone else's signature froze the note. */
export interface UnsignedDraft {
  text: string;
  signer: string;
  signedAt: string;
}

/** The draft text, when it says something the signed text does not; undefined when nothing would be lost. */
export function unsignedDraft(
  draftText: string,
  signed: Revision<DocumentReference>,
): UnsignedDraft | undefined {
  const mine = draftText.trim();
  const plain = signedAttachments(signed.resource).plain?.data;
  const theirs = plain ? base64ToUtf8(plain).trim() : '';
  if (!mine || mine === theirs) return undefined;
  return {
    text: mine,
    signer: signed.resource.authenticator?.display ?? signed.author.displayName,
    signedAt: signed.resource.date ?? signed.at,
  };
}
