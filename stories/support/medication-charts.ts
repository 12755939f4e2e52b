import { firstValue, type ChartUser } from '../../model/index.js';
import { openChartStore, settleDeliveries, type DexieChartStore } from '../../storage/index.js';
import {
  concurrentRevisions,
  doseLines,
  DR_NAIDOO,
  everySection,
  MEDICATION_PATIENT,
  NURSE_KEMP,
  prescription,
} from '../../test/support/charts/medications.js';
import { STORY_USER, type StoryChart } from './story-stores.js';

// Small medication charts for the medication list's stories: every section
// populated, a conflict, a dose changed twice (the medications themselves are
// the tests' too: test/support/charts/medications.ts).

export { PATIENT_USER } from '../../test/support/charts/medications.js';

type ChartName = 'sections' | 'conflict' | 'history' | 'dose-lines' | 'delivery';
const built = new Map<ChartName, Promise<DexieChartStore>>();

const databaseName = (name: ChartName) => `emr-kit-story-medications-${name}`;

/**
 * A local store holding one of the medication charts (built once per browser
 * profile), opened for `user`: a reader gets a store of its own on the same
 * database.
 */
export async function medicationChart(
  name: ChartName,
  user: ChartUser = STORY_USER,
): Promise<StoryChart> {
  let building = built.get(name);
  if (!building) {
    building = (async () => {
      const store = await openChartStore({ databaseName: databaseName(name), user: STORY_USER });
      if ((await firstValue(store.medications(MEDICATION_PATIENT))).length === 0)
        await build(name, store);
      return store;
    })();
    built.set(name, building);
  }
  const writer = await building;
  const store =
    user === STORY_USER ? writer : await openChartStore({ databaseName: databaseName(name), user });
  return { store, patientId: MEDICATION_PATIENT };
}

async function build(name: ChartName, store: DexieChartStore): Promise<void> {
  if (name === 'delivery') return buildDelivered(store);
  if (name === 'sections' || name === 'dose-lines') {
    for (const medication of name === 'sections' ? everySection() : doseLines())
      await store.record(medication);
    return;
  }
  const warfarin = prescription('med-warfarin', 'Warfarin', 5, 'mg');
  const first = await store.record(warfarin);
  await store.record(
    prescription('med-hydroxyzine', 'Hydroxyzine', 25, 'mg', {
      frequency: 3,
      asNeededFor: 'Itching',
    }),
  );
  if (name === 'conflict') {
    await concurrentRevisions(store, first, [
      [DR_NAIDOO, prescription('med-warfarin', 'Warfarin', 3, 'mg')],
      [NURSE_KEMP, prescription('med-warfarin', 'Warfarin', 7.5, 'mg')],
    ]);
    return;
  }
  const second = await store.revise(
    prescription('med-warfarin', 'Warfarin', 3, 'mg'),
    first.revisionId,
    { reason: 'INR 3.8' },
  );
  await store.revise(prescription('med-warfarin', 'Warfarin', 4, 'mg'), second.revisionId, {
    reason: 'INR 1.9',
  });
}

/**
 * One medication per delivery state, as the ehr/ delivery would leave them:
 * metformin waiting, lisinopril sent, the others answered by the EHR.
 */
async function buildDelivered(store: DexieChartStore): Promise<void> {
  const drugs = [
    'Metformin',
    'Lisinopril',
    'Atorvastatin',
    'Amlodipine',
    'Omeprazole',
    'Sertraline',
  ];
  const made = [];
  for (const drug of drugs)
    made.push(await store.record(prescription(`med-${drug.toLowerCase()}`, drug, 10, 'mg')));
  const [, sent, notAccepted, refused, localOnly, conflict] = made.map((r) => r.revisionId);
  await settleDeliveries(store, [
    { revisionId: sent!, state: 'sent', receipt: { id: 'med-lisinopril', versionId: '1' } },
    { revisionId: notAccepted!, state: 'not-accepted', message: 'dose exceeds the maximum' },
    { revisionId: refused!, state: 'refused', message: 'forbidden' },
    { revisionId: localOnly!, state: 'local-only' },
    { revisionId: conflict!, state: 'conflict', message: 'version 3 in the EHR' },
  ]);
}
