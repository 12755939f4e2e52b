import { safeHref, LINK_REL } from '../note-editor/safe-link.js';

// A report's HTML (a DiagnosticReport's presentedForm), made safe to show:
// parsed where nothing runs or loads (DOMParser gives a document with no
// browsing context: no script runs, no image or style is fetched), then
// copied node by node into new elements of a strict allow-list, with only
// the attributes listed. Everything else is dropped: scripts, styles and
// style attributes, event handlers, iframes, objects, forms, images and
// any other external resource, and links other than http(s) and mailto.
// Headings become bold paragraphs, so a report does not break the page's
// outline. Copying into new elements, rather than deleting from the parsed
// tree, means nothing unlisted can slip through.

/** Elements kept (their children are read too). */
const KEPT = new Set(
  'p br div span b strong i em u sub sup small ul ol li dl dt dd pre code blockquote hr table caption thead tbody tfoot tr th td a'.split(
    ' ',
  ),
);

/** Elements dropped with everything inside them: code, other documents, embedded media, forms. */
const DROPPED = new Set(
  'script style iframe frame frameset object embed applet template noscript svg math img picture video audio source track canvas form input button select textarea link meta base head title'.split(
    ' ',
  ),
);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Attributes kept, by element ('*': any kept element). */
const ATTRIBUTES: Record<string, readonly string[]> = {
  '*': ['lang', 'dir', 'title'],
  th: ['scope', 'colspan', 'rowspan', 'abbr'],
  td: ['colspan', 'rowspan'],
  ol: ['start', 'reversed'],
  a: ['href'],
};

/** The HTML as a fragment of new, listed elements only, for a report's body. */
export function sanitiseHtml(source: string, into: Document = document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(source, 'text/html');
  const fragment = into.createDocumentFragment();
  copyChildren(parsed.body, fragment, into);
  return fragment;
}

function copyChildren(from: Node, to: Node, doc: Document): void {
  for (const child of from.childNodes) {
    if (child.nodeType === Node.TEXT_NODE)
      to.appendChild(doc.createTextNode(child.textContent ?? ''));
    else if (child.nodeType === Node.ELEMENT_NODE) copyElement(child as Element, to, doc);
    // Comments, processing instructions and the rest are dropped.
  }
}

function copyElement(element: Element, to: Node, doc: Document): void {
  const tag = element.localName;
  if (DROPPED.has(tag) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml') return;
  if (HEADINGS.has(tag)) {
    const paragraph = doc.createElement('p');
    const strong = doc.createElement('strong');
    copyChildren(element, strong, doc);
    paragraph.appendChild(strong);
    to.appendChild(paragraph);
    return;
  }
  if (!KEPT.has(tag)) {
    copyChildren(element, to, doc); // an unknown wrapper: its text is kept, not the element
    return;
  }
  const copy = doc.createElement(tag);
  for (const name of [...(ATTRIBUTES['*'] ?? []), ...(ATTRIBUTES[tag] ?? [])]) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    if (name === 'href') {
      const href = safeHref(value);
      if (!href) continue;
      copy.setAttribute('href', href);
      copy.setAttribute('rel', LINK_REL);
      copy.setAttribute('target', '_blank');
    } else copy.setAttribute(name, value);
  }
  copyChildren(element, copy, doc);
  to.appendChild(copy);
}
