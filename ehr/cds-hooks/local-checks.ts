import {
  firstValue,
  type AllergyIntolerance,
  type Card,
  type ChartStore,
  type DecisionSupportRequest,
  type Medication,
} from '../../model/index.js';
import { cdsHooksMessages as messages } from './cds-hooks.messages.js';

// The kit's own checks, run in the browser on the chart this device holds.
// They are plain functions (clinical/medication-safety's checkMedication and
// checkAllergy fit), so this layer does not depend on where they live.

/** What the checks are given of the chart: its allergies and medications, without the draft itself. */
export interface LocalChart {
  allergies: AllergyIntolerance[];
  medications: Medication[];
}

export interface LocalChecks {
  /** A medication being prescribed or recorded, against the chart. */
  medication?(draft: Medication, chart: LocalChart): Card[];
  /** An allergy being recorded, against the chart's medications. */
  allergy?(draft: AllergyIntolerance, chart: LocalChart): Card[];
  /** The chart as it stands, on opening it (`patient-view`): clinical/medication-safety's reviewChart fits. */
  chart?(chart: LocalChart): Card[];
}

export interface LocalAnswer {
  cards: Card[];
  notes: string[];
}

export async function runLocalChecks(
  checks: LocalChecks | undefined,
  store: ChartStore,
  request: DecisionSupportRequest,
): Promise<LocalAnswer> {
  const { draft, patientId } = request;
  const check = draft.resourceType === 'AllergyIntolerance' ? checks?.allergy : checks?.medication;
  if (!check) return { cards: [], notes: [] };
  let chart: LocalChart;
  try {
    chart = await readChart(store, patientId, draft);
  } catch (error) {
    return { cards: [], notes: [messages.chartUnreadable(problemOf(error))] };
  }
  try {
    const cards =
      draft.resourceType === 'AllergyIntolerance'
        ? (checks?.allergy?.(draft, chart) ?? [])
        : (checks?.medication?.(draft, chart) ?? []);
    return { cards, notes: [] };
  } catch (error) {
    return { cards: [], notes: [messages.localFailed(problemOf(error))] };
  }
}

/** The kit's review of the chart as it stands (`patient-view`). */
export async function runChartReview(
  checks: LocalChecks | undefined,
  store: ChartStore,
  patientId: string,
): Promise<LocalAnswer> {
  if (!checks?.chart) return { cards: [], notes: [] };
  try {
    return { cards: checks.chart(await readChart(store, patientId)), notes: [] };
  } catch (error) {
    return { cards: [], notes: [messages.localFailed(problemOf(error))] };
  }
}

async function readChart(
  store: ChartStore,
  patientId: string,
  draft?: DecisionSupportRequest['draft'],
): Promise<LocalChart> {
  const [allergies, medications] = await Promise.all([
    firstValue(store.allergies(patientId)),
    firstValue(store.medications(patientId)),
  ]);
  // A change of a record already in the chart is checked against the others, not against its old self.
  const other = <R extends { resourceType: string; id?: string }>(resource: R) =>
    !(
      draft &&
      resource.resourceType === draft.resourceType &&
      resource.id &&
      resource.id === draft.id
    );
  return {
    allergies: allergies.map((record) => record.current).filter(other),
    medications: medications.map((record) => record.current).filter(other),
  };
}

function problemOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
