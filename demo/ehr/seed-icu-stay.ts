import { icuChart, type IcuChartOptions } from '../../bench/generators/icu-chart.js';
import type { Resource } from '@medplum/fhirtypes';
import type { EhrRepository } from './ehr-repository.js';

// The benchmark's intensive-care stay (bench/generators/icu-chart.ts: a
// month of minute vital signs, about 300,000 Observations for one patient)
// loaded into the demo EHR, a day at a time.

export interface IcuSeedResult {
  patientId: string;
  resources: number;
  observations: number;
}

export async function seedIcuStay(
  repository: EhrRepository,
  options: IcuChartOptions = {},
): Promise<IcuSeedResult> {
  const chart = icuChart(options);
  let resources = 0;
  await repository.withSeeding(async () => {
    for (const r of chart.core()) {
      await repository.createResource(r as Resource);
      resources++;
    }
    for (let d = 0; d < chart.days; d++) {
      for (const o of chart.day(d)) {
        await repository.createResource(o as Resource);
        resources++;
      }
    }
  });
  return { patientId: chart.patientId, resources, observations: chart.observationCount };
}
