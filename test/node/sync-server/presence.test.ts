import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { checkPresence } from '../../../sync/server/presence-check.js';
import { MESSAGE } from '../../../sync/server/protocol.js';
import type { Principal } from '../../../sync/server/access-tokens.js';
import { startTestServer, token, type Client, type TestServer } from './support.js';

// Presence is what a clinician reads as "who else has this chart open", and
// what labels a colleague's cursor in a note. The server names every state by
// its token, and lets a connection change only its own.

type PresenceState =
  { user?: { id?: string; name?: string; color?: string }; cursor?: number } | undefined;

function stateOf(awareness: Awareness, clientId: number): PresenceState {
  return awareness.getStates().get(clientId) as PresenceState;
}

/** Resolves once `read` holds for what `observer` sees, checked on every presence change. */
function seen(observer: Client, read: (awareness: Awareness) => boolean): Promise<void> {
  const awareness = observer.provider.awareness;
  return new Promise((resolve) => {
    const check = () => {
      if (!read(awareness)) return;
      awareness.off('change', check);
      resolve();
    };
    awareness.on('change', check);
    check();
  });
}

type Entry = { clientId: number; clock: number; state: unknown };

function presenceUpdate(entries: Entry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  return encoding.toUint8Array(update);
}

/** Sends an awareness update written by hand, as a hostile client would. */
function sendPresence(from: Client, entries: Entry[]): void {
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE.awareness);
  encoding.writeVarUint8Array(message, presenceUpdate(entries));
  from.provider.ws!.send(encoding.toUint8Array(message));
}

describe('sync server: presence', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.closeClients());
  after(() => t.stop());

  it('shows every client under the user its token names, whatever the client claims', async () => {
    const doc = 'emr/pat-1/note/n-presence-name';
    const okafor = t.connect(doc, await token('dr-okafor'));
    const lindqvist = t.connect(doc, await token('dr-lindqvist'));
    await Promise.all([okafor.synced, lindqvist.synced]);

    okafor.provider.awareness.setLocalState({
      user: { id: 'dr-lindqvist', name: 'Dr Erik Lindqvist', color: '#0b5cad' },
      cursor: 4,
    });
    await seen(lindqvist, (awareness) => stateOf(awareness, okafor.doc.clientID)?.cursor === 4);

    // The name and id come from the token; the colour and the cursor are the client's own.
    assert.deepEqual(stateOf(lindqvist.provider.awareness, okafor.doc.clientID), {
      user: { id: 'dr-okafor', name: 'Dr Ada Okafor', color: '#0b5cad' },
      cursor: 4,
    });
  });

  it('names a client that sends no user at all', async () => {
    const doc = 'emr/pat-1/note/n-presence-anonymous';
    const viewer = t.connect(doc, await token('portal-viewer'));
    const clinician = t.connect(doc, await token('dr-okafor'));
    await Promise.all([viewer.synced, clinician.synced]);

    viewer.provider.awareness.setLocalState({ cursor: 1 });
    await seen(clinician, (awareness) => stateOf(awareness, viewer.doc.clientID)?.cursor === 1);
    assert.deepEqual(stateOf(clinician.provider.awareness, viewer.doc.clientID)?.user, {
      id: 'portal-viewer',
      name: 'Patient portal viewer',
    });
  });

  it("a connection can neither change nor remove another connection's presence", async () => {
    const doc = 'emr/pat-1/note/n-presence-hijack';
    const victim = t.connect(doc, await token('dr-lindqvist'));
    const hostile = t.connect(doc, await token('dr-okafor'));
    const observer = t.connect(doc, await token('dr-okafor'));
    await Promise.all([victim.synced, hostile.synced, observer.synced]);
    victim.provider.awareness.setLocalState({ user: { color: '#067647' }, cursor: 7 });
    await seen(hostile, (awareness) => stateOf(awareness, victim.doc.clientID)?.cursor === 7);
    await seen(observer, (awareness) => stateOf(awareness, victim.doc.clientID)?.cursor === 7);

    const clock = hostile.provider.awareness.meta.get(victim.doc.clientID)!.clock;
    sendPresence(hostile, [
      {
        clientId: victim.doc.clientID,
        clock: clock + 10,
        state: { user: { name: 'Dr Ada Okafor' }, cursor: 0 },
      },
    ]);
    sendPresence(hostile, [{ clientId: victim.doc.clientID, clock: clock + 20, state: null }]);
    // Sent after the forged updates on the same connection: the server relays in order.
    hostile.provider.awareness.setLocalState({ cursor: 99 });
    await seen(observer, (awareness) => stateOf(awareness, hostile.doc.clientID)?.cursor === 99);

    assert.deepEqual(stateOf(observer.provider.awareness, victim.doc.clientID), {
      user: { color: '#067647', id: 'dr-lindqvist', name: 'Dr Erik Lindqvist' },
      cursor: 7,
    });
    // Echoes of others' states are what stock clients send: the connection stays.
    assert.equal(hostile.provider.wsconnected, true);
  });

  it('closes a connection that publishes a presence state over 16 KiB, with 4400 and the reason', async () => {
    const doc = 'emr/pat-1/note/n-presence-large';
    const client = t.connect(doc, await token('dr-okafor'));
    await client.synced;
    client.provider.awareness.setLocalState({ notes: 'x'.repeat(17 * 1024) });
    const closed = await client.closed;
    assert.equal(closed.code, 4400);
    assert.match(closed.reason, /presence state over 16 KiB/);
  });

  it('closes a connection that publishes presence for more clients than one connection has', async () => {
    const doc = 'emr/pat-1/note/n-presence-many';
    const client = t.connect(doc, await token('dr-okafor'));
    await client.synced;
    sendPresence(
      client,
      Array.from({ length: 9 }, (_, i) => ({
        clientId: 1_000 + i,
        clock: 1,
        state: { cursor: i },
      })),
    );
    const closed = await client.closed;
    assert.equal(closed.code, 4400);
    assert.match(closed.reason, /presence for more than 8 clients/);
  });
});

describe('checkPresence', () => {
  const principal: Principal = {
    userId: 'dr-okafor',
    name: 'Dr Ada Okafor',
    role: 'clinician',
    patients: ['pat-1'],
    expiresAt: Date.now() + 60_000,
  };

  it('leaves out echoes of clients that have left, without counting them against the connection', () => {
    // A stock client re-sends every state it applies: after a ward round, the states of ten colleagues who left.
    const departed = Array.from({ length: 10 }, (_, i) => ({
      clientId: 100 + i,
      clock: 3,
      state: { user: { name: `Colleague ${i}` } },
    }));
    const checked = checkPresence(
      presenceUpdate([...departed, { clientId: 7, clock: 1, state: { cursor: 2 } }]),
      {
        principal,
        own: new Set([7]),
        ownedByOther: () => false,
        clockOf: (id) => (id >= 100 ? 3 : 0),
      },
    );
    assert.deepEqual(
      checked,
      presenceUpdate([
        {
          clientId: 7,
          clock: 1,
          state: { cursor: 2, user: { id: 'dr-okafor', name: 'Dr Ada Okafor' } },
        },
      ]),
    );
  });

  it('refuses what is not an awareness update, and a state that is not an object', () => {
    const writer = {
      principal,
      own: new Set<number>(),
      ownedByOther: () => false,
      clockOf: () => undefined,
    };
    assert.throws(() => checkPresence(new Uint8Array([5, 1]), writer), /bad awareness update/);
    assert.throws(
      () => checkPresence(presenceUpdate([{ clientId: 1, clock: 1, state: ['x'] }]), writer),
      /presence state is not an object/,
    );
  });
});
