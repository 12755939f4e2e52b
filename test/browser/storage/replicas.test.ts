import { expect } from '../../support/testing.js';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  coreDocumentName,
  encodeRevision,
  type ChartRecord,
  type MedicationRequest,
} from '../../../model/index.js';
import { REVISIONS, type DexieChartStore } from '../../../storage/index.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  revisionCount,
  sendDocument,
  valueOf,
} from '../../support/test-stores.js';
import { heartRate, metformin, patient, penicillinAllergy } from '../../support/resources.js';

// Replicas of one chart on different devices, exchanging Yjs updates by hand
// the way a sync provider would. Concurrent changes to one resource must
// survive as a conflict on every replica, never as a silent winner.

const CORE = coreDocumentName('pat-1');

async function sendAll(from: DexieChartStore, to: DexieChartStore): Promise<void> {
  for (const name of await from.documents.names('pat-1')) await sendDocument(from, to, name);
}

const doseOf = (record: ChartRecord<MedicationRequest>) =>
  record.current.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity?.value;
const headIds = (record: ChartRecord) => record.heads.map((h) => h.revisionId).sort();

describe('replicas of a chart', () => {
  afterEach(closeTestStores);

  it('keep both concurrent revisions of one medication as a conflict on both sides, and a resolution clears it on both', async () => {
    const ada = await openTestStore(undefined, DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    await ada.record(patient());
    const original = await ada.record(metformin());
    await sendDocument(ada, bo, CORE);

    // Offline, both change the dose of the same revision.
    const byAda = await ada.revise(metformin('pat-1', 'med-1', 1000), original.revisionId);
    const byBo = await bo.revise(metformin('pat-1', 'med-1', 850), original.revisionId);
    await sendDocument(ada, bo, CORE);
    await sendDocument(bo, ada, CORE);

    for (const store of [ada, bo]) {
      const [medication] = await valueOf(store.medications('pat-1'));
      expect(headIds(medication!)).to.deep.equal([byAda.revisionId, byBo.revisionId].sort());
      expect(
        medication!.heads
          .map((h) =>
            doseOf({ ...medication!, current: h.resource } as ChartRecord<MedicationRequest>),
          )
          .sort(),
      ).to.deep.equal([1000, 850].sort());
      const conflicts = await valueOf(store.conflicts('pat-1'));
      expect(conflicts.map((c) => c.key)).to.deep.equal(['MedicationRequest/med-1']);
    }

    const resolved = await ada.resolveConflict(
      metformin('pat-1', 'med-1', 850),
      [byAda.revisionId, byBo.revisionId],
      { reason: 'checked with pharmacy' },
    );
    expect(resolved.parents.sort()).to.deep.equal([byAda.revisionId, byBo.revisionId].sort());
    await sendDocument(ada, bo, CORE);
    for (const store of [ada, bo]) {
      const [medication] = await valueOf(
        store.medications('pat-1'),
        (list) => list[0]?.heads.length === 1,
      );
      expect(headIds(medication!)).to.deep.equal([resolved.revisionId]);
      expect(doseOf(medication as ChartRecord<MedicationRequest>)).to.equal(850);
      expect(await valueOf(store.conflicts('pat-1'))).to.deep.equal([]);
      expect(
        (await store.history('MedicationRequest/med-1')).map((r) => r.revisionId).sort(),
      ).to.deep.equal(
        [original.revisionId, byAda.revisionId, byBo.revisionId, resolved.revisionId].sort(),
      );
    }
  });

  it('keep a peer’s revision for another patient in the log but never show it in this chart', async () => {
    const rejected: Array<[string, string]> = [];
    const bo = await openTestStore(undefined, NURSE_BO, {
      onRejectedRevision: (doc, message) => rejected.push([doc, message]),
    });
    await bo.record(patient());
    await bo.record(penicillinAllergy('pat-1', 'alg-1'));
    // A peer writes pat-2's allergy into pat-1's chart document.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(await bo.documents.open(CORE)));
    peer.getArray<string>(REVISIONS).push([
      encodeRevision({
        revisionId: 'rev-elsewhere',
        key: 'AllergyIntolerance/alg-2',
        parents: [],
        author: DR_ADA,
        at: '2024-03-01T09:30:00Z',
        resource: { ...penicillinAllergy('pat-2', 'alg-2'), code: { text: 'Latex' } },
      }),
    ]);
    await bo.documents.applyRemoteUpdate(
      CORE,
      Y.encodeStateAsUpdate(peer, Y.encodeStateVector(await bo.documents.open(CORE))),
    );

    expect(rejected).to.deep.equal([
      [
        CORE,
        'AllergyIntolerance/alg-2 belongs to Patient/pat-2, not to the chart of Patient/pat-1',
      ],
    ]);
    expect((await valueOf(bo.allergies('pat-1'))).map((record) => record.key)).to.deep.equal([
      'AllergyIntolerance/alg-1',
    ]);
    expect(await valueOf(bo.allergies('pat-2'))).to.deep.equal([]);
    expect(revisionCount(await bo.documents.open(CORE)), 'kept in the log').to.equal(3);
  });

  it('merge concurrent revisions of different resources with no conflict', async () => {
    const ada = await openTestStore(undefined, DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    const medication = await ada.record(metformin());
    const allergy = await ada.record(penicillinAllergy());
    await sendDocument(ada, bo, CORE);
    await ada.revise(metformin('pat-1', 'med-1', 1000), medication.revisionId);
    await bo.revise({ ...penicillinAllergy(), criticality: 'low' }, allergy.revisionId);
    await bo.record(heartRate());
    await sendAll(ada, bo);
    await sendAll(bo, ada);
    for (const store of [ada, bo]) {
      expect(await valueOf(store.conflicts('pat-1'))).to.deep.equal([]);
      expect(
        doseOf((await valueOf(store.medications('pat-1')))[0] as ChartRecord<MedicationRequest>),
      ).to.equal(1000);
      expect((await valueOf(store.allergies('pat-1')))[0]!.current.criticality).to.equal('low');
      expect(await valueOf(store.vitals('pat-1'))).to.have.length(1);
    }
  });

  it('drop a replaced head even when the revision replacing it arrives already replaced itself', async () => {
    // Found by the property below: a revision and its resolution reach a
    // replica in one update; the older head the first one replaced must go.
    const [ada, bo] = [
      await openTestStore(undefined, DR_ADA),
      await openTestStore(undefined, NURSE_BO),
    ];
    const original = await bo.record(metformin());
    await sendAll(bo, ada);
    const fromBo = await bo.revise(metformin('pat-1', 'med-1', 750), original.revisionId);
    const fromAda = await ada.revise(metformin('pat-1', 'med-1', 1000), original.revisionId);
    await sendAll(bo, ada);
    const revised = await ada.revise(metformin('pat-1', 'med-1', 25), fromAda.revisionId);
    const resolved = await ada.resolveConflict(metformin('pat-1', 'med-1', 25), [
      fromBo.revisionId,
      revised.revisionId,
    ]);
    await sendAll(ada, bo);
    const [medication] = await valueOf(bo.medications('pat-1'));
    expect(headIds(medication!)).to.deep.equal([resolved.revisionId]);
    expect(await valueOf(bo.conflicts('pat-1'))).to.deep.equal([]);
  });

  it('converge whatever the partitions and merge orders (property)', async function () {
    this.timeout(180_000); // room for fast-check to shrink a failure to its smallest case
    type Step =
      | { kind: 'record'; replica: number; item: number }
      | { kind: 'revise'; replica: number; item: number; dose: number }
      | { kind: 'resolve'; replica: number; item: number }
      | { kind: 'sync'; from: number; to: number };
    const replica = fc.integer({ min: 0, max: 2 });
    const item = fc.integer({ min: 0, max: 3 });
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('record' as const), replica, item }),
      fc.record({
        kind: fc.constant('revise' as const),
        replica,
        item,
        dose: fc.integer({ min: 1, max: 40 }).map((n) => n * 25),
      }),
      fc.record({ kind: fc.constant('resolve' as const), replica, item }),
      fc.record({ kind: fc.constant('sync' as const), from: replica, to: replica }),
    );

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 18 }), async (steps) => {
        const stores = [
          await openTestStore(undefined, DR_ADA),
          await openTestStore(undefined, NURSE_BO),
          await openTestStore(undefined, DR_ADA),
        ];
        const made = new Set<string>();
        try {
          for (const s of steps) {
            if (s.kind === 'sync') {
              if (s.from !== s.to) await sendAll(stores[s.from]!, stores[s.to]!);
              continue;
            }
            const store = stores[s.replica]!;
            const id = `med-${s.item}`;
            const [existing] = (await valueOf(store.medications('pat-1'))).filter(
              (m) => m.key === `MedicationRequest/${id}`,
            );
            // A record is created once: a second root of one record is refused by the revision rule (revision-rule.test.ts).
            const anywhere = (
              await Promise.all(stores.map((other) => valueOf(other.medications('pat-1'))))
            )
              .flat()
              .some((m) => m.key === `MedicationRequest/${id}`);
            if (s.kind === 'record' && !anywhere)
              made.add((await store.record(metformin('pat-1', id))).revisionId);
            if (s.kind === 'revise' && existing)
              made.add(
                (await store.revise(metformin('pat-1', id, s.dose), existing.heads[0]!.revisionId))
                  .revisionId,
              );
            if (s.kind === 'resolve' && existing && existing.heads.length > 1) {
              made.add(
                (
                  await store.resolveConflict(
                    existing.current,
                    existing.heads.map((h) => h.revisionId),
                  )
                ).revisionId,
              );
            }
          }
          // Heal the partition: everyone hears from everyone.
          for (let round = 0; round < 2; round++) {
            for (const [from, to] of [
              [0, 1],
              [1, 2],
              [2, 0],
              [0, 2],
              [2, 1],
              [1, 0],
            ] as const)
              await sendAll(stores[from]!, stores[to]!);
          }
          const views = await Promise.all(
            stores.map(async (store) => {
              const records = await valueOf(store.medications('pat-1'));
              const histories = await Promise.all(records.map((r) => store.history(r.key)));
              return {
                heads: records.map((r) => [r.key, headIds(r), r.current]),
                conflicts: (await valueOf(store.conflicts('pat-1'))).map((c) => c.key).sort(),
                revisions: histories
                  .flat()
                  .map((r) => r.revisionId)
                  .sort(),
              };
            }),
          );
          expect(views[1]).to.deep.equal(views[0]);
          expect(views[2]).to.deep.equal(views[0]);
          expect(views[0]!.revisions).to.deep.equal(
            [...made].sort(),
            'every revision ever made, on every replica',
          );
        } finally {
          await closeTestStores();
        }
      }),
      { numRuns: 25 },
    );
  });
});
