import { css, html, nothing, type TemplateResult } from 'lit';
import type { DeliveryState, RecordDelivery } from '../../model/index.js';
import { deliveryNoteMessages, type DeliveryNoteMessages } from './delivery-note.messages.js';
import { token } from './tokens.js';

// A record's delivery to the hospital's EHR, said under the record (a
// medication, an allergy) in words with an icon, never by colour alone. A
// template function, not an element: a long list builds one per record that
// has something to say, and "sent" says nothing.

/** One icon per delivery state, the same in every element (the EHR link's counts too). */
export const DELIVERY_ICON: Record<DeliveryState, string> = {
  waiting: '↑',
  sent: '✓',
  conflict: '⇄',
  'not-accepted': '✗',
  refused: '⊘',
  'local-only': '⌂',
};

/**
 * The note for a record's delivery state: nothing when there is none (no
 * change made here, or a store that does not deliver) or it is `sent`.
 * `<p class="delivery-note" data-delivery="<state>">`, styled by
 * `deliveryNoteStyles`.
 */
export function deliveryNote(
  delivery: RecordDelivery | undefined,
  words: DeliveryNoteMessages = deliveryNoteMessages,
): TemplateResult | typeof nothing {
  if (!delivery || delivery.state === 'sent') return nothing;
  const { state, message } = delivery;
  return html`<p class="delivery-note" data-delivery=${state}>
    <span class="delivery-icon" aria-hidden="true">${DELIVERY_ICON[state]}</span>
    <span class="delivery-words">${words[state](message)}</span>
  </p>`;
}

/**
 * Styles of `deliveryNote`. Problems (conflict, not accepted, refused) take
 * the conflict or danger colour on the icon; the words say it in any case.
 */
export const deliveryNoteStyles = css`
  .delivery-note {
    display: flex;
    align-items: baseline;
    gap: ${token('--emr-space-xs')};
    margin: ${token('--emr-space-xs')} 0 0;
    color: ${token('--emr-color-text')};
    font-size: ${token('--emr-font-size-sm')};
    overflow-wrap: anywhere;
  }
  .delivery-icon {
    color: ${token('--emr-color-pending')};
    font-weight: ${token('--emr-font-weight-bold')};
  }
  [data-delivery='conflict'] .delivery-icon {
    color: ${token('--emr-color-conflict')};
  }
  [data-delivery='not-accepted'] .delivery-icon,
  [data-delivery='refused'] .delivery-icon {
    color: ${token('--emr-color-critical')};
  }
  /* High contrast: a problem is framed; waiting and kept-here notes are not. */
  @media (forced-colors: active) {
    .delivery-icon {
      color: inherit;
    }
    :is([data-delivery='conflict'], [data-delivery='not-accepted'], [data-delivery='refused'])
      .delivery-words {
      outline: 1px solid CanvasText;
      padding-inline: ${token('--emr-space-xs')};
    }
  }
`;
