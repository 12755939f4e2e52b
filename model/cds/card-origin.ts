import type { Card } from './card.js';

// Which CDS service gave a card, so that a clinician sees whose card it is
// and a host can send the service its feedback. Kept in the card's
// `extension`, the one field CDS Hooks reserves for additions
// (https://cds-hooks.hl7.org/2.0/#extensions); the service's own `source`
// stays as it sent it. The kit's own checks carry no origin.

/** The key of the origin inside `card.extension`. */
export const CARD_ORIGIN_KEY = 'emr-kit.cds-service';

export interface CardOrigin {
  /** The service's id in its discovery answer. */
  serviceId: string;
  /** The service's title from discovery, else its id: what a clinician is shown. */
  title: string;
  /** The service endpoint, `{base}/cds-services/{id}`. */
  endpoint: string;
}

/** The card as given, marked as coming from `origin` (replacing any origin it claimed). */
export function withCardOrigin(card: Card, origin: CardOrigin): Card {
  const extension = isRecord(card.extension) ? card.extension : {};
  return { ...card, extension: { ...extension, [CARD_ORIGIN_KEY]: { ...origin } } };
}

/** The service that gave the card, or undefined for a card of the kit's own checks. */
export function cardOrigin(card: Card): CardOrigin | undefined {
  const extension = card.extension;
  if (!isRecord(extension)) return undefined;
  const origin = extension[CARD_ORIGIN_KEY];
  if (!isRecord(origin)) return undefined;
  const { serviceId, title, endpoint } = origin;
  return typeof serviceId === 'string' && typeof title === 'string' && typeof endpoint === 'string'
    ? { serviceId, title, endpoint }
    : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
