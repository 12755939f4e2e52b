import { expect } from '../../support/testing.js';
import { Dexie } from 'dexie';
import * as Y from 'yjs';
import {
  coreDocumentName,
  encodeRevision,
  OBSERVATION_CATEGORY,
  resourceKey,
  type FhirResource,
  type MedicationRequest,
  type Observation,
  type Revision,
} from '../../../model/index.js';
import type { HistoryRow, LaneDayRow, RecordRow } from '../../../storage/database.js';
import {
  ChartDatabase,
  openChartStore,
  PROJECTION_VERSION,
  REVISIONS,
} from '../../../storage/index.js';
import { newRevision } from '../../../storage/new-revision.js';
import { indexFields } from '../../../storage/projection.js';
import { ChartDatabaseV1, ChartDatabaseV3, rejection, tableCounts } from '../../support/idb.js';
import { heartRate, metformin, patient, penicillinAllergy } from '../../support/resources.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  sendDocument,
  uniqueDatabaseName,
  valueOf,
} from '../../support/test-stores.js';

// The database across releases: its migrations (versions 1 to 5), and the
// projections rebuilt from the log when a release derives them differently.

/** A revision at a given time, as the kit makes them. */
function revisionAt<R extends FhirResource>(
  resource: R,
  parents: Revision[],
  at: string,
): Revision<R> {
  return {
    ...newRevision(
      resource,
      parents.map((p) => p.revisionId),
      DR_ADA,
    ),
    at,
  };
}

/** The log rows of one document holding these revisions, appended one at a time as the kit does. */
function logOf(revisions: Revision[]): Uint8Array[] {
  const doc = new Y.Doc({ gc: false });
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const revision of revisions)
    doc.getArray<string>(REVISIONS).push([encodeRevision(revision)]);
  doc.destroy();
  return updates;
}

/** A record row as version 1 kept it: one head, the rest in history. */
function recordOf(head: Revision, patientId: string, doc: string): RecordRow {
  const fields = indexFields(head.resource);
  return {
    key: head.key,
    patientId,
    resourceType: head.resource.resourceType,
    lane: fields.lane,
    date: fields.date ?? '',
    code: fields.code ?? '',
    status: fields.status ?? '',
    conflict: 0,
    doc,
    heads: [head],
  };
}

/** Every projection row, in key order. */
async function projections(
  name: string,
): Promise<{ records: RecordRow[]; history: HistoryRow[]; laneDays: LaneDayRow[] }> {
  const db = new ChartDatabase(name);
  try {
    return {
      records: await db.records.orderBy('key').toArray(),
      history: await db.history.orderBy('revisionId').toArray(),
      laneDays: await db.laneDays.toArray(),
    };
  } finally {
    db.close();
  }
}

describe('the chart database across releases', () => {
  afterEach(closeTestStores);

  it("migrates a version 1 database: history rows get their record's patient, and the audit trail by patient answers", async () => {
    const name = uniqueDatabaseName('v1');
    // Ada's allergy revised twice, Bo's medication once, as the first release kept them.
    const allergy = [revisionAt(penicillinAllergy('pat-1'), [], '2024-01-10T09:00:00.000Z')];
    allergy.push(
      revisionAt(
        { ...penicillinAllergy('pat-1'), criticality: 'low' },
        [allergy[0]!],
        '2024-01-11T09:00:00.000Z',
      ),
    );
    allergy.push(
      revisionAt(
        { ...penicillinAllergy('pat-1'), criticality: 'unable-to-assess' },
        [allergy[1]!],
        '2024-01-12T09:00:00.000Z',
      ),
    );
    const medication = [revisionAt(metformin('pat-2', 'med-9'), [], '2024-02-01T10:00:00.000Z')];
    medication.push(
      revisionAt(metformin('pat-2', 'med-9', 1000), [medication[0]!], '2024-02-02T10:00:00.000Z'),
    );
    const charts = [
      { patientId: 'pat-1', revisions: allergy },
      { patientId: 'pat-2', revisions: medication },
    ];

    const v1 = new ChartDatabaseV1(name);
    for (const { patientId, revisions } of charts) {
      const doc = coreDocumentName(patientId);
      await v1.updates.bulkAdd(logOf(revisions).map((update) => ({ doc, update })));
      await v1.documents.put({ name: doc, patientId });
      await v1.records.put(recordOf(revisions.at(-1)!, patientId, doc));
      await v1.history.bulkPut(revisions.slice(0, -1));
    }
    // The first release wrote its projection version when it first opened the database.
    await v1.meta.put({ key: 'projectionVersion', value: 1 });
    const recordsBefore = await v1.records.orderBy('key').toArray();
    const countsBefore = {
      updates: await v1.updates.count(),
      documents: await v1.documents.count(),
    };
    v1.close();

    const store = await openTestStore(name);
    const { records, history } = await projections(name);
    expect(records, 'records as they were').to.deep.equal(recordsBefore);
    expect(history.map((row) => [row.revisionId, row.patientId])).to.have.deep.members([
      [allergy[0]!.revisionId, 'pat-1'],
      [allergy[1]!.revisionId, 'pat-1'],
      [medication[0]!.revisionId, 'pat-2'],
    ]);
    const counts = await tableCounts(name);
    expect({ updates: counts.updates, documents: counts.documents }).to.deep.equal(countsBefore);

    const db = new ChartDatabase(name);
    const trail = await db.history
      .where('[patientId+at]')
      .between(['pat-1', Dexie.minKey], ['pat-1', Dexie.maxKey])
      .toArray();
    expect(
      trail.map((row) => row.revisionId),
      "pat-1's superseded revisions, oldest first",
    ).to.deep.equal([allergy[0]!.revisionId, allergy[1]!.revisionId]);
    db.close();

    // The migrated chart reads and takes new revisions.
    expect(
      (await store.history('AllergyIntolerance/alg-1')).map((r) => r.revisionId),
    ).to.deep.equal(allergy.map((r) => r.revisionId));
    await store.revise(metformin('pat-2', 'med-9', 1500), medication[1]!.revisionId);
    const [revised] = await valueOf(store.medications('pat-2'));
    expect((revised!.current as MedicationRequest).dosageInstruction?.[0]?.text).to.equal(
      '1500 mg twice daily',
    );
    const { history: after } = await projections(name);
    expect(after.find((row) => row.revisionId === medication[1]!.revisionId)?.patientId).to.equal(
      'pat-2',
    );
  });

  it('migrates a version 3 database: observations are counted per day, and the counts follow new revisions', async () => {
    const name = uniqueDatabaseName('v3');
    const doc = coreDocumentName('pat-1');
    const pulses = [
      '2024-03-01T09:10:00.000Z',
      '2024-03-01T23:50:00.000Z',
      '2024-03-02T00:10:00.000Z',
    ].map((at, i) => revisionAt(heartRate('pat-1', `hr-${i}`, 70 + i, at), [], at));
    pulses.push(
      revisionAt(
        { ...heartRate('pat-1', 'hr-3', 73), effectiveDateTime: '2024-02' },
        [],
        '2024-02-28T10:00:00.000Z',
      ),
    );
    pulses.push(
      revisionAt(
        { ...heartRate('pat-1', 'hr-4', 74), effectiveDateTime: '2024-03-01' },
        [],
        '2024-03-01T10:00:00.000Z',
      ),
    );
    const { effectiveDateTime: _, ...untimed } = heartRate('pat-1', 'hr-5', 75);
    pulses.push(revisionAt(untimed, [], '2024-03-01T10:00:00.000Z'));
    const allergy = revisionAt(
      { ...penicillinAllergy(), recordedDate: '2024-02-20' },
      [],
      '2024-02-28T10:00:00.000Z',
    );
    const v3 = new ChartDatabaseV3(name);
    await v3.updates.bulkAdd(logOf([...pulses, allergy]).map((update) => ({ doc, update })));
    await v3.documents.put({ name: doc, patientId: 'pat-1' });
    await v3.records.bulkPut(
      [...pulses, allergy].map((revision) => recordOf(revision, 'pat-1', doc)),
    );
    await v3.meta.put({ key: 'projectionVersion', value: PROJECTION_VERSION });
    v3.close();

    const store = await openTestStore(name);
    const counted = async () =>
      (await projections(name)).laneDays.map(({ lane, day, count }) => [lane, day, count]);
    expect(await counted(), 'the allergy is not an observation').to.have.deep.members(
      [
        ['vital-signs', '2024-02', 1],
        ['vital-signs', '2024-03-01', 3],
        ['vital-signs', '2024-03-02', 1],
      ],
      'a date-only reading in its day; one with no time not counted',
    );
    await store.revise(
      heartRate('pat-1', 'hr-0', 70, '2024-03-02T11:30:00Z'),
      pulses[0]!.revisionId,
    );
    expect(await counted()).to.have.deep.members([
      ['vital-signs', '2024-02', 1],
      ['vital-signs', '2024-03-01', 2],
      ['vital-signs', '2024-03-02', 2],
    ]);
  });

  it('rebuilds stale projections from the log, exactly as they were', async () => {
    const name = uniqueDatabaseName('rebuild');
    const store = await openTestStore(name);
    await store.record(patient());
    const allergy = await store.record(penicillinAllergy());
    const medication = await store.record(metformin());
    await store.revise(metformin('pat-1', 'med-1', 1000), medication.revisionId, {
      reason: 'dose increased',
    });
    const pulse = await store.record(heartRate('pat-1', 'hr-1', 72, '2024-03-01T09:30:00Z'));
    await store.enterInError(resourceKey(pulse.resource), pulse.revisionId, 'wrong patient');
    // A conflict: another replica revises the allergy at the same time.
    const replica = await openTestStore(uniqueDatabaseName('replica'), NURSE_BO);
    await sendDocument(store, replica, coreDocumentName('pat-1'));
    await store.revise({ ...penicillinAllergy(), criticality: 'low' }, allergy.revisionId);
    await replica.revise(
      { ...penicillinAllergy(), criticality: 'unable-to-assess' },
      allergy.revisionId,
    );
    await sendDocument(replica, store, coreDocumentName('pat-1'));
    expect(await valueOf(store.conflicts('pat-1'))).to.have.length(1);
    await store.close();
    const before = await projections(name);
    expect(before.records).to.have.length(4);
    expect(before.history).to.have.length(3);
    expect(before.laneDays.map((row) => [row.lane, row.count])).to.deep.equal(
      [['vital-signs', 1]],
      'the heart rate, counted',
    );

    // A release that derives the projections differently finds them stale (and, say, damaged).
    const db = new ChartDatabase(name);
    await db.meta.put({ key: 'projectionVersion', value: PROJECTION_VERSION - 1 });
    await db.records.clear();
    await db.records.put({ ...before.records[0]!, key: 'Patient/ghost', patientId: 'ghost' });
    await db.history.clear();
    await db.laneDays.clear();
    await db.laneDays.put({ patientId: 'ghost', lane: 'Patient', day: '2024-03-01', count: 3 });
    db.close();

    const reopened = await openTestStore(name);
    expect(await projections(name)).to.deep.equal(before);
    const check = new ChartDatabase(name);
    expect((await check.meta.get('projectionVersion'))?.value).to.equal(PROJECTION_VERSION);
    check.close();
    const [conflict] = await valueOf(reopened.conflicts('pat-1'));
    expect(conflict!.heads.map((h) => h.author.displayName)).to.have.members([
      DR_ADA.displayName,
      NURSE_BO.displayName,
    ]);
  });

  it('finds an observation by its LOINC code when a local coding comes first, also one an older release indexed', async () => {
    const local = {
      system: 'http://hospital.example/observation-codes',
      code: 'HR-MON',
      display: 'Monitor heart rate',
    };
    const byLocalFirst = (observation: Observation): Observation => ({
      ...observation,
      code: { coding: [local, ...observation.code.coding!] },
    });
    const store = await openTestStore();
    await store.record(patient());
    await store.record(byLocalFirst(heartRate()));
    expect(
      (await valueOf(store.vitals('pat-1', { codes: ['8867-4'] }))).map((r) => r.key),
    ).to.deep.equal(['Observation/hr-1']);

    // Releases before schema version 5 indexed the first coding's code.
    const name = uniqueDatabaseName('v4-codes');
    const doc = coreDocumentName('pat-1');
    const localOnly: Observation = {
      ...heartRate('pat-1', 'lab-1'),
      category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'laboratory' }] }],
      code: { coding: [{ ...local, code: 'LAB-7' }] },
    };
    const written = [
      byLocalFirst(heartRate('pat-1', 'hr-1')),
      heartRate('pat-1', 'hr-2', 80, '2024-03-01T10:30:00Z'),
      localOnly,
      penicillinAllergy(),
    ].map((resource) => revisionAt(resource, [], '2024-03-01T12:00:00Z'));
    const firstCode = (resource: FhirResource) =>
      resource.resourceType === 'Observation'
        ? resource.code.coding![0]!.code!
        : (indexFields(resource).code ?? '');
    const older = new ChartDatabaseV3(name);
    await older.updates.bulkAdd(logOf(written).map((update) => ({ doc, update })));
    await older.documents.put({ name: doc, patientId: 'pat-1' });
    await older.records.bulkPut(
      written.map((revision) => ({
        ...recordOf(revision, 'pat-1', doc),
        code: firstCode(revision.resource),
      })),
    );
    await older.meta.put({ key: 'projectionVersion', value: PROJECTION_VERSION });
    older.close();
    const upgraded = await openTestStore(name);
    expect(
      (await valueOf(upgraded.vitals('pat-1', { codes: ['8867-4'] }))).map((r) => r.key),
    ).to.have.members(['Observation/hr-1', 'Observation/hr-2']);
    expect(await valueOf(upgraded.vitals('pat-1', { codes: ['HR-MON'] }))).to.deep.equal(
      [],
      'no longer under the local code',
    );
    expect(
      (await valueOf(upgraded.observations('pat-1', { codes: ['LAB-7'] }))).map((r) => r.key),
    ).to.deep.equal(['Observation/lab-1'], 'no LOINC: the first code still');
    expect(await valueOf(upgraded.allergies('pat-1'))).to.have.length(1);
  });

  it('refuses projections that a newer release derived, and leaves them alone', async () => {
    const name = uniqueDatabaseName('newer-projections');
    const store = await openTestStore(name);
    await store.record(patient());
    await store.record(penicillinAllergy());
    await store.close();
    const db = new ChartDatabase(name);
    await db.meta.put({ key: 'projectionVersion', value: PROJECTION_VERSION + 1 });
    db.close();
    const before = await projections(name);

    const error = await rejection(openChartStore({ user: DR_ADA, databaseName: name }));
    expect(error.code).to.equal('version-change');
    expect(await projections(name)).to.deep.equal(before);
    const check = new ChartDatabase(name);
    expect((await check.meta.get('projectionVersion'))?.value).to.equal(PROJECTION_VERSION + 1);
    check.close();
  });
});
