import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

// "Another of this chart's documents has changed": a message of our own on
// the core document's socket, beside y-websocket's (sync 0, awareness 1,
// auth 2, query-awareness 3). Days that rest between visits, and documents
// made on another device, are fetched when they change instead of at the
// next visit or listing. A client asks for notices by sending the type alone
// (stock clients never do, so they never see a message they cannot read);
// the server answers each change with the type and the document's name.

export const CHANGE_NOTICE = 32;

/** The request a client sends on its core document's socket. */
export function watchChangesMessage(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CHANGE_NOTICE);
  return encoding.toUint8Array(encoder);
}

/** The notice the server sends for a changed document. */
export function changeNoticeMessage(documentName: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CHANGE_NOTICE);
  encoding.writeVarString(encoder, documentName);
  return encoding.toUint8Array(encoder);
}

/** The document a notice names, read after its type. */
export function readChangeNotice(decoder: decoding.Decoder): string {
  return decoding.readVarString(decoder);
}
