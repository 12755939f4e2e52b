import type { DocumentReference } from '../model/index.js';

// The integrity of a signed note's text. FHIR R4's Attachment.hash is the
// base64 SHA-1 of the attachment's data; SHA-1 no longer resists a forger
// who can choose both texts, so the kit also writes a SHA-256 of the same
// bytes in an extension, and checks both when they are present.

/** Attachment extension holding the base64 SHA-256 of the data (valueBase64Binary). */
export const SHA256_EXTENSION = 'https://emr-kit.dev/fhir/StructureDefinition/attachment-sha256';

/** A FHIR Attachment, as a DocumentReference carries it. */
export type Attachment = DocumentReference['content'][number]['attachment'];

type AttachmentWithExtensions = Attachment & {
  extension?: Array<{ url: string; valueBase64Binary?: string }>;
};

export function utf8ToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

export function base64ToUtf8(data: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(base64ToBytes(data));
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In chunks: String.fromCharCode(...bytes) overflows the stack on a long note.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function base64ToBytes(data: string): Uint8Array {
  const binary = atob(data.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function digest(algorithm: 'SHA-1' | 'SHA-256', bytes: Uint8Array): Promise<string> {
  return bytesToBase64(
    new Uint8Array(await crypto.subtle.digest(algorithm, bytes as Uint8Array<ArrayBuffer>)),
  );
}

/** An attachment carrying `text` in full: data, size in bytes, SHA-1 hash (and SHA-256 in an extension). */
export async function textAttachment(
  text: string,
  contentType: 'text/plain' | 'text/html',
  extra: Partial<Attachment> = {},
): Promise<Attachment> {
  const bytes = new TextEncoder().encode(text);
  const [sha1, sha256] = await Promise.all([digest('SHA-1', bytes), digest('SHA-256', bytes)]);
  const attachment: AttachmentWithExtensions = {
    contentType: `${contentType}; charset=utf-8`,
    ...extra,
    data: bytesToBase64(bytes),
    size: bytes.length,
    hash: sha1,
    extension: [{ url: SHA256_EXTENSION, valueBase64Binary: sha256 }],
  };
  return attachment;
}

export type AttachmentCheck =
  | { ok: true; text: string }
  /** `text` is the data as decoded, when it is text at all: a reader may still show it, under a warning. */
  | {
      ok: false;
      reason: 'no-data' | 'not-text' | 'size' | 'sha1' | 'sha256' | 'no-hash';
      text?: string;
    };

/** Whether an attachment's data is what its size and hashes say, and its text when it is. */
export async function checkAttachment(attachment: Attachment): Promise<AttachmentCheck> {
  if (!attachment.data) return { ok: false, reason: 'no-data' };
  let bytes: Uint8Array;
  let text: string;
  try {
    bytes = base64ToBytes(attachment.data);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not-text' };
  }
  if (!attachment.hash) return { ok: false, reason: 'no-hash', text };
  if (attachment.size !== undefined && attachment.size !== bytes.length)
    return { ok: false, reason: 'size', text };
  if ((await digest('SHA-1', bytes)) !== attachment.hash.replace(/\s+/g, ''))
    return { ok: false, reason: 'sha1', text };
  const sha256 = (attachment as AttachmentWithExtensions).extension?.find(
    (e) => e.url === SHA256_EXTENSION,
  )?.valueBase64Binary;
  if (sha256 !== undefined && (await digest('SHA-256', bytes)) !== sha256.replace(/\s+/g, ''))
    return { ok: false, reason: 'sha256', text };
  return { ok: true, text };
}
