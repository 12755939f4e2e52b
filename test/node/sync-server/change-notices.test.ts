import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it, mock } from 'node:test';
import * as decoding from 'lib0/decoding';
import {
  CHANGE_NOTICE,
  readChangeNotice,
  watchChangesMessage,
} from '../../../sync/change-notice.js';
import { ChangeNotices } from '../../../sync/server/change-notices.js';
import type { Principal } from '../../../sync/server/access-tokens.js';
import { startTestServer, token, type Client, type TestServer } from './support.js';

// A device keeps its chart's older days closed between visits (a browser's
// sockets are few). The server tells a device's core document socket, when
// asked, that another document of the chart changed, so that the device
// fetches it at once instead of at the next visit.

/** Collects the notices a client's core socket receives; `ask` sends the request. */
function noticesOf(client: Client): { names: string[]; next(): Promise<string>; ask(): void } {
  const names: string[] = [];
  let waiter: ((name: string) => void) | undefined;
  client.provider.messageHandlers[CHANGE_NOTICE] = (_encoder, decoder) => {
    const name = readChangeNotice(decoder);
    names.push(name);
    waiter?.(name);
  };
  return {
    names,
    next: () => new Promise((resolve) => (waiter = resolve)),
    ask: () => client.provider.ws!.send(watchChangesMessage()),
  };
}

/** A client on a patient's core document that has asked for notices. */
async function watchingCore(
  t: TestServer,
  patients = ['pat-1'],
): Promise<ReturnType<typeof noticesOf>> {
  const core = t.connect('emr/pat-1/core', await token('dr-okafor', patients));
  await core.synced;
  const notices = noticesOf(core);
  notices.ask();
  return notices;
}

/** One change to a note's text, through the server. */
function write(client: Client, text = 'x'): void {
  client.doc.getText('body').insert(0, text);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sync server: notices of changes to a chart's other documents", () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.closeClients());
  after(() => t.stop());

  it('tells a core socket that asked which document changed, once the change is stored', async () => {
    const notices = await watchingCore(t);
    const writer = t.connect('emr/pat-1/note/n-notice-1', await token('dr-lindqvist'));
    await writer.synced;
    const told = notices.next();
    write(writer, 'Reviewed on the ward round.');
    assert.equal(await told, 'emr/pat-1/note/n-notice-1');

    // Stored before it was told: a device that fetches the document now gets the change.
    const reader = t.connect('emr/pat-1/note/n-notice-1', await token('dr-okafor'));
    await reader.synced;
    assert.equal(reader.doc.getText('body').toString(), 'Reviewed on the ward round.');
  });

  it('tells only of the patient of the core document', async () => {
    const notices = await watchingCore(t, ['pat-1', 'pat-2']);
    const otherPatient = t.connect(
      'emr/pat-2/note/n-notice-2',
      await token('dr-lindqvist', ['pat-2']),
    );
    const ownPatient = t.connect('emr/pat-1/note/n-notice-3', await token('dr-lindqvist'));
    await Promise.all([otherPatient.synced, ownPatient.synced]);
    write(otherPatient);
    await pause(100); // stored, and any notice of it sent
    const told = notices.next();
    write(ownPatient);
    assert.equal(await told, 'emr/pat-1/note/n-notice-3');
    await pause(50);
    assert.deepEqual(notices.names, ['emr/pat-1/note/n-notice-3']);
  });

  it('sends nothing to a client that never asked, nor for a request on another document', async () => {
    const watcher = t.connect('emr/pat-1/core', await token('dr-okafor'));
    const silent = t.connect('emr/pat-1/core', await token('dr-okafor'));
    const onNote = t.connect('emr/pat-1/note/n-notice-4', await token('dr-okafor'));
    await Promise.all([watcher.synced, silent.synced, onNote.synced]);
    const watched = noticesOf(watcher);
    const unasked = noticesOf(silent);
    const askedOnNote = noticesOf(onNote);
    watched.ask();
    askedOnNote.ask(); // means nothing on a note's socket, and does not close it
    const writer = t.connect('emr/pat-1/note/n-notice-5', await token('dr-lindqvist'));
    await writer.synced;
    const told = watched.next();
    write(writer);
    await told;
    await pause(50); // the notices to every watcher go out together
    assert.deepEqual(unasked.names, []);
    assert.deepEqual(askedOnNote.names, []);
    assert.equal(onNote.provider.wsconnected, true);
  });
});

describe('change notices: who is told', () => {
  /** A connection as the notices see it, recording what it is sent. */
  const peer = (userId: string) => {
    const sent: string[] = [];
    const recorded = {
      sent,
      principal: {
        userId,
        name: userId,
        role: 'clinician',
        patients: ['pat-1'],
        expiresAt: Date.now() + 60_000,
      } satisfies Principal,
      send: (message: Uint8Array): unknown => sent.push(readNotice(message)),
      close: () => undefined,
    };
    return recorded;
  };
  const note = (noteId: string) => ({
    name: `emr/pat-1/note/${noteId}`,
    parsed: { patientId: 'pat-1', kind: 'note' as const, noteId },
  });

  it('tells every watcher of the patient, and none once it has left', () => {
    const notices = new ChangeNotices({ intervalMs: 0 });
    const okafor = peer('dr-okafor');
    const lindqvist = peer('dr-lindqvist');
    notices.watch('pat-1', okafor);
    notices.watch('pat-1', lindqvist);
    notices.changed(note('a').name, note('a').parsed);
    notices.forget('pat-1', okafor);
    notices.changed(note('b').name, note('b').parsed);
    notices.forget('pat-1', lindqvist);
    notices.changed(note('c').name, note('c').parsed);
    notices.stop();
    assert.deepEqual(okafor.sent, ['emr/pat-1/note/a']);
    assert.deepEqual(lindqvist.sent, ['emr/pat-1/note/a', 'emr/pat-1/note/b']);
  });

  it('tells of a document written to without pause at most once per interval, the last change included', () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    try {
      const notices = new ChangeNotices({ intervalMs: 1000 });
      const okafor = peer('dr-okafor');
      notices.watch('pat-1', okafor);
      const told: number[] = [];
      okafor.send = () => told.push(Date.now());
      // Writes every 100 ms for 2.5 s.
      for (let at = 0; at <= 2500; at += 100) {
        notices.changed(note('a').name, note('a').parsed);
        mock.timers.tick(100);
      }
      // Then quiet for 2 s (in steps: the mock tells a timer the time its tick ends at).
      for (let step = 0; step < 20; step++) mock.timers.tick(100);
      notices.stop();
      assert.deepEqual(
        told,
        [0, 1000, 2000, 3000],
        "at once, then at each interval's end, the last one after the last write (2.5 s)",
      );
    } finally {
      mock.timers.reset();
    }
  });

  it('never tells of the core document, which the watchers are on', () => {
    const notices = new ChangeNotices({ intervalMs: 0 });
    const okafor = peer('dr-okafor');
    notices.watch('pat-1', okafor);
    notices.changed('emr/pat-1/core', { patientId: 'pat-1', kind: 'core' });
    notices.stop();
    assert.deepEqual(okafor.sent, []);
  });
});

function readNotice(message: Uint8Array): string {
  const decoder = decoding.createDecoder(message);
  assert.equal(decoding.readVarUint(decoder), CHANGE_NOTICE);
  return readChangeNotice(decoder);
}
