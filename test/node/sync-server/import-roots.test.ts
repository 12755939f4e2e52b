import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { encodeRevision, type Revision } from '../../../model/index.js';
import { CLOSE } from '../../../sync/server/index.js';
import { craftedImport, craftedRevision, noteResource } from '../../support/chart-revisions.js';
import { metformin, penicillinAllergy } from '../../support/resources.js';
import {
  getJson,
  httpUrl,
  startTestServer,
  token,
  until,
  type Client,
  type TestServer,
} from './support.js';

// Imports under the revision rule (model/chart/revision-rule.ts): an import
// names its revision by its content, so two devices importing one version
// make one revision id. The second device's copy is taken as a no-op,
// whatever its parents; other content under a held id, or an import id that
// is not its content's, is refused. A second root is taken only when it and
// every root the record has are imports (two devices imported different
// versions offline): it stands as a conflict. Any other second root is 4403.

const OKAFOR = { id: 'dr-okafor', displayName: 'Dr Ada Okafor', role: 'clinician' as const };
const LINDQVIST = { id: 'dr-lindqvist', displayName: 'Bo Lindqvist', role: 'clinician' as const };
const CORE = 'emr/pat-1/core';
const ids = (client: Client) =>
  client.doc
    .getArray<string>('revisions')
    .toArray()
    .map((r) => JSON.parse(r).revisionId as string);
const has = (client: Client, revisionId: string) => ids(client).includes(revisionId);
const push = (client: Client, revision: Revision) =>
  client.doc.getArray<string>('revisions').push([encodeRevision(revision)]);
const allergy = (criticality: 'low' | 'high', id = 'alg-1') => ({
  ...penicillinAllergy('pat-1', id),
  criticality,
});

describe('sync server: imports and the revision rule', () => {
  let t: TestServer;
  let okafor: Client;
  let observer: Client;
  let markers = 0;

  before(async () => {
    t = await startTestServer();
    okafor = t.connect(CORE, await token('dr-okafor'));
    observer = t.connect(CORE, await token('dr-lindqvist'));
    await Promise.all([okafor.synced, observer.synced]);
  });
  afterEach(async () => {
    const health = await getJson(httpUrl(t.server, '/health'));
    assert.equal(health.status, 200, '/health answers');
  });
  after(() => t.stop());

  /** Writes `revisions` from a new connection of Bo's: taken (the observer gets the last, the connection stays open). */
  async function taken(...revisions: Revision[]): Promise<Client> {
    const bo = t.connect(CORE, await token('dr-lindqvist'));
    await bo.synced;
    for (const revision of revisions) push(bo, revision);
    const last = revisions.at(-1)!;
    const closed = bo.closed.then((c) => assert.fail(`refused: ${c.code} ${c.reason}`));
    await Promise.race([until(observer.doc, () => has(observer, last.revisionId)), closed]);
    // Still open after a later write of its own.
    const marker = craftedRevision(
      `rev-marker-${++markers}`,
      [],
      penicillinAllergy('pat-1', `marker-${markers}`),
      LINDQVIST,
    );
    push(bo, marker);
    await Promise.race([until(observer.doc, () => has(observer, marker.revisionId)), closed]);
    return bo;
  }

  /** Writes `attack` from a new connection of Bo's: 4403, not relayed. */
  async function refused(attack: Revision, reason: RegExp): Promise<void> {
    const bo = t.connect(CORE, await token('dr-lindqvist'));
    await bo.synced;
    const before = ids(observer).filter((id) => id === attack.revisionId).length;
    push(bo, attack);
    const closed = await bo.closed;
    assert.equal(closed.code, CLOSE.forbidden, closed.reason);
    assert.match(closed.reason, reason);
    const marker = craftedRevision(
      `rev-marker-${++markers}`,
      [],
      penicillinAllergy('pat-1', `marker-${markers}`),
      OKAFOR,
    );
    push(okafor, marker);
    await until(observer.doc, () => has(observer, marker.revisionId));
    assert.equal(
      ids(observer).filter((id) => id === attack.revisionId).length,
      before,
      'not relayed',
    );
  }

  it('the second device’s copy of an import root is taken as a no-op, also once the record has moved on', async () => {
    const imported = craftedImport(allergy('high'), [], OKAFOR);
    push(okafor, imported);
    await until(observer.doc, () => has(observer, imported.revisionId));
    // Bo's device imported the same version: its own author and time, the same id.
    await taken({ ...imported, author: LINDQVIST, at: '2024-03-01T10:01:00Z' });
    const change = craftedRevision(
      'rev-alg-1-change',
      [imported.revisionId],
      { ...allergy('high'), criticality: 'low' },
      OKAFOR,
      '2024-03-01T11:00:00Z',
    );
    push(okafor, change);
    await until(observer.doc, () => has(observer, change.revisionId));
    await taken({ ...imported, author: LINDQVIST, at: '2024-03-01T10:02:00Z' });
    // The copy is no new root: the record's one head is still the change, so a revision naming it is taken.
    await taken(
      craftedRevision(
        'rev-alg-1-after',
        [change.revisionId],
        allergy('high'),
        LINDQVIST,
        '2024-03-01T12:00:00Z',
      ),
    );
  });

  it('a held id with other content, or an import id that is not its content’s, is refused: 4403', async () => {
    const imported = craftedImport(allergy('high', 'alg-2'), [], OKAFOR);
    push(okafor, imported);
    await until(observer.doc, () => has(observer, imported.revisionId));
    // Other content under an import's id: not the id that content derives.
    await refused(
      { ...imported, author: LINDQVIST, resource: allergy('low', 'alg-2') },
      /not the import id/,
    );
    const plain = craftedRevision('rev-alg-3', [], allergy('high', 'alg-3'), OKAFOR);
    push(okafor, plain);
    await until(observer.doc, () => has(observer, plain.revisionId));
    // A revision id that is not an import's names one revision whole: author and time too.
    await refused(
      { ...plain, author: LINDQVIST, at: '2024-02-01T00:00:00Z' },
      /held already with other content/,
    );
    const forged = craftedRevision(
      `import-${'0'.repeat(32)}`,
      [],
      allergy('low', 'alg-4'),
      LINDQVIST,
    );
    await refused(forged, /not the import id/);
  });

  it('a second import root of an imported record is taken and stands as a conflict, even beside a change made since', async () => {
    const first = craftedImport(metformin('pat-1', 'med-1', 500), [], OKAFOR);
    push(okafor, first);
    await until(observer.doc, () => has(observer, first.revisionId));
    const change = craftedRevision(
      'rev-med-1-change',
      [first.revisionId],
      metformin('pat-1', 'med-1', 750),
      OKAFOR,
      '2024-03-01T11:00:00Z',
    );
    push(okafor, change);
    await until(observer.doc, () => has(observer, change.revisionId));
    // Bo's device imported another version of the hospital's record, offline, before it had Ada's.
    const other = craftedImport(
      metformin('pat-1', 'med-1', 1000),
      [],
      LINDQVIST,
      '2024-03-01T10:30:00Z',
    );
    const bo = await taken(other);
    assert.ok(has(okafor, other.revisionId), 'relayed to the first device');
    assert.ok(
      has(bo, change.revisionId) && has(bo, first.revisionId),
      'the second device has the first one’s',
    );
    assert.ok(
      !t.log.some(
        (l) => l.event === 'write-refused' && String(l.reason).includes('MedicationRequest/med-1'),
      ),
    );
  });

  it('a second root that is not an import, or an import beside a record begun on a device, is still refused: 4403', async () => {
    const first = craftedImport(allergy('high', 'alg-5'), [], OKAFOR);
    push(okafor, first);
    await until(observer.doc, () => has(observer, first.revisionId));
    await refused(
      craftedRevision('rev-alg-5-second-root', [], allergy('low', 'alg-5'), LINDQVIST),
      /already in this chart/,
    );
    const recorded = craftedRevision('rev-alg-6', [], allergy('high', 'alg-6'), OKAFOR);
    push(okafor, recorded);
    await until(observer.doc, () => has(observer, recorded.revisionId));
    await refused(craftedImport(allergy('low', 'alg-6'), [], LINDQVIST), /already in this chart/);
  });

  it('a second import root never changes a signed note: 4403', async () => {
    const signed = craftedImport(
      noteResource('Chest clear.', 'final', { id: 'note-9' }),
      [],
      OKAFOR,
    );
    push(okafor, signed);
    await until(observer.doc, () => has(observer, signed.revisionId));
    await refused(
      craftedImport(
        noteResource('Chest clear. Discharged home.', 'final', { id: 'note-9' }),
        [],
        LINDQVIST,
      ),
      /signed note/,
    );
  });
});
