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

  it('killed at random moments while a clinician types, four times over, it loses nothing another client received', async (context) => {
    const doc = 'emr/pat-1/note/n-crash-random';
    let received = '';
    for (let kill = 0; kill < 4; kill++) {
      const server = await startChildServer(dataDir);
      const writer = connectClient(server.url, doc, await token('dr-okafor'));
      const reader = connectClient(server.url, doc, await token('dr-lindqvist'));
      clients.push(writer, reader);
      await Promise.all([writer.synced, reader.synced]);
      // What the restarted server holds includes everything a client was ever sent.
      assert.ok(
        reader.doc.getText('body').toString().startsWith(received),
        `after kill ${kill}, the server lost what a client had received`,
      );
      const text = writer.doc.getText('body');
      let typed = 0;
      const typing = setInterval(() => text.insert(text.length, `${kill}.${typed++} `), 2);
      const delay = 50 + Math.floor(Math.random() * 400);
      context.diagnostic(`kill ${kill} after ${delay} ms`);
      await until(reader.doc, () => reader.doc.getText('body').length > received.length);
      await new Promise((resolve) => setTimeout(resolve, delay));
      server.child.kill('SIGKILL');
      clearInterval(typing);
      received = reader.doc.getText('body').toString();
      await server.exited;
      destroyClient(writer);
      destroyClient(reader);
    }
    const last = await startChildServer(dataDir);
    try {
      const late = connectClient(last.url, doc, await token('dr-lindqvist'));
      clients.push(late);
      await late.synced;
      assert.ok(late.doc.getText('body').toString().startsWith(received));
    } finally {
      last.child.kill('SIGTERM');
      assert.equal((await last.exited).code, 0);
    }
  });
});
