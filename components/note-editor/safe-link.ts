// The only links a note may carry: web pages and e-mail addresses. A
// javascript:, data: or any other scheme is dropped, whether it arrives by
// paste, from a peer's document or from a stored signed note.

const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/** The href if it is an absolute http(s) or mailto URL, else undefined. */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // The URL parser reads the scheme as a browser would: it drops the tabs,
  // newlines and leading control characters of "java\tscript:".
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return ALLOWED.has(url.protocol) ? url.href : undefined;
}

/** What a link opens with: never a window.opener, never a referrer. */
export const LINK_REL = 'noopener noreferrer';
