import { firstValue, type ChartUser } from '../../model/index.js';
import { openChartStore, type DexieChartStore } from '../../storage/index.js';
import {
  concurrentProblemRevisions,
  everyProblem,
  PROBLEM_PATIENT,
} from '../../test/support/charts/problems.js';
import { STORY_USER, type StoryChart } from './story-stores.js';

// Small problem charts for the problem list's stories (the conditions are
// the tests' too: test/support/charts/problems.ts).

type ChartName = 'every' | 'conflict';
const built = new Map<ChartName, Promise<DexieChartStore>>();
const databaseName = (name: ChartName) => `emr-kit-story-problems-${name}`;

const DR_OKAFOR: ChartUser = { id: 'u-okafor', displayName: 'Dr Ada Okafor', role: 'clinician' };
const NURSE_LIND: ChartUser = { id: 'u-lind', displayName: 'Bo Lindqvist RN', role: 'nurse' };

/** A local store holding one of the problem charts (built once per browser profile), opened for `user`. */
export async function problemChart(
  name: ChartName,
  user: ChartUser = STORY_USER,
): Promise<StoryChart> {
  let building = built.get(name);
  if (!building) {
    building = (async () => {
      const store = await openChartStore({ databaseName: databaseName(name), user: STORY_USER });
      if (!(await firstValue(store.patient(PROBLEM_PATIENT)))) await build(name, store);
      return store;
    })();
    built.set(name, building);
  }
  const writer = await building;
  const store =
    user === STORY_USER ? writer : await openChartStore({ databaseName: databaseName(name), user });
  return { store, patientId: PROBLEM_PATIENT };
}

async function build(name: ChartName, store: DexieChartStore): Promise<void> {
  await store.record({ resourceType: 'Patient', id: PROBLEM_PATIENT });
  if (name === 'every') {
    for (const condition of everyProblem()) await store.record(condition);
    return;
  }
  const [hypertension] = everyProblem();
  const first = await store.record(hypertension!);
  await concurrentProblemRevisions(store, first, [
    [DR_OKAFOR, { ...hypertension!, severity: { text: 'Severe' } }],
    [NURSE_LIND, { ...hypertension!, severity: { text: 'Mild' } }],
  ]);
}
