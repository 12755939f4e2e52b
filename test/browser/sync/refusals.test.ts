import { expect } from '../../support/testing.js';
import { closeTestStores, valueOf } from '../../support/test-stores.js';
import { patient, penicillinAllergy } from '../../support/resources.js';
import {
  destroyConnections,
  device,
  devToken,
  LINDQVIST,
  newPatientId,
  OKAFOR,
  synced,
  until,
} from './sync-harness.js';

// Tokens against the real server: a refused one shows `refused` and stops
// for good; an expired one is replaced and the chart syncs; one that is about
// to expire is replaced in time and the chart keeps syncing past its expiry.

/** A WebSocket that counts the connections made through it. */
function countingWebSocket(): { WebSocketPolyfill: typeof WebSocket; opened: () => number } {
  let opened = 0;
  class Counting extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      opened++;
    }
  }
  return { WebSocketPolyfill: Counting, opened: () => opened };
}

describe('chart connection: tokens', function () {
  this.timeout(60_000);
  afterEach(async () => {
    destroyConnections();
    await closeTestStores();
  });

  it('shows a token for another patient as refused (forbidden), and stops trying', async () => {
    const pid = newPatientId();
    const sockets = countingWebSocket();
    const ada = await device(OKAFOR, pid, {
      token: () => devToken(OKAFOR.id, ['someone-else']),
      connection: { WebSocketPolyfill: sockets.WebSocketPolyfill },
    });
    await ada.store.record(patient(pid));
    const state = await until(
      ada.connection,
      (s) => s.status === 'refused',
      'the refusal was not shown',
    );
    expect(state.refusal).to.deep.equal({
      reason: 'forbidden',
      message: 'token does not allow this patient',
    });
    const attempts = sockets.opened();
    expect(ada.tokensFetched()).to.equal(1);

    // Another device goes through a whole connection meanwhile: no new attempt was made.
    const erik = await device(LINDQVIST, pid);
    await until(erik.connection, synced, 'the other device did not sync');
    expect(sockets.opened()).to.equal(attempts);
    expect(ada.connection.state.status).to.equal('refused');
    // What was written stays on the device.
    expect(await valueOf(ada.store.patient(pid))).to.not.equal(undefined);
  });

  it('shows a token the server cannot verify, even when fetched again, as refused (unauthenticated) after one more try', async () => {
    const pid = newPatientId();
    const ada = await device(OKAFOR, pid, {
      token: async () => `${await devToken(OKAFOR.id, [pid])}x`,
    });
    const state = await until(
      ada.connection,
      (s) => s.status === 'refused',
      'the refusal was not shown',
    );
    expect(state.refusal?.reason).to.equal('unauthenticated');
    expect(state.refusal?.message).to.equal('token signature does not verify');
    expect(ada.tokensFetched()).to.equal(2);
  });

  it('replaces an expired token when the server refuses it, and syncs', async () => {
    const pid = newPatientId();
    const ada = await device(OKAFOR, pid, {
      token: (count) => devToken(OKAFOR.id, [pid], count === 1 ? '-1m' : '1h'),
    });
    await ada.store.record(patient(pid));
    await until(ada.connection, synced, 'the chart did not sync with the new token');
    expect(ada.tokensFetched()).to.equal(2);
    const erik = await device(LINDQVIST, pid);
    expect(await valueOf(erik.store.patient(pid), (record) => record !== undefined)).to.not.equal(
      undefined,
    );
  });

  it('fetches the next token before the current one expires, and keeps syncing past its expiry', async () => {
    const pid = newPatientId();
    const lifetimes: number[] = [];
    const ada = await device(OKAFOR, pid, {
      token: async (count) => {
        const token = await devToken(OKAFOR.id, [pid], count === 1 ? '3s' : '1h');
        lifetimes.push(
          JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000,
        );
        return token;
      },
    });
    const erik = await device(LINDQVIST, pid);
    await ada.store.record(patient(pid));
    await until(ada.connection, synced, 'the chart did not sync');
    await until(
      ada.connection,
      () => ada.tokensFetched() === 2,
      'no new token was fetched before expiry',
    );
    expect(Date.now()).to.be.below(lifetimes[0]!);

    // Past the first token's expiry the server closes its connections; the new token reconnects them.
    await until(
      ada.connection,
      () => Date.now() > lifetimes[0]! + 500,
      'the first token did not expire',
    );
    await ada.store.record(penicillinAllergy(pid));
    await until(ada.connection, synced, 'the chart did not sync after the first token expired');
    expect(
      (await valueOf(erik.store.allergies(pid), (list) => list.length === 1))[0]!.current.code
        ?.text,
    ).to.equal('Penicillin');
    expect(ada.tokensFetched()).to.equal(2);
  });
});
