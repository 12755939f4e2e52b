import type { DeliveryState } from '../../model/index.js';

/** A record's delivery state worth saying: every state but `sent`. */
export type NotedDelivery = Exclude<DeliveryState, 'sent'>;

/** The words of a record's delivery note, given the EHR's message when there is one. */
export type DeliveryNoteMessages = Record<NotedDelivery, (message?: string) => string>;

// What a record says about its delivery to the hospital's EHR, in one place
// for translation. An element's messages file holds these (or its own) under
// `delivery`.
export const deliveryNoteMessages: DeliveryNoteMessages = {
  waiting: () => 'waiting to send to the hospital record',
  conflict: () => 'changed in the hospital record too: choose a version',
  'not-accepted': (message) =>
    message
      ? `not accepted by the hospital record: ${message}`
      : 'not accepted by the hospital record',
  refused: () => 'refused by the hospital record',
  'local-only': () => 'kept here only (the hospital record does not take it)',
};
