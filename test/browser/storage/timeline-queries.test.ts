import { expect } from '../../support/testing.js';
import {
  observationsDocumentName,
  resourceKey,
  writeBundle,
  type Encounter,
  type FhirResource,
  type MedicationRequest,
  type Observation,
  type TimelineDensityQuery,
} from '../../../model/index.js';
import type { DexieChartStore } from '../../../storage/index.js';
import {
  closeTestStores,
  NURSE_BO,
  openTestStore,
  sendDocument,
  uniqueDatabaseName,
  valueOf,
} from '../../support/test-stores.js';
import { heartRate, metformin, patient, penicillinAllergy } from '../../support/resources.js';
import { importBundle } from '../../../storage/index.js';

// The timeline's window (kinds, limit) and its density (counts per bucket)
// on a real store in IndexedDB.

const HOUR = 3_600_000;
const START = Date.parse('2024-03-01T00:00:00Z');
const at = (hours: number) => new Date(START + hours * HOUR).toISOString();

function glucose(id: string, hours: number): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'laboratory',
          },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: '2339-0', display: 'Glucose' }] },
    subject: { reference: 'Patient/pat-1' },
    effectiveDateTime: at(hours),
    valueQuantity: { value: 5.4, unit: 'mmol/L' },
  };
}

function bloodPressure(id: string, hours: number): Observation {
  const quantity = (value: number) => ({
    value,
    unit: 'mmHg',
    system: 'http://unitsofmeasure.org',
    code: 'mm[Hg]',
  });
  return {
    ...heartRate('pat-1', id, 0, at(hours)),
    valueQuantity: undefined,
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    component: [
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
        valueQuantity: quantity(121),
      },
      {
        code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
        valueQuantity: quantity(79),
      },
    ],
  };
}

const visit: Encounter = {
  resourceType: 'Encounter',
  id: 'enc-1',
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  type: [{ text: 'Clinic visit' }],
  subject: { reference: 'Patient/pat-1' },
  period: { start: at(1), end: at(2) },
};

/** A patient with an allergy (hour 0), a visit (1), metformin (2), a lab (3) and an hourly heart rate from hour 0 to 9, plus a blood pressure at hour 9. */
async function chart() {
  const store = await openTestStore();
  const resources: FhirResource[] = [
    patient(),
    { ...penicillinAllergy(), recordedDate: at(0) },
    visit,
    { ...metformin(), authoredOn: at(2), encounter: { reference: 'Encounter/enc-1' } },
    glucose('glu-1', 3),
    ...Array.from({ length: 10 }, (_, h) => heartRate('pat-1', `hr-${h}`, 70 + h, at(h))),
    bloodPressure('bp-9', 9),
  ];
  await importBundle(store, writeBundle(resources));
  return store;
}

describe('the timeline queries', () => {
  afterEach(closeTestStores);

  it('lists by kind, telling vital signs from other observations, with values and encounters', async () => {
    const store = await chart();
    const vitals = await valueOf(store.timeline('pat-1', { kinds: ['vital-signs'] }));
    expect(vitals.map((e) => e.id)).to.deep.equal([
      'hr-9',
      'bp-9',
      'hr-8',
      'hr-7',
      'hr-6',
      'hr-5',
      'hr-4',
      'hr-3',
      'hr-2',
      'hr-1',
      'hr-0',
    ]);
    expect(
      vitals.every((e) => e.kind === 'vital-signs' && e.resourceType === 'Observation'),
    ).to.equal(true);
    expect(vitals.find((e) => e.id === 'bp-9')!.value).to.equal('121/79 mmHg');
    expect(vitals.find((e) => e.id === 'hr-2')!.value).to.equal(
      '72/min',
      'as the vitals grid writes it',
    );
    const labs = await valueOf(store.timeline('pat-1', { kinds: ['observation'] }));
    expect(labs.map((e) => [e.id, e.kind, e.value])).to.deep.equal([
      ['glu-1', 'observation', '5.4 mmol/L'],
    ]);
    const medication = (
      await valueOf(store.timeline('pat-1', { types: ['MedicationRequest'] }))
    )[0]!;
    expect([medication.kind, medication.encounter]).to.deep.equal([
      'MedicationRequest',
      'Encounter/enc-1',
    ]);
    const both = await valueOf(
      store.timeline('pat-1', {
        types: ['Observation', 'Encounter'],
        kinds: ['vital-signs', 'Encounter', 'AllergyIntolerance'],
      }),
    );
    expect(new Set(both.map((e) => e.kind))).to.deep.equal(new Set(['vital-signs', 'Encounter']));
  });

  it('writes values the safe way: a blood pressure by its components’ codes, whatever their order, and no instrument noise', async () => {
    const store = await chart();
    const reversed = bloodPressure('bp-10', 10);
    reversed.component = [...reversed.component!].reverse(); // diastolic first, as some systems send it
    await store.record(reversed);
    await store.record({
      ...glucose('glu-2', 11),
      valueQuantity: { value: 5.437218841, unit: 'mmol/L' },
    });
    await store.record({
      ...heartRate('pat-1', 'wt-12', 0, at(12)),
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
      valueQuantity: {
        value: 98.05395815215103,
        unit: 'kg',
        system: 'http://unitsofmeasure.org',
        code: 'kg',
      },
    });
    const events = await valueOf(
      store.timeline('pat-1', { from: at(10) }),
      (list) => list.length === 3,
    );
    expect(events.map((e) => [e.id, e.value])).to.deep.equal([
      ['wt-12', '98.1 kg'],
      ['glu-2', '5.437 mmol/L'],
      ['bp-10', '121/79 mmHg'],
    ]);
  });

  it('writes a unit sent as its UCUM code the way clinicians do, and a unit written for people as sent', async () => {
    const store = await chart();
    const ucum = (value: number, code: string, unit: string | undefined = code) => ({
      value,
      ...(unit && { unit }),
      system: 'http://unitsofmeasure.org',
      code,
    });
    await store.record({ ...glucose('wbc-1', 20), valueQuantity: ucum(7.1, '10*3/uL') });
    await store.record({
      ...glucose('egfr-1', 21),
      valueQuantity: ucum(88, 'mL/min/{1.73_m2}', undefined),
    });
    await store.record({ ...glucose('pain-1', 22), valueQuantity: ucum(3, '{score}') });
    await store.record({
      ...glucose('wbc-2', 23),
      valueQuantity: ucum(6.9, '10*3/uL', 'thousand per microlitre'),
    });
    const events = await valueOf(
      store.timeline('pat-1', { from: at(20) }),
      (list) => list.length === 4,
    );
    expect(events.map((e) => [e.id, e.value])).to.deep.equal([
      ['wbc-2', '6.9 thousand per microlitre'],
      ['pain-1', '3'],
      ['egfr-1', '88 mL/min/1.73 m²'],
      ['wbc-1', '7.1 ×10³/µL'],
    ]);
  });

  it('gives the newest events before `to` up to the limit, newest first', async () => {
    const store = await chart();
    const newest = await valueOf(store.timeline('pat-1', { limit: 3 }));
    expect(newest.map((e) => e.date)).to.deep.equal([at(9), at(9), at(8)]);
    const earlier = await valueOf(store.timeline('pat-1', { to: at(3), limit: 4 }));
    expect(earlier.map((e) => e.id)).to.deep.equal(
      ['hr-2', 'med-1', 'hr-1', 'enc-1'],
      'ties by key, as every query sorts',
    );
    const all = await valueOf(store.timeline('pat-1', {}));
    expect(all).to.have.length(15, 'everything but the patient');
  });

  it('lists a medication’s stop at its end date, apart from its encounter, within the range asked for', async () => {
    const store = await chart();
    const [started] = await valueOf(store.timeline('pat-1', { types: ['MedicationRequest'] }));
    const stopped = structuredClone(
      (await store.history('MedicationRequest/med-1'))[0]!.resource,
    ) as MedicationRequest;
    stopped.status = 'stopped';
    stopped.dosageInstruction![0]!.timing!.repeat!.boundsPeriod = {
      end: '2024-03-01T06:30:00+00:00',
    };
    const head = (await store.history('MedicationRequest/med-1'))[0]!.revisionId;
    await store.revise(stopped, head);
    const medications = await valueOf(
      store.timeline('pat-1', { types: ['MedicationRequest'] }),
      (list) => list.length === 2,
    );
    expect(medications.map((e) => [e.id, e.date, e.phase, e.encounter])).to.deep.equal([
      ['med-1', at(6.5), 'stopped', undefined],
      ['med-1', started!.date, undefined, 'Encounter/enc-1'],
    ]);
    expect(
      (await valueOf(store.timeline('pat-1', { types: ['MedicationRequest'], to: at(6) }))).map(
        (e) => e.phase,
      ),
    ).to.deep.equal([undefined]);
    expect((await valueOf(store.timeline('pat-1', { limit: 2 }))).map((e) => e.id)).to.deep.equal([
      'hr-9',
      'bp-9',
    ]);
    expect(
      (await valueOf(store.timeline('pat-1', { to: at(7), limit: 1 }))).map((e) => [e.id, e.phase]),
    ).to.deep.equal([['med-1', 'stopped']]);
    expect(
      (await valueOf(store.timeline('pat-1', { to: at(6.5), limit: 1 }))).map((e) => [
        e.id,
        e.phase,
      ]),
    ).to.deep.equal([['hr-6', undefined]]);
  });

  it('counts events per bucket, vital signs apart, over the range of the events', async () => {
    const store = await chart();
    const density = await valueOf(store.timelineDensity('pat-1', { buckets: 3 }));
    expect(density.from).to.equal(at(0));
    expect(Date.parse(density.to!)).to.equal(Date.parse(at(9)) + 1);
    expect(density.buckets.map((b) => [b.events, b.vitalSigns])).to.deep.equal([
      [3, 3],
      [1, 3],
      [0, 5],
    ]);
    expect(density.buckets[1]!.from).to.equal(density.buckets[0]!.to);
  });

  it('counts a medication’s stop where the timeline lists it, and stretches the range to a stop after every other event', async () => {
    const store = await chart();
    const [head] = await store.history('MedicationRequest/med-1');
    const stopped = structuredClone(head!.resource) as MedicationRequest;
    stopped.status = 'stopped';
    stopped.dosageInstruction![0]!.timing!.repeat!.boundsPeriod = { end: at(6.5) };
    await store.revise(stopped, head!.revisionId);
    const density = await valueOf(
      store.timelineDensity('pat-1', { buckets: 3 }),
      (d) => d.buckets[2]?.events === 1,
    );
    expect(density.buckets.map((b) => [b.events, b.vitalSigns])).to.deep.equal([
      [3, 3],
      [1, 3],
      [1, 5],
    ]);
    expect(
      (
        await valueOf(store.timelineDensity('pat-1', { kinds: ['vital-signs'], buckets: 3 }))
      ).buckets.map((b) => b.events),
    ).to.deep.equal([0, 0, 0], 'not counted when medications are filtered out');

    stopped.dosageInstruction![0]!.timing!.repeat!.boundsPeriod = { end: at(12) };
    await store.revise(
      stopped,
      (await store.history('MedicationRequest/med-1')).at(-1)!.revisionId,
    );
    const stretched = await valueOf(
      store.timelineDensity('pat-1', { buckets: 4 }),
      (d) => Date.parse(d.to!) > Date.parse(at(12)),
    );
    expect(Date.parse(stretched.to!)).to.equal(Date.parse(at(12)) + 1);
    expect(stretched.buckets.map((b) => b.events)).to.deep.equal(
      [3, 1, 0, 1],
      'the stop in the last bucket, the start in the first',
    );
  });

  it('counts only the kinds asked for, over a span back from `to`', async () => {
    const store = await chart();
    const density = await valueOf(
      store.timelineDensity('pat-1', {
        kinds: ['vital-signs', 'Encounter'],
        to: at(4),
        span: 4 * HOUR,
        buckets: 4,
      }),
    );
    expect([density.from, density.to]).to.deep.equal([at(0), at(4)]);
    expect(density.buckets.map((b) => [b.events, b.vitalSigns])).to.deep.equal([
      [0, 1],
      [1, 1],
      [0, 1],
      [0, 1],
    ]);
  });

  it('has no range and no buckets for a patient with no events, and follows new ones', async () => {
    const store = await openTestStore();
    expect(await valueOf(store.timelineDensity('pat-1', { buckets: 12 }))).to.deep.equal({
      buckets: [],
    });
    const live = store.timelineDensity('pat-1', { buckets: 2 });
    const total = (d: { buckets: Array<{ events: number; vitalSigns: number }> }) =>
      d.buckets.reduce((sum, b) => sum + b.events + b.vitalSigns, 0);
    const next = valueOf(live, (d) => total(d) === 2);
    await store.record(heartRate('pat-1', 'hr-x', 80, at(1)));
    await store.record(metformin());
    const density = await next;
    expect(density.buckets.map((b) => [b.events, b.vitalSigns])).to.deep.equal(
      [
        [1, 0],
        [0, 1],
      ],
      'metformin (Feb) before the heart rate (Mar)',
    );
  });

  it('counts what the timeline lists, however the range is sliced, as records move between days and heads', async () => {
    const store = await openTestStore();
    // 150 heart rates at pseudo-random minutes over three days (some in the same minute), a visit, two labs and an allergy, one of each dated by day alone.
    let seed = 7;
    const minute = () => (seed = (seed * 16_807) % 2_147_483_647) % (72 * 60);
    const rates = Array.from({ length: 150 }, (_, i) =>
      heartRate(
        'pat-1',
        `hr-${i}`,
        60 + (i % 40),
        new Date(START + minute() * 60_000).toISOString(),
      ),
    );
    await importBundle(
      store,
      writeBundle([
        patient(),
        ...rates,
        glucose('glu-1', 30),
        { ...glucose('glu-2', 0), effectiveDateTime: '2024-03-02' },
        visit,
        { ...penicillinAllergy(), recordedDate: '2024-03-02' },
        heartRate('pat-1', 'hr-conflict', 80, at(5.5)),
      ]),
    );
    const head = async (id: string) => (await store.history(`Observation/${id}`)).at(-1)!;
    // Moved within the day, moved to another day, entered in error (still listed, as such), and two heads at different times.
    await store.revise(
      { ...rates[0]!, effectiveDateTime: at(50.25) },
      (await head('hr-0')).revisionId,
    );
    await store.revise(
      { ...rates[1]!, effectiveDateTime: at(1.75) },
      (await head('hr-1')).revisionId,
    );
    await store.enterInError(
      resourceKey(rates[2]!),
      (await head('hr-2')).revisionId,
      'wrong patient',
    );
    const replica = await openTestStore(uniqueDatabaseName('replica'), NURSE_BO);
    const day = observationsDocumentName('pat-1', '2024-03-01');
    await sendDocument(store, replica, day);
    const first = await head('hr-conflict');
    await store.revise({ ...heartRate('pat-1', 'hr-conflict', 82, at(6.5)) }, first.revisionId);
    await replica.revise({ ...heartRate('pat-1', 'hr-conflict', 84, at(70.5)) }, first.revisionId);
    await sendDocument(replica, store, day);
    expect(await valueOf(store.conflicts('pat-1'))).to.have.length(1);

    for (const query of [
      { buckets: 1 },
      { buckets: 2 },
      { buckets: 3 },
      { buckets: 5 },
      { buckets: 24 },
      { buckets: 97 },
      { from: at(0.2), to: at(71.9), buckets: 13 },
      { kinds: ['vital-signs'], to: at(48), span: 30 * HOUR, buckets: 7 },
    ] satisfies TimelineDensityQuery[]) {
      await expectDensityAsListed(store, query);
    }
  });
});

/** The density's counts against the events the timeline lists over the same range. */
async function expectDensityAsListed(
  store: DexieChartStore,
  query: TimelineDensityQuery,
): Promise<void> {
  const density = await valueOf(store.timelineDensity('pat-1', query));
  const events = await valueOf(
    store.timeline('pat-1', { from: density.from, to: density.to, kinds: query.kinds }),
  );
  const listed = density.buckets.map(({ from, to }) => {
    const inside = events.filter((event) => event.date >= from && event.date < to);
    return [
      inside.filter((event) => event.kind !== 'vital-signs').length,
      inside.filter((event) => event.kind === 'vital-signs').length,
    ];
  });
  expect(density.buckets.map((bucket) => [bucket.events, bucket.vitalSigns])).to.deep.equal(
    listed,
    JSON.stringify(query),
  );
  expect(listed.flat().reduce((sum, count) => sum + count, 0)).to.be.greaterThan(
    0,
    'counted something',
  );
}
