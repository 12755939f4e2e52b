import { expect } from '../../support/testing.js';
import { ChartStoreError, coreDocumentName, type MedicationRequest } from '../../../model/index.js';
import { ChartDatabase, importBundle } from '../../../storage/index.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  PATIENT_VIEWER,
  uniqueDatabaseName,
  valueOf,
} from '../../support/test-stores.js';
import { heartRate, metformin, patient, penicillinAllergy } from '../../support/resources.js';
import { syntheaText } from '../../support/browser-fixtures.js';
import { rejection } from '../../support/idb.js';

describe('the local chart store', () => {
  afterEach(closeTestStores);

  it('keeps everything acknowledged across a reload (a new store on the same database)', async () => {
    const name = uniqueDatabaseName('reload');
    const first = await openTestStore(name);
    await first.record(patient());
    const recorded = await first.record(penicillinAllergy());
    const revised = await first.revise(
      { ...penicillinAllergy(), criticality: 'low' },
      recorded.revisionId,
      { reason: 'reassessed' },
    );
    await first.close();

    const second = await openTestStore(name);
    const allergies = await valueOf(second.allergies('pat-1'));
    expect(allergies).to.have.length(1);
    expect(allergies[0]!.current.criticality).to.equal('low');
    expect(allergies[0]!.heads.map((h) => h.revisionId)).to.deep.equal([revised.revisionId]);
    const history = await second.history('AllergyIntolerance/alg-1');
    expect(
      history.map((r) => [r.revisionId, r.parents, r.author.displayName, r.reason]),
    ).to.deep.equal([
      [recorded.revisionId, [], DR_ADA.displayName, undefined],
      [revised.revisionId, [recorded.revisionId], DR_ADA.displayName, 'reassessed'],
    ]);
    expect((await valueOf(second.patient('pat-1')))?.current.name?.[0]?.family).to.equal('Okafor');
  });

  it('imports a Synthea bundle and answers every query from the projections', async () => {
    const store = await openTestStore();
    const phases: string[] = [];
    const summary = await importBundle(store, await syntheaText('Versie_Botsford'), {
      onProgress: (p) => phases.push(p.phase),
    });
    expect(summary.counts.AllergyIntolerance).to.equal(10);
    expect(summary.skipped.Claim).to.equal(27);
    expect(phases[0]).to.equal('validating');
    expect(phases.at(-1)).to.equal('done');
    const [patientId] = summary.patientIds;
    expect((await valueOf(store.allergies(patientId!))).length).to.equal(10);
    expect((await valueOf(store.medications(patientId!))).length).to.equal(8);
    const conditions = (await valueOf(store.conditions(patientId!))).map(
      (c) => c.current.onsetDateTime,
    );
    expect(conditions).to.deep.equal(
      [
        '2021-02-25T00:46:35+00:00',
        '2020-11-09T00:46:35+00:00',
        '2020-09-22T00:46:35+00:00',
        '2019-04-18T00:46:35+00:00',
        '2019-01-18T00:46:35+00:00',
      ],
      'all five, newest first',
    );
    const vitals = await valueOf(store.vitals(patientId!));
    expect(vitals.length).to.be.greaterThan(10);
    const dates = vitals.map((v) => v.current.effectiveDateTime!);
    expect(dates).to.deep.equal([...dates].sort().reverse(), 'newest first');
    const heights = await valueOf(store.vitals(patientId!, { codes: ['8302-2'] }));
    expect(heights.length).to.be.greaterThan(0);
    expect(heights.every((h) => h.current.code.coding?.[0]?.code === '8302-2')).to.equal(true);
    const others = await valueOf(store.observations(patientId!, { codes: ['72166-2', '718-7'] }));
    const codes = others.map((o) => o.current.code.coding?.[0]?.code);
    expect([
      codes.filter((c) => c === '72166-2').length,
      codes.filter((c) => c === '718-7').length,
      codes.length,
    ]).to.deep.equal([10, 1, 11], 'a survey and a laboratory test');
    const times = others.map((o) => o.current.effectiveDateTime!);
    expect(times).to.deep.equal([...times].sort().reverse(), 'newest first');
    expect(await valueOf(store.observations(patientId!, { codes: ['8302-2'] }))).to.deep.equal(
      [],
      'vital signs are not among the other observations',
    );
    const timeline = await valueOf(
      store.timeline(patientId!, { types: ['Encounter', 'Immunization'] }),
    );
    expect(timeline.filter((e) => e.resourceType === 'Encounter')).to.have.length(19);
    expect(timeline.filter((e) => e.resourceType === 'Immunization')).to.have.length(25);
    expect(timeline.find((e) => e.resourceType === 'Immunization')!.encounter).to.match(
      /^Encounter\//,
    );

    const again = await importBundle(store, await syntheaText('Versie_Botsford'));
    expect(again.unchanged).to.equal(155, 'the same bundle twice adds no revision');
  });

  it('stores nothing of an import with one bad entry', async () => {
    const name = uniqueDatabaseName('bad-import');
    const store = await openTestStore(name);
    const bundle = JSON.parse(await syntheaText('Karena_Pfeffer')) as {
      entry: Array<{ resource: Record<string, unknown> }>;
    };
    const bad = bundle.entry.findIndex((e) => e.resource.resourceType === 'Observation');
    bundle.entry[bad]!.resource.effectiveDateTime = 'yesterday';
    const error = await rejection(importBundle(store, bundle));
    expect(error.code).to.equal('invalid');
    expect(error.issues[0]).to.include({
      entry: bad,
      code: 'invalid',
      path: 'Observation.effectiveDateTime',
    });
    const db = new ChartDatabase(name);
    expect([
      await db.updates.count(),
      await db.records.count(),
      await db.history.count(),
    ]).to.deep.equal([0, 0, 0]);
    db.close();
  });

  it('refuses a resource that is not valid FHIR R4, naming the field', async () => {
    const store = await openTestStore();
    const error = await rejection(
      store.record({ ...metformin(), status: 'running' } as unknown as MedicationRequest),
    );
    expect(error.code).to.equal('invalid');
    expect(error.issues[0]).to.include({
      path: 'MedicationRequest.status',
      resourceType: 'MedicationRequest',
      id: 'med-1',
    });
    const orphan = await rejection(
      store.record({ ...metformin(), subject: { reference: 'Group/g1' } }),
    );
    expect(orphan.message).to.match(/must name its patient/);
  });

  it('refuses a revision of a version that is no longer current', async () => {
    const store = await openTestStore();
    const first = await store.record(metformin());
    await store.revise(metformin('pat-1', 'med-1', 1000), first.revisionId);
    const error = await rejection(store.revise(metformin('pat-1', 'med-1', 850), first.revisionId));
    expect(error.code).to.equal('stale');
    expect((await valueOf(store.medications('pat-1')))[0]!.heads).to.have.length(1);
  });

  it('lets a read-only role read and not write', async () => {
    const name = uniqueDatabaseName('viewer');
    const clinician = await openTestStore(name);
    await clinician.record(penicillinAllergy());
    const viewer = await openTestStore(name, PATIENT_VIEWER);
    expect(await valueOf(viewer.allergies('pat-1'))).to.have.length(1);
    const error = await rejection(viewer.record(metformin()));
    expect(error.code).to.equal('read-only');
    expect(error.message).to.contain('Sam Patient');
  });

  it('marks a record entered-in-error the FHIR way, keeping its history', async () => {
    const store = await openTestStore();
    const first = await store.record(penicillinAllergy());
    await store.enterInError('AllergyIntolerance/alg-1', first.revisionId, 'wrong patient');
    const [allergy] = await valueOf(store.allergies('pat-1'));
    expect(allergy!.current.verificationStatus?.coding?.[0]?.code).to.equal('entered-in-error');
    expect(allergy!.current.clinicalStatus).to.equal(undefined);
    expect(allergy!.heads[0]!.reason).to.equal('entered in error: wrong patient');
    expect(await store.history('AllergyIntolerance/alg-1')).to.have.length(2);
  });

  it('shows a write from another tab on the same database live, and lets that tab revise it', async () => {
    const name = uniqueDatabaseName('tabs');
    const tabA = await openTestStore(name);
    const tabB = await openTestStore(name, NURSE_BO);
    const seen = valueOf(tabB.medications('pat-1'), (list) => list.length === 1);
    const recorded = await tabA.record(metformin());
    const [medication] = await seen;
    expect(medication!.heads[0]!.revisionId).to.equal(recorded.revisionId);

    const inA = valueOf(
      tabA.medications('pat-1'),
      (list) =>
        (list[0]?.current as MedicationRequest | undefined)?.dosageInstruction?.[0]?.text ===
        '1000 mg twice daily',
    );
    const revised = await tabB.revise(metformin('pat-1', 'med-1', 1000), recorded.revisionId);
    expect((await inA)[0]!.heads.map((h) => h.author.displayName)).to.deep.equal([
      NURSE_BO.displayName,
    ]);
    // Both tabs' log rows are one document: a later load holds both revisions.
    const doc = await tabA.documents.open(coreDocumentName('pat-1'));
    expect(doc.getArray('revisions').length).to.equal(2);
    expect(revised.parents).to.deep.equal([recorded.revisionId]);
  });

  it('records an observation in its day segment, not in the core document', async () => {
    const store = await openTestStore();
    await store.record(heartRate('pat-1', 'hr-1', 88, '2024-03-01T23:59:00Z'));
    await store.record(penicillinAllergy());
    const segment = await store.documents.open('emr/pat-1/observations/2024-03-01');
    const core = await store.documents.open(coreDocumentName('pat-1'));
    expect([segment.getArray('revisions').length, core.getArray('revisions').length]).to.deep.equal(
      [1, 1],
    );
    const [vital] = await valueOf(
      store.vitals('pat-1', { from: '2024-03-01T00:00:00Z', to: '2024-03-02T00:00:00Z' }),
    );
    expect(vital!.current.valueQuantity?.value).to.equal(88);
  });

  it('gives the newest vital signs first up to a limit, across codes, and refuses a limit that is not a count', async () => {
    const store = await openTestStore();
    for (let minute = 0; minute < 10; minute++) {
      await store.record(
        heartRate('pat-1', `hr-${minute}`, 60 + minute, `2024-03-01T10:0${minute}:00Z`),
      );
    }
    const newest = await valueOf(store.vitals('pat-1', { limit: 3 }));
    expect(newest.map((v) => v.current.id)).to.deep.equal(['hr-9', 'hr-8', 'hr-7']);
    const before = await valueOf(
      store.vitals('pat-1', { to: '2024-03-01T10:05:00Z', codes: ['8867-4', '9279-1'], limit: 2 }),
    );
    expect(before.map((v) => v.current.id)).to.deep.equal(['hr-4', 'hr-3']);
    for (const limit of [0, -1, 1.5, Number.NaN]) {
      const failed = await new Promise<ChartStoreError>((resolve) => {
        store.vitals('pat-1', { limit }).subscribe({
          next: () => resolve(new ChartStoreError('invalid', 'no error')),
          error: resolve,
        });
      });
      expect(failed.message).to.include('limit must be a whole number', String(limit));
    }
  });

  it('compacts a document saved in many small updates into one log row when it loads', async () => {
    const name = uniqueDatabaseName('compact');
    const store = await openTestStore(name);
    for (let minute = 0; minute < 70; minute++) {
      await store.record(
        heartRate(
          'pat-1',
          `hr-${minute}`,
          60 + minute,
          `2024-03-01T10:${String(minute % 60).padStart(2, '0')}:${minute < 60 ? '00' : '30'}Z`,
        ),
      );
    }
    await store.close();
    const db = new ChartDatabase(name);
    const segment = 'emr/pat-1/observations/2024-03-01';
    const rowsOf = () =>
      db.updates.where('[doc+seq]').between([segment, 0], [segment, Infinity]).count();
    expect(await rowsOf()).to.equal(70);
    const reopened = await openTestStore(name);
    const doc = await reopened.documents.open(segment);
    expect(doc.getArray('revisions').length).to.equal(70);
    expect(await rowsOf()).to.equal(1);
    await reopened.record(heartRate('pat-1', 'hr-late', 99, '2024-03-01T23:00:00Z'));
    expect(await rowsOf()).to.equal(2);
    expect(await valueOf(reopened.vitals('pat-1'))).to.have.length(71);
    db.close();
  });

  it('exports a patient as a bundle that reads back the same', async () => {
    const store = await openTestStore();
    const summary = await importBundle(store, await syntheaText('Brent_Beer'));
    const bundle = await store.exportPatient(summary.patientIds[0]!);
    expect(bundle.entry[0]!.resource.resourceType).to.equal('Patient');
    expect(bundle.entry).to.have.length(144);
    const other = await openTestStore();
    const again = await importBundle(other, bundle);
    expect(again.counts).to.deep.equal(summary.counts);
  });
});
