import type { DeliveryCounts, DeliveryStatusSource } from '../../model/index.js';

/**
 * A page that gives changes back to the hospital record, for the elements'
 * tests: a delivery's status as the ehr/ layer's controller reports it. The
 * elements read each record's state from the store; this only says a
 * delivery runs.
 */
export const PAGE_THAT_DELIVERS: DeliveryStatusSource = {
  status: { link: 'idle', counts: {} as DeliveryCounts },
  subscribe: () => () => {},
};
