import { OBSERVATION_CATEGORY, type Observation } from '../model/index.js';

/** Whether an observation is a laboratory result (category `laboratory` of FHIR's observation-category). */
export function isLaboratory(observation: Observation): boolean {
  return (
    observation.category?.some((concept) =>
      concept.coding?.some(
        (coding) => coding.system === OBSERVATION_CATEGORY && coding.code === 'laboratory',
      ),
    ) ?? false
  );
}
