import * as Y from 'yjs';
import {
  coreDocumentName,
  firstValue,
  type AllergyIntolerance,
  type ChartUser,
  type Patient,
} from '../../model/index.js';
import { openChartStore, type DexieChartStore } from '../../storage/index.js';
import { STORY_USER, type StoryChart } from './story-stores.js';
import { allergy } from '../../test/support/charts/allergies.js';

// Small local charts for the allergy banner's stories: real stores on
// IndexedDB, each seeded once per browser profile, holding the allergies
// the tests use too (test/support/charts/allergies.ts).

export const DR_AMARA: ChartUser = {
  id: 'u-amara',
  displayName: 'Dr Amara Osei',
  role: 'clinician',
};
export const NURSE_BEN: ChartUser = { id: 'u-ben', displayName: 'Ben Carter RN', role: 'nurse' };

export function storyPatient(id: string, family: string, given: string): Patient {
  return {
    resourceType: 'Patient',
    id,
    name: [{ family, given: [given] }],
    gender: 'female',
    birthDate: '1958-06-02',
  };
}

const charts = new Map<string, Promise<StoryChart>>();

/**
 * A local store holding one patient and the given resources, seeded once per
 * browser profile (the patient goes last: its presence means the rest is there).
 */
export function seededChart(
  name: string,
  patient: Patient,
  resources: () => AllergyIntolerance[],
  user: ChartUser = STORY_USER,
): Promise<StoryChart> {
  let chart = charts.get(name);
  if (!chart) {
    chart = (async () => {
      const store = await openChartStore({ databaseName: `emr-kit-story-allergy-${name}`, user });
      if (!(await firstValue(store.patient(patient.id!)))) {
        for (const resource of resources()) await store.record(resource);
        await store.record(patient);
      }
      return { store, patientId: patient.id! };
    })();
    charts.set(name, chart);
  }
  return chart;
}

/** Sends what `from` has of a document and `to` lacks, as a sync provider would. */
async function send(from: DexieChartStore, to: DexieChartStore, name: string): Promise<void> {
  const source = await from.documents.open(name);
  const target = await to.documents.open(name);
  await to.documents.applyRemoteUpdate(
    name,
    Y.encodeStateAsUpdate(source, Y.encodeStateVector(target)),
  );
}

/**
 * Two clinicians change the same allergies on two devices at once, then
 * sync: penicillin's criticality (high / low), and ibuprofen (one adds a
 * reaction, the other marks it entered in error). Both values survive.
 */
export function conflictChart(): Promise<StoryChart> {
  let chart = charts.get('conflict');
  if (!chart) {
    chart = (async () => {
      const patientId = 'story-conflict';
      const amara = await openChartStore({
        databaseName: 'emr-kit-story-allergy-conflict',
        user: DR_AMARA,
      });
      if (!(await firstValue(amara.patient(patientId)))) {
        const ben = await openChartStore({
          databaseName: 'emr-kit-story-allergy-conflict-colleague',
          user: NURSE_BEN,
        });
        const core = coreDocumentName(patientId);
        const penicillin = (criticality: 'high' | 'low') =>
          allergy(patientId, 'penicillin', {
            name: 'Penicillin',
            category: ['medication'],
            criticality,
            reactions: [
              { manifestation: 'Rash', severity: criticality === 'high' ? 'severe' : 'mild' },
            ],
          });
        const ibuprofen = allergy(patientId, 'ibuprofen', {
          name: 'Ibuprofen',
          category: ['medication'],
          criticality: 'low',
        });
        const first = await amara.record(penicillin('low'));
        const second = await amara.record(ibuprofen);
        await amara.record(
          allergy(patientId, 'egg', {
            name: 'Egg',
            category: ['food'],
            criticality: 'low',
            reactions: [{ manifestation: 'Hives', severity: 'mild' }],
          }),
        );
        await send(amara, ben, core);
        await amara.revise(penicillin('high'), first.revisionId, {
          reason: 'anaphylaxis reported by GP',
        });
        await ben.revise(penicillin('low'), first.revisionId, {
          reason: 'tolerated amoxicillin in 2023',
        });
        await amara.revise(
          {
            ...ibuprofen,
            reaction: [{ manifestation: [{ text: 'Bronchospasm' }], severity: 'moderate' }],
          },
          second.revisionId,
        );
        await ben.enterInError(`AllergyIntolerance/ibuprofen`, second.revisionId, 'wrong patient');
        await send(ben, amara, core);
        await amara.record(storyPatient(patientId, 'Mensah', 'Efua'));
        await ben.close();
      }
      return { store: amara, patientId };
    })();
    charts.set('conflict', chart);
  }
  return chart;
}
