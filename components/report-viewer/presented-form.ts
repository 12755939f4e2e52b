import type { DiagnosticReport } from '../../model/index.js';
import { safeHref } from '../note-editor/safe-link.js';
import { sanitiseHtml } from './sanitise-html.js';

// A report's presentedForm attachments, ready to show: plain text as text,
// HTML sanitised (sanitise-html.ts), a PDF as a link (to its url, or a
// data: URL of its bytes) that downloads or opens it, never inlined nor in
// a frame. Data is base64, its text read as UTF-8.

type Attachment = NonNullable<DiagnosticReport['presentedForm']>[number];

export type PresentedForm =
  | { kind: 'text'; title?: string; text: string }
  | { kind: 'html'; title?: string; content: DocumentFragment }
  | { kind: 'pdf'; title?: string; href: string; download?: string }
  | { kind: 'other'; title?: string; contentType: string; href?: string }
  | { kind: 'unreadable'; title?: string; contentType: string };

/** Base64 to text, as UTF-8; undefined when it is not base64. */
export function decodeBase64Utf8(data: string): string | undefined {
  try {
    const binary = atob(data.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return undefined;
  }
}

const mediaType = (contentType: string | undefined) =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** `untitled` names a PDF's download when the attachment has no title. */
export function presentedForm(attachment: Attachment, untitled: string): PresentedForm {
  const title = attachment.title?.trim() || undefined;
  const type = mediaType(attachment.contentType);
  const text = attachment.data !== undefined ? decodeBase64Utf8(attachment.data) : undefined;
  const url = safeHref(attachment.url);
  if (type === 'application/pdf') {
    const href =
      attachment.data !== undefined
        ? `data:application/pdf;base64,${attachment.data.replace(/\s+/g, '')}`
        : url;
    return href
      ? {
          kind: 'pdf',
          title,
          href,
          download: attachment.data !== undefined ? `${title ?? untitled}.pdf` : undefined,
        }
      : { kind: 'unreadable', title, contentType: type };
  }
  if (type === 'text/plain' && text !== undefined) return { kind: 'text', title, text };
  if (type === 'text/html' && text !== undefined)
    return { kind: 'html', title, content: sanitiseHtml(text) };
  if (url) return { kind: 'other', title, contentType: type || 'unknown', href: url };
  return { kind: 'unreadable', title, contentType: type || 'unknown' };
}
