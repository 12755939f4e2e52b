import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as Y from 'yjs';
import { MESSAGE } from '../../../sync/server/protocol.js';
import { DEPLOYMENTS, type Deployment } from './deployments.js';
import { framed, nestedJson, openRaw, presenceFrame, updateFrame } from './raw-client.js';
import { customToken, token, until } from './support.js';

// Whatever a signed-in client sends, the worst that comes of it is that
// client's socket closed: every message type, malformed, oversized and
// nested absurdly deep, from every role, on a chart document and a note; on
// one node, and on one of two nodes sharing a store and a broker. After
// each, every node answers /health, a client on the other node is still
// connected and hears the first node's writes, and a new client is served.

const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Replaces the one-string content `marker` of an update by `replacement` (lib0 `any` bytes). */
function withContent(update: Uint8Array, marker: string, replacement: Uint8Array): Uint8Array {
  const needle = [119, marker.length, ...Buffer.from(marker)]; // 119: a string in lib0's `any` encoding
  const at = Buffer.from(update).indexOf(Buffer.from(needle));
  assert.ok(at > 0, 'the marker is in the update');
  return new Uint8Array([
    ...update.subarray(0, at),
    ...replacement,
    ...update.subarray(at + needle.length),
  ]);
}

/** An update whose one array value nests `depth` arrays: far past what a recursive reader survives. */
function deeplyNestedUpdate(depth: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray('revisions').push(['MARKER-VALUE']);
  const nested = new Uint8Array(depth * 2 + 3);
  for (let i = 0; i < depth; i++) nested.set([117, 1], i * 2); // 117: an array of one
  nested.set([119, 1, 120], depth * 2); // the string "x"
  return withContent(Y.encodeStateAsUpdate(doc), 'MARKER-VALUE', nested);
}

/** Text whose structs decode, followed by a delete set that does not: Yjs would apply the text, then throw. */
function brokenDeleteSetUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  const update = Y.encodeStateAsUpdate(doc);
  assert.equal(update.at(-1), 0, 'an insert-only update ends with an empty delete set');
  return new Uint8Array([...update.subarray(0, -1), 9]); // nine clients' deletions, none there
}

type Expected = { close: number; reason?: RegExp } | 'kept';

interface Case {
  name: string;
  bytes: () => Uint8Array | string;
  /** For a clinician; read-only roles get `readOnly` when their outcome differs (writes are dropped unread). */
  expected: Expected;
  readOnly?: Expected;
}

const CASES: Case[] = [
  { name: 'a text frame', bytes: () => 'hello', expected: { close: 4400, reason: /text message/ } },
  {
    name: 'an empty message',
    bytes: () => new Uint8Array(),
    expected: { close: 4400, reason: /truncated/ },
  },
  {
    name: 'an unknown message type',
    bytes: () => framed(99),
    expected: { close: 4400, reason: /unknown message type/ },
  },
  {
    name: 'a sync message of an unknown step',
    bytes: () => framed(MESSAGE.sync, 7, new Uint8Array([1])),
    expected: { close: 4400 },
  },
  {
    name: 'a truncated sync message',
    bytes: () => new Uint8Array([MESSAGE.sync, 2, 200]),
    expected: { close: 4400, reason: /truncated/ },
  },
  {
    name: 'a sync step 1 with a garbage state vector',
    bytes: () =>
      framed(
        MESSAGE.sync,
        0,
        new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1]),
      ),
    expected: { close: 4400, reason: /state vector/ },
  },
  {
    name: 'an update of garbage bytes',
    bytes: () => updateFrame(new Uint8Array([3, 200, 17, 4, 99, 0, 1])),
    expected: { close: 4400, reason: /does not decode/ },
    readOnly: 'kept',
  },
  {
    name: 'an update nesting 50,000 arrays',
    bytes: () => updateFrame(deeplyNestedUpdate(50_000)),
    expected: { close: 4400 },
    readOnly: 'kept',
  },
  {
    name: 'an update nesting 100 arrays',
    bytes: () => updateFrame(deeplyNestedUpdate(100)),
    expected: { close: 4400 },
    readOnly: 'kept',
  },
  {
    name: 'an update whose delete set does not decode',
    bytes: () => updateFrame(brokenDeleteSetUpdate('INJECTED')),
    expected: { close: 4400, reason: /does not decode/ },
    readOnly: 'kept',
  },
  {
    name: 'an awareness message of garbage bytes',
    bytes: () => framed(MESSAGE.awareness, new Uint8Array([1, 2])),
    expected: { close: 4400, reason: /awareness/ },
  },
  {
    name: 'presence nesting 7,000 arrays (14 KB)',
    bytes: () => presenceFrame(1, 1, `{"a":${nestedJson(7000)}}`),
    expected: { close: 4400, reason: /nested/ },
  },
  {
    name: 'presence nesting 2,500 objects (15 KB)',
    bytes: () => presenceFrame(1, 1, `${'{"a":'.repeat(2500)}1${'}'.repeat(2500)}`),
    expected: { close: 4400, reason: /nested/ },
  },
  {
    name: 'presence that is not JSON',
    bytes: () => presenceFrame(1, 1, '{"user":'),
    expected: { close: 4400 },
  },
  {
    name: 'presence that is not an object',
    bytes: () => presenceFrame(1, 1, '"me"'),
    expected: { close: 4400, reason: /not an object/ },
  },
  {
    name: 'presence over 16 KiB',
    bytes: () => presenceFrame(1, 1, JSON.stringify({ pad: 'x'.repeat(17_000) })),
    expected: { close: 4400, reason: /16 KiB/ },
  },
  {
    name: 'a message over the size limit',
    bytes: () => updateFrame(new Uint8Array(MAX_MESSAGE_BYTES + 10)),
    expected: { close: 1009 },
  },
  {
    name: 'an auth message',
    bytes: () => framed(MESSAGE.auth, 0, new Uint8Array([1])),
    expected: 'kept',
  },
  { name: 'a change-notice request on any document', bytes: () => framed(32), expected: 'kept' },
];

const ROLES = ['clinician', 'viewer', 'auditor'] as const;
const DOCUMENTS = { chart: 'emr/pat-1/core', note: 'emr/pat-1/note/n-hostile' } as const;

for (const deployment of DEPLOYMENTS) {
  describe(`sync server: hostile messages (${deployment.name})`, () => {
    let d: Deployment;
    const tokens: Record<(typeof ROLES)[number], string> = {
      clinician: '',
      viewer: '',
      auditor: '',
    };
    before(async () => {
      d = await deployment.start({ maxMessageBytes: MAX_MESSAGE_BYTES });
      tokens.clinician = await token('dr-okafor');
      tokens.viewer = await token('portal-viewer');
      tokens.auditor = await customToken(
        { sub: 'audit-office', name: 'Audit office', role: 'auditor', patients: ['pat-1'] },
        Date.now() + 3_600_000,
      );
    });
    after(() => d.stop());

    for (const role of ROLES) {
      for (const [kind, document] of Object.entries(DOCUMENTS)) {
        for (const { name, bytes, expected, readOnly } of CASES) {
          const outcome = role === 'clinician' ? expected : (readOnly ?? expected);
          const says = outcome === 'kept' ? 'keeps the socket' : `closes it with ${outcome.close}`;
          it(`${role}, ${kind} document: ${name} — ${says}; every node and its clients stay up`, async () => {
            const client = await openRaw(d.a.server.url, document, tokens[role]);
            client.send(bytes());
            if (outcome === 'kept') {
              // Asked after the case, answered after it: the server has handled the case and kept the socket.
              const before = client.received.length;
              client.send(framed(MESSAGE.queryAwareness));
              await new Promise<void>((resolve) =>
                client.ws.on('message', () => client.received.length > before && resolve()),
              );
              assert.equal(client.ws.readyState, client.ws.OPEN);
              client.ws.close();
            } else {
              const closed = await client.closed;
              assert.equal(
                closed.code,
                outcome.close,
                `closed with ${closed.code} (${closed.reason})`,
              );
              if (outcome.reason) assert.match(closed.reason, outcome.reason);
            }
            await d.assertUnaffected();
            const probe = d.a.connect('emr/pat-1/note/n-probe', tokens.clinician);
            await probe.synced;
            d.a.closeClients();
          });
        }
      }
    }

    it('never applies, relays or stores an update it refused: the text of a half-decodable update is nowhere', async () => {
      const document = 'emr/pat-1/note/n-half-decodable';
      const watcher = d.b.connect(document, tokens.clinician);
      await watcher.synced;
      const attacker = await openRaw(d.a.server.url, document, tokens.clinician);
      attacker.send(updateFrame(brokenDeleteSetUpdate('INJECTED')));
      assert.equal((await attacker.closed).code, 4400);
      // A write after the refusal, relayed in order: had the injected text been relayed, it would be there first.
      watcher.doc.getText('body').insert(0, 'genuine');
      for (const node of d.nodes) {
        const late = node.connect(document, tokens.clinician);
        await late.synced;
        await until(late.doc, () => late.doc.getText('body').toString() === 'genuine');
        assert.equal(late.doc.getText('body').toString(), 'genuine');
      }
      assert.equal((await d.stored(document)).getText('body').toString(), 'genuine');
      for (const node of d.nodes) node.closeClients();
    });
  });
}
