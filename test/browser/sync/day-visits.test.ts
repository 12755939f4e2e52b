import { expect } from '../../support/testing.js';
import type { Observation } from '../../../model/index.js';
import { closeTestStores, valueOf } from '../../support/test-stores.js';
import { heartRate, patient } from '../../support/resources.js';
import {
  destroyConnections,
  device,
  LINDQVIST,
  newPatientId,
  OKAFOR,
  synced,
  until,
} from './sync-harness.js';

// A browser opens about 255 WebSockets in all, and a chart has a document
// per day of observations. Only the newest days stay connected; the older
// ones are brought up to date in turn, both ways, through the real server.

/** A WebSocket for the connection that counts how many are open at once. */
function countingSockets() {
  const counts = { open: 0, most: 0 };
  class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      let opened = false;
      this.addEventListener('open', () => {
        opened = true;
        counts.most = Math.max(counts.most, ++counts.open);
      });
      this.addEventListener('close', () => {
        if (opened) counts.open--;
      });
    }
  }
  return { counts, WebSocketPolyfill: CountingWebSocket as typeof WebSocket };
}

const DAYS = 8;
const at = (day: number) => `2024-03-${String(day).padStart(2, '0')}T08:00:00Z`;
const bpmOf = (record: { current: Observation } | undefined) =>
  record?.current.valueQuantity?.value;

describe('chart connection: days of observations', function () {
  this.timeout(60_000);
  afterEach(async () => {
    destroyConnections();
    await closeTestStores();
  });

  it('keeps only the newest days connected, and brings the older ones up to date in turn, both ways', async () => {
    const pid = newPatientId();
    const sockets = countingSockets();
    const settings = { liveDays: 2, visitEveryMs: 300 };
    const ada = await device(OKAFOR, pid, {
      connection: { ...settings, WebSocketPolyfill: sockets.WebSocketPolyfill },
    });
    await ada.store.record(patient(pid));
    for (let day = 1; day <= DAYS; day++)
      await ada.store.record(heartRate(pid, `hr-${day}`, 60 + day, at(day)));
    await until(ada.connection, synced, 'the first device did not send its eight days');

    // A second device gets every day, the resting ones by their visits.
    const erik = await device(LINDQVIST, pid, { connection: settings });
    expect(await valueOf(erik.store.vitals(pid), (list) => list.length === DAYS)).to.have.length(
      DAYS,
    );

    // A change to the oldest day, which rests on both: sent at once, received at the next visit.
    const oldest = (await erik.store.history(`Observation/hr-1`))[0]!;
    await erik.store.revise({ ...heartRate(pid, 'hr-1', 99, at(1)) }, oldest.revisionId);
    const revised = await valueOf(
      ada.store.vitals(pid),
      (list) => bpmOf(list.find((r) => r.key === 'Observation/hr-1')) === 99,
    );
    expect(bpmOf(revised.find((r) => r.key === 'Observation/hr-1'))).to.equal(99);
    await until(erik.connection, synced, 'the second device did not settle');

    // The core document, two days, and at most four visits: never one socket per day.
    expect(sockets.counts.most).to.be.at.most(1 + 2 + 4);
    expect(sockets.counts.most).to.be.at.least(3);
  });

  it('fetches a resting day at once when the server says another device changed it, and a day made there', async () => {
    const pid = newPatientId();
    // Visits and listings ten minutes apart: within this test's minute, only
    // the server's notices can bring the changes below.
    const settings = { liveDays: 1, visitEveryMs: 600_000, discoverEveryMs: 600_000 };
    const ada = await device(OKAFOR, pid, { connection: settings });
    await ada.store.record(patient(pid));
    for (let day = 2; day <= 4; day++)
      await ada.store.record(heartRate(pid, `hr-${day}`, 60 + day, at(day)));
    await until(ada.connection, synced, 'the first device did not send its days');
    const erik = await device(LINDQVIST, pid, { connection: settings });
    await valueOf(erik.store.vitals(pid), (list) => list.length === 3); // each resting day's first visit
    await until(erik.connection, synced, 'the second device did not settle');

    // A resting day changed on the first device.
    const oldest = (await ada.store.history('Observation/hr-2'))[0]!;
    await ada.store.revise({ ...heartRate(pid, 'hr-2', 99, at(2)) }, oldest.revisionId);
    const revised = await valueOf(
      erik.store.vitals(pid),
      (list) => bpmOf(list.find((r) => r.key === 'Observation/hr-2')) === 99,
    );
    expect(bpmOf(revised.find((r) => r.key === 'Observation/hr-2'))).to.equal(99);

    // A day the second device has never heard of, older than the rest: it rests there too.
    await ada.store.record(heartRate(pid, 'hr-1', 61, at(1)));
    const added = await valueOf(erik.store.vitals(pid), (list) =>
      list.some((r) => r.key === 'Observation/hr-1'),
    );
    expect(bpmOf(added.find((r) => r.key === 'Observation/hr-1'))).to.equal(61);
  });
});
