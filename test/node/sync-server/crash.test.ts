import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startChildServer } from './child-server.js';
import { connectClient, destroyClient, token, until, type Client } from './support.js';

// An update is stored before it is relayed: whatever another client has
// received survives the server being killed without a chance to flush.

describe('sync server: crash', () => {
  let dataDir: string;
  const clients: Client[] = [];
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'emr-sync-crash-'));
  });
  after(async () => {
    for (const client of clients) destroyClient(client);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('killed with SIGKILL mid-session and restarted, it loses no update another client received', async () => {
    const doc = 'emr/pat-1/note/n-crash';
    const first = await startChildServer(dataDir);
    const writer = connectClient(first.url, doc, await token('dr-okafor'));
    const reader = connectClient(first.url, doc, await token('dr-lindqvist'));
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);

    const text = writer.doc.getText('body');
    for (let i = 0; i < 200; i++) text.insert(text.length, `${i},`);
    await until(reader.doc, () => reader.doc.getText('body').toString().endsWith('199,'));
    const received = reader.doc.getText('body').toString();

    first.child.kill('SIGKILL');
    assert.equal((await first.exited).signal, 'SIGKILL');
    // Nobody may write after the kill: the writer would resend on reconnect and hide a loss.
    destroyClient(writer);
    destroyClient(reader);

    const second = await startChildServer(dataDir);
    try {
      const late = connectClient(second.url, doc, await token('dr-lindqvist'));
      clients.push(late);
      await late.synced;
      assert.equal(late.doc.getText('body').toString(), received);
    } finally {
      second.child.kill('SIGTERM');
      assert.equal((await second.exited).code, 0);
    }
  });
});
