import { firstValue, type FhirResource } from '../../model/index.js';
import { openChartStore, type DexieChartStore } from '../../storage/index.js';
import {
  erroneousReport,
  imagingStudy,
  labReport,
  labResults,
  pathologyReport,
  radiologyReport,
  REPORT_PATIENT,
} from '../../test/support/charts/reports.js';
import { STORY_USER } from './story-stores.js';

// One chart holding every kind of report for the report viewer's stories
// (the reports are the tests' too: test/support/charts/reports.ts).

let building: Promise<DexieChartStore> | undefined;

export function reportChart(): Promise<DexieChartStore> {
  building ??= (async () => {
    const store = await openChartStore({
      databaseName: 'emr-kit-story-reports',
      user: STORY_USER,
    });
    if (!(await firstValue(store.patient(REPORT_PATIENT)))) {
      const resources: FhirResource[] = [
        { resourceType: 'Patient', id: REPORT_PATIENT },
        ...labResults(),
        labReport(),
        radiologyReport(),
        pathologyReport(),
        erroneousReport(),
        imagingStudy(),
      ];
      await store.recordAll(resources);
    }
    return store;
  })();
  return building;
}
