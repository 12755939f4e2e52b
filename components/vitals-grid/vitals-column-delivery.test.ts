import { expect } from '../../test/support/testing.js';
import type {
  ChartRecord,
  DeliveryState,
  Observation,
  RecordDeliveries,
  ResourceKey,
} from '../../model/index.js';
import { columnDeliveries, columnDelivery } from './vitals-column-delivery.js';
import type { VitalsColumn } from './vitals-columns.js';

// What a column of the grid says of its delivery, from its records' states.

const TIME = '2024-03-01T08:00:00.000Z';
const keys = (count: number): ResourceKey[] =>
  Array.from({ length: count }, (_, i) => `Observation/o-${i}` as ResourceKey);
const column = (recordKeys: ResourceKey[], time = TIME): VitalsColumn => ({
  time,
  records: recordKeys.map((key) => ({ key }) as ChartRecord<Observation>),
});
const states = (recordKeys: ResourceKey[], list: Array<DeliveryState | undefined>) =>
  Object.fromEntries(
    recordKeys.flatMap((key, i) => {
      const state = list[i];
      return state ? [[key, { state, at: TIME, message: `${state} said` }]] : [];
    }),
  ) as RecordDeliveries;
/** What each note of a column says. */
const said = (recordKeys: ResourceKey[], list: Array<DeliveryState | undefined>) =>
  columnDelivery(column(recordKeys), states(recordKeys, list)).map(({ delivery, words }) => {
    const { state, message } = delivery;
    return state === 'sent' ? 'sent' : words[state](message);
  });

describe('columnDelivery', () => {
  const four = keys(4);

  it('says nothing when every observation is sent or was not changed here', () => {
    expect(said(four, [])).to.deep.equal([]);
    expect(said(four, ['sent', 'sent', undefined, 'sent'])).to.deep.equal([]);
  });

  it('says one note, in the shared words, when every observation stands the same way', () => {
    expect(said(four, ['waiting', 'waiting', 'waiting', 'waiting'])).to.deep.equal([
      'waiting to send to the hospital record',
    ]);
    expect(
      said(four, ['not-accepted', 'not-accepted', 'not-accepted', 'not-accepted']),
    ).to.deep.equal(['not accepted by the hospital record: not-accepted said']);
  });

  it('counts each state worth saying when the observations differ, in reading order', () => {
    expect(said(four, ['refused', 'sent', 'waiting', 'refused'])).to.deep.equal([
      '1 of 4 observations: waiting to send to the hospital record',
      '2 of 4 observations: refused by the hospital record',
    ]);
    // Some changed here and waiting, others from the hospital record: not the whole set.
    expect(said(four, ['waiting', undefined, undefined, 'waiting'])).to.deep.equal([
      '2 of 4 observations: waiting to send to the hospital record',
    ]);
  });

  it('keeps only the columns with something to say, by time', () => {
    const a = keys(2);
    const b = ['Observation/p-0', 'Observation/p-1'] as ResourceKey[];
    const deliveries = { ...states(a, ['local-only', 'local-only']), ...states(b, ['sent']) };
    const map = columnDeliveries([column(a, 'A'), column(b, 'B')], deliveries);
    expect([...map.keys()]).to.deep.equal(['A']);
    expect(map.get('A')![0]!.delivery.state).to.equal('local-only');
  });
});
