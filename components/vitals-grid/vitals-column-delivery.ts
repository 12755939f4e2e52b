import {
  DELIVERY_STATES,
  type DeliveryState,
  type RecordDeliveries,
  type RecordDelivery,
} from '../../model/index.js';
import type { DeliveryNoteMessages } from '../shared/delivery-note.messages.js';
import type { VitalsColumn } from './vitals-columns.js';
import { vitalsGridMessages as m } from './vitals-grid.messages.js';

// Where a column's set stands with the hospital record, from each of its
// observations' delivery. Pure: no DOM, no store.

/** One line a column says: a delivery, and its words (counted when the set is split). */
export interface ColumnDeliveryNote {
  delivery: RecordDelivery;
  words: DeliveryNoteMessages;
}

/** The column's words on its delivery, counted: "2 of 8 observations: waiting to send…". */
function counted(count: number, total: number): DeliveryNoteMessages {
  const words = m.delivery;
  const prefix = (text: string) => `${m.deliveryCount(count, total)}: ${text}`;
  return {
    waiting: (message) => prefix(words.waiting(message)),
    conflict: (message) => prefix(words.conflict(message)),
    'not-accepted': (message) => prefix(words['not-accepted'](message)),
    refused: (message) => prefix(words.refused(message)),
    'local-only': (message) => prefix(words['local-only'](message)),
  };
}

/**
 * What one column says: nothing when every observation is sent or was not
 * changed here; one note when they all stand the same way; otherwise one
 * counted note for each state worth saying, in the order a person reads them.
 */
export function columnDelivery(
  column: VitalsColumn,
  deliveries: RecordDeliveries,
): ColumnDeliveryNote[] {
  const byState = new Map<DeliveryState, RecordDelivery[]>();
  for (const record of column.records) {
    const delivery = deliveries[record.key];
    if (delivery) byState.set(delivery.state, [...(byState.get(delivery.state) ?? []), delivery]);
  }
  const total = column.records.length;
  const noted = DELIVERY_STATES.filter((state) => state !== 'sent' && byState.has(state));
  if (noted.length === 0) return [];
  const only = byState.get(noted[0]!)!;
  if (byState.size === 1 && only.length === total)
    return [{ delivery: only[0]!, words: m.delivery }];
  return noted.map((state) => {
    const same = byState.get(state)!;
    return { delivery: same[0]!, words: counted(same.length, total) };
  });
}

/** Each column of the page that has something to say, by its time. */
export function columnDeliveries(
  columns: readonly VitalsColumn[],
  deliveries: RecordDeliveries,
): ReadonlyMap<string, ColumnDeliveryNote[]> {
  const said = new Map<string, ColumnDeliveryNote[]>();
  for (const column of columns) {
    const notes = columnDelivery(column, deliveries);
    if (notes.length) said.set(column.time, notes);
  }
  return said;
}
