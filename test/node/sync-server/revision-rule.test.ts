import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  encodeRevision,
  markedEnteredInError,
  type FhirResource,
  type Revision,
} from '../../../model/index.js';
import { CLOSE } from '../../../sync/server/index.js';
import { craftedRevision, noteResource } from '../../support/chart-revisions.js';
import { heartRate, penicillinAllergy } from '../../support/resources.js';
import { DEPLOYMENTS, type Deployment } from './deployments.js';
import { startTestServer, token, until, type Client, type TestServer } from './support.js';

// One rule for every revision of a record (model/chart/revision-rule.ts): it
// is checked against all the record's current heads, its parents must be
// revisions of that record in this document, a record that exists takes no
// second root, and a signed note's text never changes. Every refusal is a
// 4403 before anything is stored or relayed: on one node, and on one of two
// nodes, the writer and the observer on the other.

const OKAFOR = { id: 'dr-okafor', displayName: 'Dr Ada Okafor', role: 'clinician' as const };
const LINDQVIST = { id: 'dr-lindqvist', displayName: 'Bo Lindqvist', role: 'clinician' as const };
const CORE = 'emr/pat-1/core';
const has = (client: Client, revisionId: string) =>
  client.doc
    .getArray<string>('revisions')
    .toArray()
    .some((r) => JSON.parse(r).revisionId === revisionId);

for (const deployment of DEPLOYMENTS)
  describe(`sync server: the revision rule (${deployment.name})`, () => {
    let d: Deployment;
    let writer: Client;
    let observer: Client;
    let markers = 0;
    const draft = craftedRevision('rev-draft', [], noteResource('', 'preliminary'), OKAFOR);
    const signed = craftedRevision(
      'rev-signed',
      ['rev-draft'],
      noteResource('Chest clear.', 'final'),
      OKAFOR,
      '2024-03-01T10:05:00Z',
    );
    const allergy = craftedRevision('rev-alg', [], penicillinAllergy('pat-1', 'alg-1'), OKAFOR);

    const push = (client: Client, revision: Revision) =>
      client.doc.getArray<string>('revisions').push([encodeRevision(revision)]);

    before(async () => {
      d = await deployment.start();
      writer = d.b.connect(CORE, await token('dr-okafor'));
      observer = d.b.connect(CORE, await token('dr-lindqvist'));
      await Promise.all([writer.synced, observer.synced]);
      for (const revision of [draft, signed, allergy]) push(writer, revision);
      await until(observer.doc, () => has(observer, 'rev-alg'));
    });
    afterEach(() => d.assertUnaffected());
    after(() => d.stop());

    /** Writes `attack` from a connection of its own on node a: refused with 4403, never relayed (a later write reaches the observer, it does not), never stored. */
    async function refused(
      attack: Revision,
      reason: RegExp,
      document = CORE,
      seen = observer,
    ): Promise<void> {
      const attacker = d.a.connect(document, await token('dr-okafor'));
      await attacker.synced;
      push(attacker, attack);
      const relayed = until(seen.doc, () => has(seen, attack.revisionId)).then(() =>
        assert.fail(`${attack.revisionId} was taken and relayed`),
      );
      const closed = await Promise.race([attacker.closed, relayed]);
      assert.equal(closed.code, CLOSE.forbidden, closed.reason);
      assert.match(closed.reason, reason);
      await d.a.logged(
        (l) =>
          l.event === 'write-refused' && l.document === document && reason.test(String(l.reason)),
      );
      // Relays keep their order: once a later revision reaches the observer, the refused one never will.
      const marker = craftedRevision(
        `rev-marker-${++markers}`,
        [],
        penicillinAllergy('pat-1', `marker-${markers}`),
        OKAFOR,
      );
      const markerWriter =
        document === CORE ? writer : d.b.connect(document, await token('dr-okafor'));
      await markerWriter.synced;
      push(
        markerWriter,
        document === CORE
          ? marker
          : {
              ...marker,
              key: `Observation/marker-${markers}`,
              resource: heartRate('pat-1', `marker-${markers}`) as FhirResource,
            },
      );
      await until(seen.doc, () => has(seen, marker.revisionId));
      assert.ok(!has(seen, attack.revisionId), 'not relayed');
      const reader = d.a.connect(document, await token('dr-lindqvist'));
      await until(reader.doc, () => has(reader, marker.revisionId));
      assert.ok(!has(reader, attack.revisionId), 'not in the document of the node that refused it');
      const stored = (await d.stored(document)).getArray<string>('revisions').toArray();
      assert.ok(stored.some((r) => r.includes(marker.revisionId)));
      assert.ok(!stored.some((r) => r.includes(attack.revisionId)), 'not stored');
    }

    const changed = (docStatus: 'final' | 'preliminary') =>
      noteResource('Chest clear. Discharged home.', docStatus);
    const attacks: Array<[string, string[], 'final' | 'preliminary', RegExp]> = [
      ['no parents', [], 'final', /already in this chart/],
      ['no parents, as a draft', [], 'preliminary', /already in this chart/],
      ['the draft as parent', ['rev-draft'], 'final', /signed note/],
      ['a revision id that does not exist', ['rev-nowhere'], 'final', /does not hold/],
      [
        'a revision id that does not exist, as a draft',
        ['rev-nowhere'],
        'preliminary',
        /does not hold/,
      ],
      ['a revision of another record', ['rev-alg'], 'final', /not of DocumentReference\/note-7/],
      [
        'a revision of another record, as a draft',
        ['rev-alg'],
        'preliminary',
        /not of DocumentReference\/note-7/,
      ],
      ['the signed one, with its text changed', ['rev-signed'], 'final', /signed note/],
      ['the signed one, made a draft again', ['rev-signed'], 'preliminary', /signed note/],
      ['the signed one and the draft', ['rev-signed', 'rev-draft'], 'final', /signed note/],
      [
        'the draft and a revision id that does not exist',
        ['rev-draft', 'rev-nowhere'],
        'preliminary',
        /does not hold/,
      ],
      [
        'the signed one and a revision of another record',
        ['rev-signed', 'rev-alg'],
        'final',
        /not of DocumentReference\/note-7/,
      ],
    ];
    for (const [shape, parents, docStatus, reason] of attacks) {
      it(`a signed note is not replaced by a revision naming ${shape}: 4403, not relayed, not stored`, async () => {
        await refused(
          craftedRevision(
            `rev-attack-${shape.replace(/\W+/g, '-')}`,
            parents,
            changed(docStatus),
            OKAFOR,
            '2024-03-02T08:00:00Z',
          ),
          reason,
        );
      });
    }

    it('an allergy that exists takes no second root, and no parent of another record: 4403', async () => {
      await refused(
        craftedRevision(
          'rev-alg-second-root',
          [],
          { ...penicillinAllergy('pat-1', 'alg-1'), criticality: 'low' },
          OKAFOR,
        ),
        /already in this chart/,
      );
      await refused(
        craftedRevision(
          'rev-alg-note-parent',
          ['rev-signed'],
          { ...penicillinAllergy('pat-1', 'alg-1'), criticality: 'low' },
          OKAFOR,
        ),
        /not of AllergyIntolerance\/alg-1/,
      );
    });

    it('a parent in another patient’s document is not a revision this document holds: 4403', async () => {
      const other = d.b.connect('emr/pat-2/core', await token('dr-okafor', ['pat-1', 'pat-2']));
      await other.synced;
      push(other, craftedRevision('rev-pat2-alg', [], penicillinAllergy('pat-2', 'alg-2'), OKAFOR));
      const reader = d.a.connect('emr/pat-2/core', await token('dr-lindqvist', ['pat-2']));
      await until(reader.doc, () => has(reader, 'rev-pat2-alg'));
      await refused(
        craftedRevision(
          'rev-alg-foreign-parent',
          ['rev-pat2-alg'],
          { ...penicillinAllergy('pat-1', 'alg-1'), criticality: 'low' },
          OKAFOR,
        ),
        /does not hold/,
      );
    });

    it('an observation that exists takes no second root in its day’s document: 4403', async () => {
      const day = 'emr/pat-1/observations/2024-03-01';
      const dayWriter = d.b.connect(day, await token('dr-okafor'));
      const dayObserver = d.b.connect(day, await token('dr-lindqvist'));
      await Promise.all([dayWriter.synced, dayObserver.synced]);
      push(dayWriter, craftedRevision('rev-hr-1', [], heartRate('pat-1', 'hr-1', 72), OKAFOR));
      await until(dayObserver.doc, () => has(dayObserver, 'rev-hr-1'));
      await refused(
        craftedRevision('rev-hr-1-second-root', [], heartRate('pat-1', 'hr-1', 140), OKAFOR),
        /already in this chart/,
        day,
        dayObserver,
      );
    });

    it('a record entered in error is not revived, even naming an older revision beside it: 4403', async () => {
      const voided = craftedRevision(
        'rev-alg-voided',
        ['rev-alg'],
        markedEnteredInError(penicillinAllergy('pat-1', 'alg-1')),
        OKAFOR,
        '2024-03-01T11:00:00Z',
      );
      push(writer, voided);
      await until(observer.doc, () => has(observer, voided.revisionId));
      await refused(
        craftedRevision(
          'rev-alg-revived',
          ['rev-alg-voided'],
          penicillinAllergy('pat-1', 'alg-1'),
          OKAFOR,
        ),
        /entered in error/,
      );
      // Named with an older revision it replaced: still a revival.
      await refused(
        craftedRevision(
          'rev-alg-revived-2',
          ['rev-alg-voided', 'rev-alg'],
          penicillinAllergy('pat-1', 'alg-1'),
          OKAFOR,
        ),
        /entered in error/,
      );
    });

    it('the server keeps none of the refused revisions across a restart', async () => {
      await d.restart();
      for (const node of d.nodes) {
        const reader = node.connect(CORE, await token('dr-lindqvist'));
        await reader.synced;
        const ids = reader.doc
          .getArray<string>('revisions')
          .toArray()
          .map((r) => JSON.parse(r).revisionId as string);
        assert.ok(ids.includes('rev-signed'));
        assert.deepEqual(
          ids.filter((id) => /attack|second-root|revived|foreign|note-parent/.test(id)),
          [],
        );
      }
    });
  });

describe('sync server: a draft changed offline while a colleague signed it', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.stop());

  it('is taken as a second head (the signed one stays the note); a revision after the signed one must keep its text', async () => {
    const push = (client: Client, revision: Revision) =>
      client.doc.getArray<string>('revisions').push([encodeRevision(revision)]);
    const note = (text: string, docStatus: 'final' | 'preliminary') =>
      noteResource(text, docStatus, { id: 'note-8' });
    const okafor = t.connect(CORE, await token('dr-okafor'));
    const lindqvist = t.connect(CORE, await token('dr-lindqvist'));
    await Promise.all([okafor.synced, lindqvist.synced]);
    const draft = craftedRevision('rev-8-draft', [], note('', 'preliminary'), OKAFOR);
    push(okafor, draft);
    await until(lindqvist.doc, () => has(lindqvist, draft.revisionId));

    // Bo goes offline and changes the draft; meanwhile Ada signs it.
    lindqvist.provider.disconnect();
    const edit = craftedRevision(
      'rev-8-offline-edit',
      [draft.revisionId],
      note('Reviewed bloods.', 'preliminary'),
      LINDQVIST,
      '2024-03-01T10:10:00Z',
    );
    push(lindqvist, edit);
    const signed = craftedRevision(
      'rev-8-signed',
      [draft.revisionId],
      note('Chest clear.', 'final'),
      OKAFOR,
      '2024-03-01T10:05:00Z',
    );
    push(okafor, signed);
    const reader = t.connect(CORE, await token('dr-okafor'));
    await until(reader.doc, () => has(reader, signed.revisionId));

    lindqvist.provider.connect();
    await until(okafor.doc, () => has(okafor, edit.revisionId));
    assert.ok(!t.log.some((l) => l.event === 'write-refused'), 'the offline change is taken');

    // Replacing both heads with the offline text is changing the signed note.
    const badly = craftedRevision(
      'rev-8-resolved-badly',
      [signed.revisionId, edit.revisionId],
      note('Reviewed bloods.', 'final'),
      LINDQVIST,
      '2024-03-01T10:20:00Z',
    );
    push(lindqvist, badly);
    const relayed = until(okafor.doc, () => has(okafor, badly.revisionId)).then(() =>
      assert.fail('the signed text was replaced'),
    );
    const closed = await Promise.race([lindqvist.closed, relayed]);
    assert.equal(closed.code, CLOSE.forbidden);
    assert.match(closed.reason, /signed note/);
    // Keeping the signed text resolves it.
    const kept = craftedRevision(
      'rev-8-resolved',
      [signed.revisionId, edit.revisionId],
      note('Chest clear.', 'final'),
      OKAFOR,
      '2024-03-01T10:30:00Z',
    );
    push(okafor, kept);
    await until(reader.doc, () => has(reader, kept.revisionId));
    assert.ok(!has(reader, 'rev-8-resolved-badly'));
  });
});
