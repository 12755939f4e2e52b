import { expect } from '../../test/support/testing.js';
import { ADULT_RANGES, HYPERCAPNIC_SPO2_RANGE, withRanges } from '../../clinical/index.js';
import type { ChartRecord, ChartUser, Observation, Revision } from '../../model/index.js';
import { columnView, groupColumns, observationTime, trendOf } from './vitals-columns.js';
import { readingsOf } from './vitals-readings.js';
import { vitalsObservations, type VitalsEntry } from './vitals-observations.js';

// The grid's model of what it shows, from records as the store gives them.

const ADA: ChartUser = { id: 'u-ada', displayName: 'Dr Ada Okafor', role: 'clinician' };
const BO: ChartUser = { id: 'u-bo', displayName: 'Bo Lindqvist RN', role: 'nurse' };
let counter = 0;

function set(entry: VitalsEntry, at: string): Observation[] {
  return vitalsObservations(entry, 'pat-1', at, () => `o-${counter++}`);
}

function head(resource: Observation, author = ADA): Revision<Observation> {
  return {
    revisionId: `r-${counter++}`,
    key: `Observation/${resource.id}`,
    parents: [],
    author,
    at: '2024-03-01T10:00:00Z',
    resource,
  };
}

function records(...observations: Observation[]): Array<ChartRecord<Observation>> {
  return observations.map((o) => ({ key: `Observation/${o.id}`, current: o, heads: [head(o)] }));
}

const NEWEST = '2024-03-01T12:00:00.000Z';
const OLDER = '2024-03-01T08:00:00.000Z';
const complete: VitalsEntry['values'] = {
  'respiratory-rate': 16,
  'oxygen-saturation': 97,
  'systolic-bp': 120,
  'diastolic-bp': 80,
  'heart-rate': 72,
  temperature: 37,
};

describe('vitals columns', () => {
  it('groups observations taken at the same time into one column, newest first', () => {
    const newer = set(
      { values: { 'heart-rate': 80, temperature: 37.2 } },
      '2024-03-01T13:00:00+01:00',
    );
    const older = set({ values: { 'heart-rate': 70 } }, OLDER);
    const columns = groupColumns(records(...newer, ...older));
    expect(columns.map((c) => c.time)).to.deep.equal([NEWEST, OLDER]);
    expect(columns[0]!.records).to.have.length(2);
  });

  it('leaves out observations the grid has no row for, and keeps partial dates as written', () => {
    const pain: Observation = {
      ...set({ values: { 'heart-rate': 1 } }, NEWEST)[0]!,
      code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
    };
    expect(groupColumns(records(pain))).to.deep.equal([]);
    const dated = {
      ...set({ values: { weight: 70 } }, NEWEST)[0]!,
      effectiveDateTime: '2024-03-01',
    };
    expect(observationTime(dated)).to.equal('2024-03-01');
  });

  it('writes values as clinicians do and flags them against the ranges, with their label', () => {
    const view = columnView(
      groupColumns(
        records(...set({ values: { ...complete, 'heart-rate': 135, temperature: 37 } }, NEWEST)),
      )[0]!,
      withRanges({}),
      1,
    );
    expect(view.cells.temperature!.readings[0]!.text).to.equal('37.0');
    expect(view.cells['blood-pressure']!.readings[0]!.text).to.equal('120/80');
    const hr = view.cells['heart-rate']!.readings[0]!;
    expect(hr.text).to.equal('135');
    expect(hr.flags.map((f) => f.result.label)).to.deep.equal(['Critically high']);
    expect(view.cells['respiratory-rate']!.readings[0]!.flags).to.deep.equal([]);
  });

  it('converts a temperature in °F before flagging it', () => {
    const [temperature] = set({ values: { temperature: 37 } }, NEWEST);
    temperature!.valueQuantity = {
      value: 102.2,
      unit: '°F',
      system: 'http://unitsofmeasure.org',
      code: '[degF]',
    };
    const [row, reading] = readingsOf(temperature!, withRanges({}))[0]!;
    expect(row).to.equal('temperature');
    expect(reading.text).to.equal('39.0');
    expect(reading.flags.map((f) => f.result.flag)).to.deep.equal(['high']);
  });

  it('lets the observation’s own interpretation win over the range', () => {
    const [hr] = set({ values: { 'heart-rate': 135 } }, NEWEST);
    hr!.interpretation = [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
            code: 'N',
          },
        ],
      },
    ];
    expect(readingsOf(hr!, withRanges({}))[0]![1].flags).to.deep.equal([]);
    const [bp] = set({ values: { 'systolic-bp': 120, 'diastolic-bp': 80 } }, NEWEST);
    bp!.interpretation = [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
            code: 'HH',
          },
        ],
      },
    ];
    expect(readingsOf(bp!, withRanges({}))[0]![1].flags.map((f) => f.result.label)).to.deep.equal([
      'Critically high',
    ]);
  });

  it('flags each half of a blood pressure on its own', () => {
    const [bp] = set({ values: { 'systolic-bp': 85, 'diastolic-bp': 125 } }, NEWEST);
    const flags = readingsOf(bp!, withRanges({}))[0]![1].flags.map(
      (f) => `${f.result.flag} ${f.of}`,
    );
    expect(flags).to.deep.equal(['critically-low systolic', 'critically-high diastolic']);
  });

  it('reads air, oxygen and consciousness', () => {
    const onAir = columnView(
      groupColumns(
        records(...set({ values: {}, onOxygen: false, consciousness: 'A' }, NEWEST)),
      )[0]!,
      ADULT_RANGES,
      1,
    );
    expect(onAir.cells.oxygen!.readings[0]!.text).to.equal('Air');
    expect(onAir.cells.consciousness!.readings[0]!.text).to.equal('Alert');
    const onOxygen = columnView(
      groupColumns(
        records(...set({ values: { 'inhaled-oxygen-flow': 2 }, onOxygen: true }, NEWEST)),
      )[0]!,
      ADULT_RANGES,
      1,
    );
    expect(onOxygen.cells.oxygen!.readings[0]!.text).to.equal('Oxygen 2 L/min');
  });

  it('scores NEWS2 per column, with the risk and the red score', () => {
    const entry: VitalsEntry = {
      values: { ...complete, 'respiratory-rate': 26, 'heart-rate': 115 },
      onOxygen: true,
      consciousness: 'A',
    };
    entry.values['inhaled-oxygen-flow'] = 2;
    const view = columnView(groupColumns(records(...set(entry, NEWEST)))[0]!, ADULT_RANGES, 1);
    const [result] = view.news2!.results;
    expect(result!.total).to.equal(7); // RR 26 → 3, oxygen → 2, HR 115 → 2
    expect(result!.risk).to.equal('high');
    expect(result!.redScore).to.equal(true);
  });

  it('scores SpO₂ on scale 2 for a patient on it, and flags it against the 88–92% target', () => {
    const entry: VitalsEntry = {
      values: { ...complete, 'oxygen-saturation': 89 },
      onOxygen: false,
      consciousness: 'A',
    };
    const column = groupColumns(records(...set(entry, NEWEST)))[0]!;
    const scale1 = columnView(column, ADULT_RANGES, 1);
    const scale2 = columnView(
      column,
      withRanges({ 'oxygen-saturation': HYPERCAPNIC_SPO2_RANGE }),
      2,
    );
    expect(scale1.news2!.results[0]!.scores.spo2).to.equal(3);
    expect(scale1.cells['oxygen-saturation']!.readings[0]!.flags[0]!.result.flag).to.equal(
      'critically-low',
    );
    expect(scale2.news2!.results[0]!.scores.spo2).to.equal(0);
    expect(scale2.cells['oxygen-saturation']!.readings[0]!.flags).to.deep.equal([]);
  });

  it('shows every head of a conflict, and scores each version without choosing one', () => {
    const [rr, ...rest] = set({ values: complete, onOxygen: false, consciousness: 'A' }, NEWEST);
    const other = { ...rr!, valueQuantity: { ...rr!.valueQuantity!, value: 26 } };
    const conflict: ChartRecord<Observation> = {
      key: `Observation/${rr!.id}`,
      current: rr!,
      heads: [head(rr!, ADA), head(other, BO)],
    };
    const view = columnView(groupColumns([conflict, ...records(...rest)])[0]!, ADULT_RANGES, 1);
    const cell = view.cells['respiratory-rate']!;
    expect(cell.conflict).to.equal(true);
    expect(
      cell.readings.map((r) => `${r.text} v${r.version!.index} ${r.version!.author}`),
    ).to.deep.equal(['16 v1 Dr Ada Okafor', '26 v2 Bo Lindqvist RN']);
    expect(view.conflict).to.equal(true);
    expect(view.news2!.conflict).to.equal(true);
    expect(view.news2!.results.map((r) => r.total)).to.deep.equal([0, 3]);
  });

  it('shows a reading entered in error struck through and leaves it out of NEWS2', () => {
    const [hr] = set({ values: { 'heart-rate': 150 } }, NEWEST);
    const view = columnView(
      groupColumns(records({ ...hr!, status: 'entered-in-error' }))[0]!,
      ADULT_RANGES,
      1,
    );
    expect(view.cells['heart-rate']!.readings[0]).to.include({ text: '150', void: true });
    expect(view.cells['heart-rate']!.readings[0]!.flags).to.deep.equal([]);
    expect(view.news2).to.equal(undefined);
  });

  it('gives each row’s trend oldest first, with both pressures', () => {
    const columns = groupColumns(
      records(
        ...set({ values: { 'heart-rate': 90, 'systolic-bp': 130, 'diastolic-bp': 85 } }, NEWEST),
        ...set({ values: { 'heart-rate': 70 } }, OLDER),
      ),
    );
    const views = columns.map((c) => columnView(c, ADULT_RANGES, 1));
    expect(trendOf('heart-rate', views)).to.deep.equal([[70, 90]]);
    expect(trendOf('blood-pressure', views)).to.deep.equal([
      [undefined, 130],
      [undefined, 85],
    ]);
  });
});
