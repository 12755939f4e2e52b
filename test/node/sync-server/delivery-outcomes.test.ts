import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  DELIVERIES,
  encodeDeliveryOutcome,
  encodeRevision,
  type DeliveryOutcome,
} from '../../../model/index.js';
import { CLOSE } from '../../../sync/server/index.js';
import { craftedRevision } from '../../support/chart-revisions.js';
import { penicillinAllergy } from '../../support/resources.js';
import * as Y from 'yjs';
import { DEPLOYMENTS, type Deployment } from './deployments.js';
import { openRaw, updateFrame } from './raw-client.js';
import { token, until, type Client } from './support.js';

// What the EHR answered for a revision travels in the chart document beside
// the revisions (the root array `deliveries`). The server takes an outcome
// only for a revision of that document, of the record it names, sent by the
// token's user, and well formed; anything else closes the writer before
// anything is stored or relayed, on one node and on one of two.

const OKAFOR = { id: 'dr-okafor', displayName: 'Dr Ada Okafor', role: 'clinician' as const };
const CORE = 'emr/pat-1/core';
const allergy = craftedRevision('rev-alg', [], penicillinAllergy('pat-1', 'alg-1'), OKAFOR);

const outcome = (change: Partial<DeliveryOutcome> = {}): DeliveryOutcome => ({
  revisionId: 'rev-alg',
  key: 'AllergyIntolerance/alg-1',
  state: 'sent',
  receipt: { id: 'ehr-alg-1', versionId: '2', lastUpdated: '2024-03-01T10:01:00.000Z' },
  at: '2024-03-01T10:01:00.000Z',
  by: 'dr-okafor',
  ...change,
});

const outcomesIn = (client: Client) =>
  client.doc
    .getArray<string>(DELIVERIES)
    .toArray()
    .map((value) => JSON.parse(value) as DeliveryOutcome);

for (const deployment of DEPLOYMENTS)
  describe(`sync server: delivery outcomes (${deployment.name})`, () => {
    let d: Deployment;
    let writer: Client;
    let observer: Client;

    before(async () => {
      d = await deployment.start();
      writer = d.b.connect(CORE, await token('dr-okafor'));
      observer = d.b.connect(CORE, await token('dr-lindqvist'));
      await Promise.all([writer.synced, observer.synced]);
      writer.doc.getArray<string>('revisions').push([encodeRevision(allergy)]);
      await until(observer.doc, () => observer.doc.getArray('revisions').length === 1);
    });
    afterEach(() => d.assertUnaffected());
    after(() => d.stop());

    it('takes the sender’s outcome for a revision the document holds, relays it and stores it', async () => {
      const sender = d.a.connect(CORE, await token('dr-okafor'));
      await sender.synced;
      sender.doc.getArray<string>(DELIVERIES).push([encodeDeliveryOutcome(outcome())]);
      // A second one goes beside the first (no root named in the write): still an outcome.
      sender.doc
        .getArray<string>(DELIVERIES)
        .push([encodeDeliveryOutcome(outcome({ at: '2024-03-01T10:02:00.000Z' }))]);
      await until(observer.doc, () => outcomesIn(observer).length === 2);
      assert.equal(outcomesIn(observer)[0]!.receipt?.versionId, '2');
      const stored = (await d.stored(CORE)).getArray<string>(DELIVERIES).toArray();
      assert.equal(stored.length, 2);
    });

    it('takes a revision and its outcome in one write', async () => {
      const sender = d.a.connect(CORE, await token('dr-okafor'));
      await sender.synced;
      const fresh = craftedRevision('rev-alg-2', [], penicillinAllergy('pat-1', 'alg-2'), OKAFOR);
      sender.doc.transact(() => {
        sender.doc.getArray<string>('revisions').push([encodeRevision(fresh)]);
        sender.doc
          .getArray<string>(DELIVERIES)
          .push([
            encodeDeliveryOutcome(
              outcome({ revisionId: 'rev-alg-2', key: 'AllergyIntolerance/alg-2' }),
            ),
          ]);
      });
      await until(observer.doc, () =>
        outcomesIn(observer).some((o) => o.revisionId === 'rev-alg-2'),
      );
    });

    it('takes a revision or an outcome beside a neighbour it has not received yet, held back until it comes', async () => {
      // A device adds to what it holds: its next revision and next outcome go beside its last ones.
      const device = new Y.Doc();
      Y.applyUpdate(device, Y.encodeStateAsUpdate(writer.doc));
      const first = craftedRevision('rev-alg-3', [], penicillinAllergy('pat-1', 'alg-3'), OKAFOR);
      const second = craftedRevision('rev-alg-4', [], penicillinAllergy('pat-1', 'alg-4'), OKAFOR);
      const sentFirst = outcome({ at: '2024-03-01T11:00:00.000Z' });
      const sentSecond = outcome({ at: '2024-03-01T11:01:00.000Z' });
      const steps = [first, second].map((revision, i) => {
        const before = Y.encodeStateVector(device);
        device.transact(() => {
          device.getArray<string>('revisions').push([encodeRevision(revision)]);
          device
            .getArray<string>(DELIVERIES)
            .push([encodeDeliveryOutcome(i === 0 ? sentFirst : sentSecond)]);
        });
        return Y.encodeStateAsUpdate(device, before);
      });
      // The second write arrives before the first (sent by another route): neither is refused.
      const raw = await openRaw(d.a.server.url, CORE, await token('dr-okafor'));
      raw.send(updateFrame(steps[1]!));
      raw.send(updateFrame(steps[0]!));
      const refused = raw.closed.then(({ code, reason }) =>
        assert.fail(`the writer was closed: ${code} ${reason}`),
      );
      const arrived = until(
        observer.doc,
        () =>
          outcomesIn(observer).some((o) => o.at === sentSecond.at) &&
          observer.doc
            .getArray<string>('revisions')
            .toArray()
            .some((r) => r.includes('rev-alg-4')),
      );
      await Promise.race([arrived, refused]);
      refused.catch(() => undefined); // the close below is the test's own
      raw.ws.close();
    });

    /** Writes from a connection of its own on node a: closed with `code`, nothing stored, nothing relayed. */
    async function refused(write: (client: Client) => void, code: number, reason: RegExp) {
      const attacker = d.a.connect(CORE, await token('dr-okafor'));
      await attacker.synced;
      const before = (await d.stored(CORE)).getArray<string>(DELIVERIES).length;
      write(attacker);
      const closed = await attacker.closed;
      attacker.provider.destroy();
      assert.equal(closed.code, code, closed.reason);
      assert.match(closed.reason, reason);
      const stored = await d.stored(CORE);
      assert.equal(stored.getArray<string>(DELIVERIES).length, before, 'nothing stored');
      assert.equal(stored.getArray<string>('revisions').length >= 1, true);
      assert.equal(outcomesIn(observer).length, before, 'nothing relayed');
    }

    const pushOutcome = (value: unknown) => (client: Client) =>
      client.doc.getArray<unknown>(DELIVERIES).push([value]);

    const refusals: Array<[string, unknown, number, RegExp]> = [
      [
        'a revision the document does not hold',
        encodeDeliveryOutcome(outcome({ revisionId: 'rev-nowhere' })),
        CLOSE.forbidden,
        /does not hold/,
      ],
      [
        'another record than its revision’s',
        encodeDeliveryOutcome(outcome({ key: 'AllergyIntolerance/alg-9' })),
        CLOSE.forbidden,
        /does not hold/,
      ],
      [
        'another user as sender',
        encodeDeliveryOutcome(outcome({ by: 'dr-lindqvist' })),
        CLOSE.forbidden,
        /not the token user/,
      ],
      [
        'a sent change without its receipt',
        encodeDeliveryOutcome(outcome({ receipt: undefined })),
        CLOSE.badMessage,
        /receipt/,
      ],
      [
        'a state that is not one',
        encodeDeliveryOutcome(outcome({ state: 'waiting' as never })),
        CLOSE.badMessage,
        /state/,
      ],
      ['text that is not JSON', '{"revisionId": ', CLOSE.badMessage, /not valid JSON/],
      ['a revision in the outcomes array', encodeRevision(allergy), CLOSE.badMessage, /outcome/],
      ['a number, not a string', 42, CLOSE.badMessage, /outcome/],
    ];
    for (const [shape, value, code, reason] of refusals)
      it(`refuses an outcome naming ${shape}`, async () => {
        await refused(pushOutcome(value), code, reason);
      });

    it('refuses an outcome in the revisions array, a third root array, and a deleted outcome', async () => {
      await refused(
        (client) =>
          client.doc.getArray<string>('revisions').push([encodeDeliveryOutcome(outcome())]),
        CLOSE.badMessage,
        /invalid revision/,
      );
      await refused(
        (client) =>
          client.doc.getArray<string>('receipts').push([encodeDeliveryOutcome(outcome())]),
        CLOSE.badMessage,
        /holds only/,
      );
      await refused(
        (client) => client.doc.getArray<string>(DELIVERIES).delete(0, 1),
        CLOSE.forbidden,
        /never deleted/,
      );
    });
  });
