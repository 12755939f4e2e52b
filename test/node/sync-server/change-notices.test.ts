import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import * as decoding from 'lib0/decoding';
import { CHANGE_NOTICE, readChangeNotice, watchChangesMessage } from '../../../sync/change-notice.js';
import { ChangeNotices } from '../../../sync/server/change-notices.js';
import type { Principal } from '../../../sync/server/tokens.js';
import { startTestServer, token, type Client, type TestServer } from './support.js';

// A device keeps its chart's older days closed between visits (a browser's
// sockets are few). The server tells a device's core document socket, when
// asked, that another document of the chart changed, so that the device
// fetches it at once instead of at the next visit.

const INTERVAL_MS = 300;

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

/** One change to a note's text, through the server. */
function write(client: Client, text = 'x'): void {
  client.doc.getText('body').insert(0, text);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sync server: notices of changes to a chart\'s other documents', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ changeNoticeIntervalMs: INTERVAL_MS });
  });
  afterEach(() => t.closeClients());
  after(() => t.stop());

  it('tells a core socket that asked which document changed, once the change is stored', async () => {
    const core = t.connect('emr/pat-1/core', await token('dr-okafor'));
    await core.synced;
    const notices = noticesOf(core);
    notices.ask();
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

  it('tells only of the patient of the core document, and nothing of the core document itself', async () => {
    const core = t.connect('emr/pat-1/core', await token('dr-okafor', ['pat-1', 'pat-2']));
    await core.synced;
    const notices = noticesOf(core);
    notices.ask();
    const otherPatient = t.connect('emr/pat-2/note/n-notice-2', await token('dr-lindqvist', ['pat-2']));
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

  it('tells of a document written to without pause at most once per interval, the last change included', async () => {
    const core = t.connect('emr/pat-1/core', await token('dr-okafor'));
    await core.synced;
    const notices = noticesOf(core);
    notices.ask();
    const writer = t.connect('emr/pat-1/note/n-notice-6', await token('dr-lindqvist'));
    await writer.synced;
    const times: number[] = [];
    core.provider.messageHandlers[CHANGE_NOTICE] = (_encoder, decoder) => {
      readChangeNotice(decoder);
      times.push(Date.now());
    };
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      write(writer, String(i));
      await pause(10);
    }
    const lastWrite = Date.now();
    await pause(INTERVAL_MS * 2);
    // About 200 ms of writes: the first change at once, the rest in one notice at the interval's end.
    assert.equal(times.length, 2, `notices at ${times.map((at) => at - started).join(', ')} ms`);
    assert.ok(times[1]! - times[0]! >= INTERVAL_MS - 5, 'the second waited for the interval');
    assert.ok(times[1]! >= lastWrite - 5, 'the last notice came after the last write');
  });
});

describe('change notices: who is told', () => {
  /** A connection as the notices see it, recording what it is sent. */
  const peer = (userId: string) => {
    const sent: string[] = [];
    return {
      sent,
      principal: { userId, name: userId, role: 'clinician', patients: ['pat-1'], expiresAt: Date.now() + 60_000 } satisfies Principal,
      send: (message: Uint8Array) => sent.push(readNotice(message)),
      close: () => undefined,
    };
  };
  const note = (noteId: string) => ({ name: `emr/pat-1/note/${noteId}`, parsed: { patientId: 'pat-1', kind: 'note' as const, noteId } });

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
