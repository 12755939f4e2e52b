import * as Y from 'yjs';
import {
  CONDITION_CLINICAL,
  firstValue,
  OBSERVATION_INTERPRETATION,
  SNOMED,
  observationsDocumentName,
  writeBundle,
  type ChartUser,
  type FhirResource,
  type Observation,
} from '../../model/index.js';
import {
  importBundle,
  openChartStore,
  settleDeliveries,
  type DexieChartStore,
} from '../../storage/index.js';
import { icuChart } from '../../bench/generators/icu-chart.js';
import {
  vitalsObservations,
  type VitalsEntry,
} from '../../components/vitals-grid/vitals-observations.js';
import { STORY_USER, syntheaChart, type StoryChart } from './story-stores.js';

// Charts of vital signs for the vitals grid's stories, in real local
// stores. Sets are written as the grid's own form writes them, with fixed
// ids, and imported as a bundle on every load: unchanged sets are skipped,
// and sets placed relative to now are moved to the new now.

const HOUR = 3_600_000;
const DR_AMARA: ChartUser = { id: 'u-amara', displayName: 'Dr Amara Osei', role: 'clinician' };
const NURSE_BEN: ChartUser = { id: 'u-ben', displayName: 'Ben Carter RN', role: 'nurse' };
const PORTAL_USER: ChartUser = { id: 'u-brent', displayName: 'Brent Beer', role: 'patient' };

let opened: Promise<DexieChartStore> | undefined;
const store = () =>
  (opened ??= openChartStore({ databaseName: 'emr-kit-story-vitals', user: STORY_USER }));

/** Sets of one patient, each at a time (ISO, or hours before now), with ids fixed by position. */
function sets(patientId: string, list: Array<[VitalsEntry, string | number]>): Observation[] {
  return list.flatMap(([entry, at], index) => {
    const time =
      typeof at === 'number'
        ? new Date(Math.floor((Date.now() - at * HOUR) / 60_000) * 60_000).toISOString()
        : at;
    let part = 0;
    return vitalsObservations(entry, patientId, time, () => `${patientId}-${index}-${part++}`);
  });
}

async function seeded(patientId: string, resources: FhirResource[]): Promise<StoryChart> {
  const chart = await store();
  await importBundle(chart, writeBundle(resources));
  return { store: chart, patientId };
}

const normal = (values: VitalsEntry['values'] = {}): VitalsEntry => ({
  values: {
    'respiratory-rate': 16,
    'oxygen-saturation': 97,
    'systolic-bp': 124,
    'diastolic-bp': 78,
    'heart-rate': 78,
    temperature: 36.9,
    ...values,
  },
  onOxygen: false,
  consciousness: 'A',
});

/** A patient deteriorating over six hours: NEWS2 0, 4 (low), 5 (medium), then 16 (high, with red scores). */
export const deterioratingChart = () =>
  seeded(
    'story-vitals-news2',
    sets('story-vitals-news2', [
      [
        {
          values: {
            'respiratory-rate': 26,
            'oxygen-saturation': 91,
            'inhaled-oxygen-flow': 4,
            'systolic-bp': 96,
            'diastolic-bp': 58,
            'heart-rate': 124,
            temperature: 38.8,
          },
          onOxygen: true,
          consciousness: 'C',
        },
        0.5,
      ],
      [
        normal({
          'respiratory-rate': 22,
          'oxygen-saturation': 95,
          'systolic-bp': 112,
          'diastolic-bp': 70,
          'heart-rate': 105,
          temperature: 38.4,
        }),
        2,
      ],
      [
        normal({
          'respiratory-rate': 21,
          'oxygen-saturation': 95,
          'heart-rate': 92,
          temperature: 37.9,
        }),
        4,
      ],
      [normal({ weight: 82.4, height: 178 }), 6],
    ]),
  );

/** The last set was taken seven hours ago: past the 4-hour default. */
export const overdueChart = () =>
  seeded(
    'story-vitals-overdue',
    sets('story-vitals-overdue', [
      [normal({ 'heart-rate': 84 }), 7],
      [normal({ 'heart-rate': 80 }), 11],
    ]),
  );

/** The last set, 90 minutes ago, scored NEWS2 6: RCP Chart 4 asks for one at least hourly, sooner than the 4-hour default. */
export const overdueAtNews2Chart = () =>
  seeded(
    'story-vitals-overdue-news2',
    sets('story-vitals-overdue-news2', [
      [normal({ 'respiratory-rate': 25, 'heart-rate': 115, temperature: 38.5 }), 1.5],
      [normal({ 'heart-rate': 88 }), 5.5],
    ]),
  );

/** The patient died two hours ago, five hours after the last set: no observations are due, so no overdue marker. */
export const diedChart = () =>
  seeded('story-vitals-died', [
    {
      resourceType: 'Patient',
      id: 'story-vitals-died',
      deceasedDateTime: new Date(
        Math.floor((Date.now() - 2 * HOUR) / 60_000) * 60_000,
      ).toISOString(),
    },
    ...sets('story-vitals-died', [
      [normal({ 'heart-rate': 48, 'systolic-bp': 88 }), 7],
      [normal({ 'heart-rate': 60 }), 11],
    ]),
  ]);

/** A six-year-old: a heart rate of 105 and a respiratory rate of 24 are normal at that age, so no adult flag and no NEWS2; a fever the observation itself flags. */
export const childChart = () => {
  const born = new Date(Date.now() - (6 * 365 + 100) * 24 * HOUR).toISOString().slice(0, 10);
  const observations = sets('story-vitals-child', [
    [
      normal({
        'heart-rate': 105,
        'respiratory-rate': 24,
        'systolic-bp': 98,
        'diastolic-bp': 60,
        temperature: 38.6,
        weight: 21,
      }),
      1,
    ],
    [
      normal({
        'heart-rate': 98,
        'respiratory-rate': 22,
        'systolic-bp': 100,
        'diastolic-bp': 62,
        temperature: 37.2,
      }),
      5,
    ],
  ]);
  const fever = observations.find((o) => o.code.coding?.[0]?.code === '8310-5')!;
  fever.interpretation = [{ coding: [{ system: OBSERVATION_INTERPRETATION, code: 'H' }] }];
  return seeded('story-vitals-child', [
    { resourceType: 'Patient', id: 'story-vitals-child', birthDate: born },
    ...observations,
  ]);
};

/** Twenty weeks pregnant: no NEWS2 for the sets taken since, the adult ranges still flag; a set from before the pregnancy is scored. */
export const pregnancyChart = () => {
  const onset = new Date(Date.now() - 20 * 7 * 24 * HOUR).toISOString().slice(0, 10);
  return seeded('story-vitals-pregnant', [
    {
      resourceType: 'Patient',
      id: 'story-vitals-pregnant',
      birthDate: '1994-12-21',
      gender: 'female',
    },
    {
      resourceType: 'Condition',
      id: 'story-vitals-pregnant-pregnancy',
      subject: { reference: 'Patient/story-vitals-pregnant' },
      clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] },
      code: {
        coding: [{ system: SNOMED, code: '72892002', display: 'Normal pregnancy' }],
        text: 'Normal pregnancy',
      },
      onsetDateTime: onset,
    },
    ...sets('story-vitals-pregnant', [
      [
        normal({
          'heart-rate': 104,
          'respiratory-rate': 21,
          'systolic-bp': 104,
          'diastolic-bp': 62,
        }),
        1,
      ],
      [normal({ 'heart-rate': 96, 'respiratory-rate': 18 }), 5],
      [normal({ 'heart-rate': 74 }), 30 * 7 * 24],
    ]),
  ]);
};

/** A pregnancy that ended ten days ago: the sets since are not scored; one from before the pregnancy is. */
export const postpartumChart = () => {
  const day = (daysAgo: number) =>
    new Date(Date.now() - daysAgo * 24 * HOUR).toISOString().slice(0, 10);
  return seeded('story-vitals-postpartum', [
    {
      resourceType: 'Patient',
      id: 'story-vitals-postpartum',
      birthDate: '1991-05-02',
      gender: 'female',
    },
    {
      resourceType: 'Condition',
      id: 'story-vitals-postpartum-pregnancy',
      subject: { reference: 'Patient/story-vitals-postpartum' },
      clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'resolved' }] },
      code: {
        coding: [{ system: SNOMED, code: '72892002', display: 'Normal pregnancy' }],
        text: 'Normal pregnancy',
      },
      onsetDateTime: day(40 * 7),
      abatementDateTime: day(10),
    },
    ...sets('story-vitals-postpartum', [
      [normal({ 'heart-rate': 92, 'systolic-bp': 138, 'diastolic-bp': 88 }), 2],
      [normal({ 'heart-rate': 88 }), 6 * 24],
      [normal({ 'heart-rate': 70 }), 45 * 7 * 24],
    ]),
  ]);
};

/** Hypercapnic respiratory failure, target 88–92%: on scale 2, 89% on air scores 0; 97% on oxygen scores 3. */
export const scale2Chart = () =>
  seeded(
    'story-vitals-copd',
    sets('story-vitals-copd', [
      [normal({ 'oxygen-saturation': 89, 'respiratory-rate': 20 }), 1],
      [{ ...normal({ 'oxygen-saturation': 97, 'inhaled-oxygen-flow': 2 }), onOxygen: true }, 3],
      [{ ...normal({ 'oxygen-saturation': 92, 'inhaled-oxygen-flow': 1 }), onOxygen: true }, 5],
    ]),
  );

/** A day of an intensive-care stay: monitor readings every five minutes (2,016 observations), shown up to its end. */
export async function icuDayChart(): Promise<StoryChart & { end: string }> {
  const icu = icuChart({ patientId: 'story-vitals-icu', days: 1, intervalMinutes: 5 });
  return { ...(await seeded(icu.patientId, icu.day(0))), end: icu.end };
}

async function send(from: DexieChartStore, to: DexieChartStore, name: string): Promise<void> {
  const source = await from.documents.open(name);
  const target = await to.documents.open(name);
  await to.documents.applyRemoteUpdate(
    name,
    Y.encodeStateAsUpdate(source, Y.encodeStateVector(target)),
  );
}

let conflict: Promise<StoryChart> | undefined;

/**
 * Two clinicians corrected the same set on two devices at once, then
 * synced: the respiratory rate (18 or 26) and the heart rate (88 or 118)
 * each have two heads. Seeded once per browser profile.
 */
export function conflictChart(): Promise<StoryChart> {
  return (conflict ??= (async () => {
    const patientId = 'story-vitals-conflict';
    const at = '2024-03-01T08:00:00Z';
    const amara = await openChartStore({
      databaseName: 'emr-kit-story-vitals-conflict',
      user: DR_AMARA,
    });
    const records = await firstValue(amara.vitals(patientId));
    if (!records.some((r) => r.heads.length > 1)) {
      const ben = await openChartStore({
        databaseName: 'emr-kit-story-vitals-conflict-colleague',
        user: NURSE_BEN,
      });
      const observations = sets(patientId, [
        [normal(), at],
        [normal({ 'heart-rate': 72 }), '2024-03-01T04:00:00Z'],
      ]);
      const firsts = new Map<string, string>();
      for (const o of observations) firsts.set(o.id!, (await amara.record(o)).revisionId);
      const segment = observationsDocumentName(patientId, at.slice(0, 10));
      await send(amara, ben, segment);
      const change = (id: string, value: number) => {
        const original = observations.find((o) => o.id === id)!;
        return { ...original, valueQuantity: { ...original.valueQuantity!, value } };
      };
      const [rr, , , , hr] = observations.map((o) => o.id!);
      await amara.revise(change(rr!, 18), firsts.get(rr!)!, { reason: 'recounted' });
      await ben.revise(change(rr!, 26), firsts.get(rr!)!, { reason: 'recounted' });
      await amara.revise(change(hr!, 88), firsts.get(hr!)!);
      await ben.revise(change(hr!, 118), firsts.get(hr!)!);
      await send(ben, amara, segment);
      await ben.close();
    }
    return { store: amara, patientId };
  })());
}

let portal: Promise<StoryChart> | undefined;

/** Brent Beer (Synthea) viewing his own chart through a patient portal: a read-only role. */
export function readOnlyChart(): Promise<StoryChart> {
  return (portal ??= (async () => {
    const { patientId } = await syntheaChart('brent');
    return {
      store: await openChartStore({ databaseName: 'emr-kit-story-brent', user: PORTAL_USER }),
      patientId,
    };
  })());
}

const DELIVERY_PATIENT = 'story-vitals-delivery';
let delivered: Promise<DexieChartStore> | undefined;

/**
 * Six sets recorded here, each as the ehr/ delivery would leave it (newest
 * first): waiting; sent; not accepted; one observation refused and the rest
 * sent; kept here only; changed in the hospital record too. On a database of
 * its own, built once per browser profile: recorded sets are queued for the
 * hospital record, imported ones are not.
 */
export async function deliveryChart(): Promise<StoryChart> {
  delivered ??= (async () => {
    const chart = await openChartStore({
      databaseName: 'emr-kit-story-vitals-delivery',
      user: STORY_USER,
    });
    if ((await firstValue(chart.vitals(DELIVERY_PATIENT))).length === 0)
      await buildDelivered(chart);
    return chart;
  })();
  return { store: await delivered, patientId: DELIVERY_PATIENT };
}

async function buildDelivered(chart: DexieChartStore): Promise<void> {
  await importBundle(chart, writeBundle([{ resourceType: 'Patient', id: DELIVERY_PATIENT }]));
  const times = [6, 5, 4, 3, 2, 1].map((day) => `2024-03-0${day}T08:00:00.000Z`);
  const all = sets(
    DELIVERY_PATIENT,
    times.map((time, index): [VitalsEntry, string] => [normal({ 'heart-rate': 70 + index }), time]),
  );
  // Each set recorded on its own, as the grid's form records it.
  const revisions: string[][] = [];
  for (const time of times) {
    const set = all.filter((observation) => observation.effectiveDateTime === time);
    revisions.push((await chart.recordAll(set)).map((r) => r.revisionId));
  }
  const [, sent = [], notAccepted = [], [refused, ...sentToo] = [], localOnly = [], conflict = []] =
    revisions;
  const receipt = { id: 'story', versionId: '1' };
  await settleDeliveries(chart, [
    ...[...sent, ...sentToo].map((revisionId) => ({ revisionId, state: 'sent' as const, receipt })),
    ...notAccepted.map((revisionId) => ({
      revisionId,
      state: 'not-accepted' as const,
      message: 'unit not allowed',
    })),
    ...(refused ? [{ revisionId: refused, state: 'refused' as const, message: 'forbidden' }] : []),
    ...localOnly.map((revisionId) => ({ revisionId, state: 'local-only' as const })),
    ...conflict.map((revisionId) => ({
      revisionId,
      state: 'conflict' as const,
      message: 'version 3 in the EHR',
    })),
  ]);
}
