import {
  cardOrigin,
  type Card,
  type CardOverride,
  type CardSuggestion,
} from '../../model/index.js';
import { cdsHooksMessages as messages } from './cds-hooks.messages.js';
import { cdsRequest, type CdsTransport } from './cds-request.js';

// Feedback: POST {endpoint}/feedback with what the clinician did with a
// service's card (https://cds-hooks.hl7.org/2.0/#feedback): a suggestion
// `accepted`, or the card `overridden` with the reason and comment. Only a
// service's card with a uuid is told (the kit's own checks have no service;
// the spec sends nothing without a uuid).

export type CardOutcome =
  | { outcome: 'accepted'; card: Card; suggestion: CardSuggestion }
  | { outcome: 'overridden'; override: CardOverride };

/** True when feedback was sent; false when the card has nothing to send it to. A failure rejects with a CdsServiceError. */
export async function sendCdsFeedback(
  transport: CdsTransport,
  outcome: CardOutcome,
  at: Date = new Date(),
): Promise<boolean> {
  const card = outcome.outcome === 'accepted' ? outcome.card : outcome.override.card;
  const origin = cardOrigin(card);
  if (!origin || !card.uuid) return false;
  let entry: Record<string, unknown>;
  if (outcome.outcome === 'accepted') {
    if (!outcome.suggestion.uuid) return false;
    entry = { acceptedSuggestions: [{ id: outcome.suggestion.uuid }] };
  } else {
    const { reason, comment } = outcome.override;
    // A reason the card did not offer (one of the kit's own) is not sent as its `reason`.
    const offered = card.overrideReasons?.some(
      (r) => r.system === reason.system && r.code === reason.code,
    );
    entry =
      offered || comment
        ? {
            overrideReason: {
              ...(offered && { reason }),
              ...(comment && { userComment: comment }),
            },
          }
        : {};
  }
  await cdsRequest(transport, {
    url: `${origin.endpoint}/feedback`,
    who: messages.service(origin.title),
    noAnswer: true,
    body: {
      feedback: [
        {
          card: card.uuid,
          outcome: outcome.outcome,
          ...entry,
          outcomeTimestamp: at.toISOString(),
        },
      ],
    },
  });
  return true;
}
