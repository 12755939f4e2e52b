import type {
  ChartRecord,
  Condition,
  FhirResource,
  Observation,
  Patient,
  ReadingContext,
  VitalsQuery,
} from '../model/index.js';
import type { Lane } from './projection.js';

/** The reads a reading context is made of: the store's queries (queries.ts) and the first reads (first-reads.ts) offer them alike. */
export interface RecordReads {
  patient(patientId: string): Promise<ChartRecord<Patient> | undefined>;
  lane<R extends FhirResource>(
    patientId: string,
    lanes: readonly Lane[],
  ): Promise<Array<ChartRecord<R>>>;
  observations<R extends FhirResource>(
    patientId: string,
    lane: Extract<Lane, 'vital-signs' | 'observation'>,
    query: VitalsQuery,
  ): Promise<Array<ChartRecord<R>>>;
}

/** `ChartStore.readingContext`: the patient, their conditions and their other observations with `codes`, read side by side. */
export async function readingContextOf(
  reads: RecordReads,
  patientId: string,
  codes: readonly string[],
): Promise<ReadingContext> {
  const [patient, conditions, observations] = await Promise.all([
    reads.patient(patientId),
    reads.lane<Condition>(patientId, ['Condition']),
    reads.observations<Observation>(patientId, 'observation', { codes }),
  ]);
  return { patient, conditions, observations };
}
