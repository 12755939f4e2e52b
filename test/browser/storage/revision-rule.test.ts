import { expect } from '../../support/testing.js';
import * as Y from 'yjs';
import {
  coreDocumentName,
  encodeRevision,
  type ChartRecord,
  type DocumentReference,
  type FhirResource,
  type Revision,
} from '../../../model/index.js';
import { importBundle, REVISIONS, type DexieChartStore } from '../../../storage/index.js';
import { craftedImport, craftedRevision, noteResource } from '../../support/chart-revisions.js';
import { rejection } from '../../support/idb.js';
import { penicillinAllergy } from '../../support/resources.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  valueOf,
} from '../../support/test-stores.js';

// The store keeps the revision rule (model/chart/revision-rule.ts) for its
// own commands and for revisions arriving from another replica: a signed
// note stays signed, a record takes no second root and no parent of another
// record, a voided record is not revived. A refused peer revision stays in
// the log, is reported, and is never shown.

const PATIENT = 'pat-1';
const CORE = coreDocumentName(PATIENT);
const SIGNED_TEXT = btoa('Chest clear.');
const changed = (docStatus: 'final' | 'preliminary') =>
  noteResource('Chest clear. Discharged home.', docStatus);

interface Chart {
  store: DexieChartStore;
  rejected: string[];
  draft: Revision<DocumentReference>;
  signed: Revision<DocumentReference>;
  allergy: Revision;
}

async function signedChart(): Promise<Chart> {
  const rejected: string[] = [];
  const store = await openTestStore(undefined, DR_ADA, {
    onRejectedRevision: (_doc, message) => rejected.push(message),
  });
  const draft = await store.record(noteResource('', 'preliminary'));
  const signed = await store.revise(noteResource('Chest clear.', 'final'), draft.revisionId, {
    reason: 'signed',
  });
  const allergy = await store.record(penicillinAllergy(PATIENT, 'alg-1'));
  return { store, rejected, draft, signed, allergy };
}

/** Sends revisions into the store's core document as a peer replica would, through its Y.Doc. */
async function fromPeer(store: DexieChartStore, ...revisions: Revision[]): Promise<void> {
  const peer = new Y.Doc();
  const doc = await store.documents.open(CORE);
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  peer.getArray<string>(REVISIONS).push(revisions.map(encodeRevision));
  await store.documents.applyRemoteUpdate(
    CORE,
    Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)),
  );
  peer.destroy();
}

async function note(store: DexieChartStore): Promise<ChartRecord<DocumentReference>> {
  return (await valueOf(store.notes(PATIENT))).find((n) => n.key === 'DocumentReference/note-7')!;
}

async function expectStillSigned({ store, signed }: Chart): Promise<void> {
  const record = await note(store);
  expect(record.heads.map((h) => h.revisionId)).to.deep.equal([signed.revisionId]);
  expect(record.current.content[0]!.attachment.data).to.equal(SIGNED_TEXT);
}

describe('store: the revision rule', () => {
  afterEach(closeTestStores);

  const attacks: Array<[string, (chart: Chart) => string[], 'final' | 'preliminary', RegExp]> = [
    ['no parents', () => [], 'final', /already in this chart/],
    ['no parents, as a draft', () => [], 'preliminary', /already in this chart/],
    ['the draft as parent', (c) => [c.draft.revisionId], 'final', /signed note/],
    ['a revision id that does not exist', () => ['rev-nowhere'], 'final', /does not hold/],
    // The store finds a revision by id among histories, and a record's current head under its record: the allergy's head is simply not one of the note's.
    ['a revision of another record', (c) => [c.allergy.revisionId], 'preliminary', /does not hold/],
    ['the signed one, with its text changed', (c) => [c.signed.revisionId], 'final', /signed note/],
    [
      'the signed one and the draft',
      (c) => [c.signed.revisionId, c.draft.revisionId],
      'final',
      /signed note/,
    ],
    [
      'the draft and a revision id that does not exist',
      (c) => [c.draft.revisionId, 'rev-nowhere'],
      'preliminary',
      /does not hold/,
    ],
  ];
  for (const [shape, parents, docStatus, reason] of attacks) {
    it(`a peer's revision of a signed note naming ${shape} is reported and never shown`, async () => {
      const chart = await signedChart();
      const attack = craftedRevision(
        'rev-attack',
        parents(chart),
        changed(docStatus),
        NURSE_BO,
        '2024-03-02T08:00:00Z',
      );
      await fromPeer(chart.store, attack);
      expect(chart.rejected).to.have.length(1);
      expect(chart.rejected[0]).to.include('rev-attack').and.match(reason);
      await expectStillSigned(chart);
      expect(
        (await chart.store.history('DocumentReference/note-7')).map((r) => r.revisionId),
      ).not.to.include('rev-attack');
      expect(await valueOf(chart.store.conflicts(PATIENT))).to.deep.equal([]);
    });
  }

  it('judges a peer’s update in causal order: a revision and its parent arriving together are both taken', async () => {
    const chart = await signedChart();
    const first = craftedRevision(
      'rev-alg-2',
      [chart.allergy.revisionId],
      { ...penicillinAllergy(PATIENT, 'alg-1'), criticality: 'low' },
      NURSE_BO,
      '2024-03-02T08:00:00Z',
    );
    const second = craftedRevision(
      'rev-alg-3',
      [first.revisionId],
      { ...penicillinAllergy(PATIENT, 'alg-1'), criticality: 'high' },
      NURSE_BO,
      '2024-03-02T09:00:00Z',
    );
    const peer = new Y.Doc();
    const doc = await chart.store.documents.open(CORE);
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    // The child first in the array: order in a document is not causal order.
    peer.getArray<string>(REVISIONS).push([encodeRevision(second)]);
    peer
      .getArray<string>(REVISIONS)
      .insert(peer.getArray(REVISIONS).length - 1, [encodeRevision(first)]);
    await chart.store.documents.applyRemoteUpdate(
      CORE,
      Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)),
    );
    expect(chart.rejected).to.deep.equal([]);
    const [allergy] = await valueOf(chart.store.allergies(PATIENT));
    expect(allergy!.heads.map((h) => h.revisionId)).to.deep.equal(['rev-alg-3']);
  });

  it('a draft changed offline while a colleague signed it shows as a conflict, the signed text staying the note', async () => {
    const chart = await signedChart();
    const offline = craftedRevision(
      'rev-offline-edit',
      [chart.draft.revisionId],
      noteResource('Reviewed bloods.', 'preliminary'),
      NURSE_BO,
      '2999-01-01T00:00:00Z',
    );
    await fromPeer(chart.store, offline);
    expect(chart.rejected).to.deep.equal([]);
    const record = await note(chart.store);
    expect(record.heads.map((h) => h.revisionId)).to.deep.equal([
      chart.signed.revisionId,
      offline.revisionId,
    ]);
    expect(
      record.current.content[0]!.attachment.data,
      'the newer draft does not stand as the note',
    ).to.equal(SIGNED_TEXT);
    expect((await valueOf(chart.store.conflicts(PATIENT))).map((c) => c.key)).to.deep.equal([
      'DocumentReference/note-7',
    ]);
    // Resolving it with the offline words replaces the signed text: refused. Keeping the signed text resolves it.
    const refused = await rejection(
      chart.store.resolveConflict(noteResource('Reviewed bloods.', 'final'), [
        chart.signed.revisionId,
        offline.revisionId,
      ]),
    );
    expect(refused.code).to.equal('invalid');
    expect(refused.message).to.match(/signed note/);
    await chart.store.resolveConflict(chart.signed.resource, [
      chart.signed.revisionId,
      offline.revisionId,
    ]);
    expect((await note(chart.store)).heads).to.have.length(1);
  });

  it('a peer’s second root for an allergy, or a revision naming a parent of another patient’s chart, is reported and never shown', async () => {
    const chart = await signedChart();
    const elsewhere = await chart.store.record(penicillinAllergy('pat-2', 'alg-2'));
    const low = { ...penicillinAllergy(PATIENT, 'alg-1'), criticality: 'low' as const };
    await fromPeer(chart.store, craftedRevision('rev-second-root', [], low, NURSE_BO));
    await fromPeer(
      chart.store,
      craftedRevision('rev-foreign-parent', [elsewhere.revisionId], low, NURSE_BO),
    );
    expect(chart.rejected).to.have.length(2);
    expect(chart.rejected[0]).to.match(/rev-second-root.*already in this chart/);
    expect(chart.rejected[1]).to.match(/rev-foreign-parent.*does not hold/);
    const [allergy] = await valueOf(chart.store.allergies(PATIENT));
    expect(allergy!.heads.map((h) => h.revisionId)).to.deep.equal([chart.allergy.revisionId]);
  });

  it('a peer’s revision reviving a record entered in error is reported and never shown', async () => {
    const chart = await signedChart();
    const voided = await chart.store.enterInError(
      'AllergyIntolerance/alg-1',
      chart.allergy.revisionId,
      'wrong patient',
    );
    await fromPeer(
      chart.store,
      craftedRevision(
        'rev-revived',
        [voided.revisionId, chart.allergy.revisionId],
        penicillinAllergy(PATIENT, 'alg-1'),
        NURSE_BO,
      ),
    );
    expect(chart.rejected).to.have.length(1);
    expect(chart.rejected[0]).to.match(/rev-revived.*entered in error/);
    const record = (await chart.store.history('AllergyIntolerance/alg-1')).map((r) => r.revisionId);
    expect(record).not.to.include('rev-revived');
  });

  it('an import does not replace a signed note: refused, nothing imported', async () => {
    const chart = await signedChart();
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: changed('final') as FhirResource },
        { resource: penicillinAllergy(PATIENT, 'alg-9') },
      ],
    };
    const refused = await rejection(importBundle(chart.store, JSON.stringify(bundle)));
    expect(refused.code).to.equal('invalid');
    expect(refused.message).to.match(/signed note.*nothing was imported/);
    await expectStillSigned(chart);
    expect((await valueOf(chart.store.allergies(PATIENT))).map((a) => a.key)).to.deep.equal([
      'AllergyIntolerance/alg-1',
    ]);
  });

  it('the store’s own commands keep the rule: a signed note is not revised, a voided record is not revived', async () => {
    const chart = await signedChart();
    const note = await rejection(chart.store.revise(changed('final'), chart.signed.revisionId));
    expect(note.message).to.match(/signed note/);
    const voided = await chart.store.enterInError(
      'AllergyIntolerance/alg-1',
      chart.allergy.revisionId,
      'wrong patient',
    );
    const revived = await rejection(
      chart.store.revise(penicillinAllergy(PATIENT, 'alg-1'), voided.revisionId),
    );
    expect(revived.code).to.equal('invalid');
    expect(revived.message).to.match(/entered in error/);
  });

  it('a peer’s copy of a held revision is no refusal, whatever its parents; other content under a held id is reported', async () => {
    const chart = await signedChart();
    const imported = craftedImport(penicillinAllergy(PATIENT, 'alg-i'), [], DR_ADA);
    await fromPeer(chart.store, imported);
    const change = await chart.store.revise(
      { ...penicillinAllergy(PATIENT, 'alg-i'), criticality: 'low' },
      imported.revisionId,
    );
    // Another device's import of the same version: a root of a record that has moved on, its own author and time.
    await fromPeer(chart.store, { ...imported, author: NURSE_BO, at: '2024-03-01T10:01:00Z' });
    expect(chart.rejected).to.deep.equal([]);
    const [record] = (await valueOf(chart.store.allergies(PATIENT))).filter(
      (a) => a.key === 'AllergyIntolerance/alg-i',
    );
    expect(record!.heads.map((h) => h.revisionId)).to.deep.equal([change.revisionId]);
    // The same id with other content, an import id its content does not derive, a plain id in another author's name.
    await fromPeer(chart.store, {
      ...imported,
      author: NURSE_BO,
      resource: { ...penicillinAllergy(PATIENT, 'alg-i'), criticality: 'low' },
    });
    await fromPeer(chart.store, { ...chart.allergy, author: NURSE_BO });
    expect(chart.rejected, chart.rejected.join('; ')).to.have.length(2);
    expect(chart.rejected[0]).to.match(/not the import id/);
    expect(chart.rejected[1]).to.match(/held already with other content/);
    expect((await chart.store.history('AllergyIntolerance/alg-1'))[0]!.author.id).to.equal(
      DR_ADA.id,
    );
  });

  it('a peer’s second import root of an imported record stands as a conflict; beside a record begun here it is reported', async () => {
    const chart = await signedChart();
    const imported = craftedImport(penicillinAllergy(PATIENT, 'alg-i'), [], DR_ADA);
    await fromPeer(chart.store, imported);
    const other = craftedImport(
      { ...penicillinAllergy(PATIENT, 'alg-i'), criticality: 'low' },
      [],
      NURSE_BO,
      '2024-03-01T10:30:00Z',
    );
    await fromPeer(chart.store, other);
    expect(chart.rejected).to.deep.equal([]);
    const [conflict] = await valueOf(chart.store.conflicts(PATIENT));
    expect(conflict!.key).to.equal('AllergyIntolerance/alg-i');
    expect(conflict!.heads.map((h) => h.revisionId).sort()).to.deep.equal(
      [imported.revisionId, other.revisionId].sort(),
    );
    // alg-1 was recorded on this device: an import root beside it is refused, and a non-import second root beside an import too.
    await fromPeer(
      chart.store,
      craftedImport({ ...penicillinAllergy(PATIENT, 'alg-1'), criticality: 'low' }, [], NURSE_BO),
    );
    await fromPeer(
      chart.store,
      craftedRevision(
        'rev-alg-i-root',
        [],
        { ...penicillinAllergy(PATIENT, 'alg-i'), criticality: 'high' },
        NURSE_BO,
      ),
    );
    expect(chart.rejected).to.have.length(2);
    expect(chart.rejected[0]).to.match(/AllergyIntolerance\/alg-1 is already in this chart/);
    expect(chart.rejected[1]).to.match(/rev-alg-i-root.*already in this chart/);
  });
});
