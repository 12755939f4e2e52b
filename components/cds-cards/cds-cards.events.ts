import type { Card, CardLink, CardOverride, CardSuggestion } from '../../model/index.js';
import { KitDetailEvent } from '../shared/kit-event.js';

// Public events of <emr-cds-cards>: bubbling and composed, fired for a
// clinician's action only, never when cards are set.

/**
 * A clinician gave a reason to go ahead despite a critical card, or
 * acknowledged a warning. Cancelable: a host that cancels it (its own
 * policy refuses the reason, say) leaves the card unresolved.
 */
export class EmrCdsOverrideEvent extends KitDetailEvent<CardOverride> {
  static readonly eventName = 'emr-cds-override';

  constructor(detail: CardOverride) {
    super(EmrCdsOverrideEvent.eventName, detail, { cancelable: true });
  }
}

export interface CdsSuggestionDetail {
  card: Card;
  suggestion: CardSuggestion;
}

/**
 * A clinician accepted a card's suggestion; the host applies its actions
 * (and checks again). Cancelable: then the suggestion is not shown as
 * accepted.
 */
export class EmrCdsSuggestionEvent extends KitDetailEvent<CdsSuggestionDetail> {
  static readonly eventName = 'emr-cds-suggestion';

  constructor(detail: CdsSuggestionDetail) {
    super(EmrCdsSuggestionEvent.eventName, detail, { cancelable: true });
  }
}

export interface CdsLinkDetail {
  card: Card;
  /** A link of type `smart`: the host launches the app with its SMART launch parameters and `appContext`. */
  link: CardLink;
}

/** A clinician asked to open a card's SMART app. The element never follows the link itself. */
export class EmrCdsLinkEvent extends KitDetailEvent<CdsLinkDetail> {
  static readonly eventName = 'emr-cds-link';

  constructor(detail: CdsLinkDetail) {
    super(EmrCdsLinkEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'emr-cds-override': EmrCdsOverrideEvent;
    'emr-cds-suggestion': EmrCdsSuggestionEvent;
    'emr-cds-link': EmrCdsLinkEvent;
  }
}
