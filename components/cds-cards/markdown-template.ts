import { html, type TemplateResult } from 'lit';
import { cdsCardsMessages as messages } from './cds-cards.messages.js';
import type { Block, Inline } from './safe-markdown.js';

// A card's detail on screen: every piece of the service's text goes through
// a text binding, so markup in it is shown as written, never run.

export function markdownTemplate(blocks: readonly Block[]): TemplateResult[] {
  return blocks.map((block) =>
    block.kind === 'paragraph'
      ? html`<p>${inlines(block.inlines)}</p>`
      : block.ordered
        ? html`<ol>
            ${block.items.map((item) => html`<li>${inlines(item)}</li>`)}
          </ol>`
        : html`<ul>
            ${block.items.map((item) => html`<li>${inlines(item)}</li>`)}
          </ul>`,
  );
}

function inlines(parts: readonly Inline[]): Array<TemplateResult | string> {
  return parts.map((part) => {
    switch (part.kind) {
      case 'text':
        return part.text;
      case 'code':
        return html`<code>${part.text}</code>`;
      case 'strong':
        return html`<strong>${inlines(part.children)}</strong>`;
      case 'em':
        return html`<em>${inlines(part.children)}</em>`;
      case 'link':
        return html`<a href=${part.href} target="_blank" rel="noopener noreferrer"
          >${inlines(part.children)}<span class="visually-hidden"> ${messages.newTab}</span></a
        >`;
    }
  });
}
