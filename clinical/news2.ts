import type { Acvpu } from './consciousness.js';
import { scoreOnChart } from './chart-precision.js';
import { news2Messages } from './news2-messages.js';
import type {
  News2Parameter,
  News2Response,
  News2ResponseLevel,
  News2Risk,
} from './news2-types.js';
import { listInWords } from './words.js';

export { news2Messages } from './news2-messages.js';
export type {
  News2Parameter,
  News2Response,
  News2ResponseLevel,
  News2Risk,
} from './news2-types.js';

// The National Early Warning Score 2: Royal College of Physicians, National
// Early Warning Score (NEWS) 2: Standardising the assessment of
// acute-illness severity in the NHS. Updated report of a working party.
// London: RCP, 2017 — Chart 1 (the scoring system), Chart 3 (clinical
// response thresholds) and Chart 4 (clinical response).
//
// For adults (16 and over); not validated in pregnancy. Values are scored at
// the precision the chart is written in: whole numbers, and temperature to
// one decimal. A value recorded more finely, that falls between two rows of
// the chart, takes the more alarming row's score, never a rounded one: a
// respiration rate of 20.5 (between 12–20 and 21–24) scores 2, SpO₂ 91.5
// scores 3, 35.05 °C scores 3 (see chart-precision.ts).
//
// A NEWS2 with a parameter missing is not a NEWS2: there is no aggregate
// then, only a partial sum, clearly labelled. Because every score is zero or
// more, the partial sum is a lower bound: it can show that the risk is at
// least medium or high, never that it is low.

export const NEWS2_PARAMETERS: readonly News2Parameter[] = [
  'respiration-rate',
  'spo2',
  'air-or-oxygen',
  'systolic-bp',
  'pulse',
  'consciousness',
  'temperature',
];

export interface News2Input {
  /** Breaths per minute. */
  respirationRate?: number;
  /** Percent. */
  spo2?: number;
  /** Supplemental oxygen (any device, any flow); false for air. */
  onOxygen?: boolean;
  /** mmHg. */
  systolicBp?: number;
  /** Beats per minute. */
  pulse?: number;
  /** ACVPU (new confusion is C), or `not-alert` when only that is known (a GCS below 15). */
  consciousness?: Acvpu | 'not-alert';
  /** °C. */
  temperature?: number;
  /**
   * SpO₂ scale 2 is only for patients with hypercapnic respiratory failure
   * and a prescribed target of 88–92%, on the decision of a competent
   * clinician, recorded in the notes. Scale 1 otherwise.
   */
  spo2Scale?: 1 | 2;
}

export interface News2Result {
  scale: 1 | 2;
  /** Each parameter's score, where it could be scored. */
  scores: Partial<Record<News2Parameter, number>>;
  /** The parameters that could not be scored. Empty when the NEWS2 is complete. */
  missing: News2Parameter[];
  complete: boolean;
  /** The aggregate NEWS2: only when complete. */
  total?: number;
  /** The sum of the scored parameters: a lower bound, not a NEWS2, when incomplete. */
  partialSum: number;
  /** A score of 3 in any single parameter (a "red score"). */
  redScore: boolean;
  /** The clinical risk: only when complete. */
  risk?: News2Risk;
  /** When incomplete: the least the risk can be, from the partial sum and any red score. */
  minimumRisk: News2Risk;
  /** Chart 4's recommended response: only when complete. */
  response?: News2Response;
  /** One line for people: "NEWS2 12: high clinical risk", or what is missing. */
  label: string;
}

const m = news2Messages;

/** Chart 1, respiration rate (per minute): ≤8 → 3, 9–11 → 1, 12–20 → 0, 21–24 → 2, ≥25 → 3. */
export function scoreRespirationRate(rate: number): number {
  return scoreOnChart(rate, 0, (r) => (r <= 8 ? 3 : r <= 11 ? 1 : r <= 20 ? 0 : r <= 24 ? 2 : 3));
}

/** Chart 1, SpO₂ scale 1 (%): ≤91 → 3, 92–93 → 2, 94–95 → 1, ≥96 → 0. */
export function scoreSpo2Scale1(spo2: number): number {
  return scoreOnChart(spo2, 0, (s) => (s <= 91 ? 3 : s <= 93 ? 2 : s <= 95 ? 1 : 0));
}

/**
 * Chart 1, SpO₂ scale 2 (%): ≤83 → 3, 84–85 → 2, 86–87 → 1, 88–92 → 0, and
 * from 93: 0 on air, but on oxygen 93–94 → 1, 95–96 → 2, ≥97 → 3 (over-
 * oxygenation is a risk in hypercapnic failure). Undefined when the score
 * depends on oxygen and oxygen is not known.
 */
export function scoreSpo2Scale2(spo2: number, onOxygen: boolean | undefined): number | undefined {
  return scoreOnChart(spo2, 0, (s) => spo2Scale2Row(s, onOxygen));
}

function spo2Scale2Row(s: number, onOxygen: boolean | undefined): number | undefined {
  if (s <= 83) return 3;
  if (s <= 85) return 2;
  if (s <= 87) return 1;
  if (s <= 92) return 0;
  if (onOxygen === undefined) return undefined;
  if (!onOxygen) return 0;
  return s <= 94 ? 1 : s <= 96 ? 2 : 3;
}

/** Chart 1, air or oxygen: oxygen → 2, air → 0. */
export function scoreAirOrOxygen(onOxygen: boolean): number {
  return onOxygen ? 2 : 0;
}

/** Chart 1, systolic blood pressure (mmHg): ≤90 → 3, 91–100 → 2, 101–110 → 1, 111–219 → 0, ≥220 → 3. */
export function scoreSystolicBp(systolic: number): number {
  return scoreOnChart(systolic, 0, (s) =>
    s <= 90 ? 3 : s <= 100 ? 2 : s <= 110 ? 1 : s <= 219 ? 0 : 3,
  );
}

/** Chart 1, pulse (per minute): ≤40 → 3, 41–50 → 1, 51–90 → 0, 91–110 → 1, 111–130 → 2, ≥131 → 3. */
export function scorePulse(pulse: number): number {
  return scoreOnChart(pulse, 0, (p) =>
    p <= 40 ? 3 : p <= 50 ? 1 : p <= 90 ? 0 : p <= 110 ? 1 : p <= 130 ? 2 : 3,
  );
}

/** Chart 1, consciousness: alert → 0; new confusion, voice, pain or unresponsive → 3. */
export function scoreConsciousness(level: Acvpu | 'not-alert'): number {
  return level === 'A' ? 0 : 3;
}

/** Chart 1, temperature (°C, to one decimal): ≤35.0 → 3, 35.1–36.0 → 1, 36.1–38.0 → 0, 38.1–39.0 → 1, ≥39.1 → 2. */
export function scoreTemperature(celsius: number): number {
  return scoreOnChart(celsius, 1, (t) =>
    t <= 35 ? 3 : t <= 36 ? 1 : t <= 38 ? 0 : t <= 39 ? 1 : 2,
  );
}

/** Chart 3: 7 or more high; 5–6 medium; a red score (3 in one parameter) low–medium; else low. */
export function news2Risk(total: number, redScore: boolean): News2Risk {
  return total >= 7 ? 'high' : total >= 5 ? 'medium' : redScore ? 'low-medium' : 'low';
}

/**
 * Chart 4's minimum frequency of monitoring, as the longest time in minutes
 * until the next set: 12-hourly at 0, 4–6-hourly (so 6 hours at most) at 1–4,
 * hourly for a score of 3 in one parameter or a total of 5 or more. At 7 or
 * more the chart asks for continuous monitoring: a set charted over an hour
 * ago is late then too.
 */
const MONITORING_MINUTES: Record<News2ResponseLevel, number> = {
  zero: 720,
  low: 360,
  'low-medium': 60,
  medium: 60,
  high: 60,
};

/** The longest Chart 4 allows before the next set; an incomplete set counts at the least it can score. */
export function news2MonitoringMinutes(result: News2Result): number {
  return MONITORING_MINUTES[result.partialSum === 0 ? 'zero' : result.minimumRisk];
}

const known = (value: number | undefined): value is number =>
  value !== undefined && Number.isFinite(value);

/** The NEWS2 of one set of observations. */
export function news2(input: News2Input): News2Result {
  const scale = input.spo2Scale ?? 1;
  const scores: Partial<Record<News2Parameter, number>> = {};
  if (known(input.respirationRate))
    scores['respiration-rate'] = scoreRespirationRate(input.respirationRate);
  if (known(input.spo2)) {
    const spo2 =
      scale === 2 ? scoreSpo2Scale2(input.spo2, input.onOxygen) : scoreSpo2Scale1(input.spo2);
    if (spo2 !== undefined) scores.spo2 = spo2;
  }
  if (input.onOxygen !== undefined) scores['air-or-oxygen'] = scoreAirOrOxygen(input.onOxygen);
  if (known(input.systolicBp)) scores['systolic-bp'] = scoreSystolicBp(input.systolicBp);
  if (known(input.pulse)) scores.pulse = scorePulse(input.pulse);
  if (input.consciousness !== undefined)
    scores.consciousness = scoreConsciousness(input.consciousness);
  if (known(input.temperature)) scores.temperature = scoreTemperature(input.temperature);

  const missing = NEWS2_PARAMETERS.filter((p) => scores[p] === undefined);
  const partialSum = Object.values(scores).reduce((sum, s) => sum + s, 0);
  const redScore = Object.values(scores).some((s) => s === 3);
  const minimumRisk = news2Risk(partialSum, redScore);
  if (missing.length) {
    const names = missing.map((p) => m.parameter[p]);
    const atLeast = minimumRisk === 'low' ? undefined : m.risk[minimumRisk];
    return {
      scale,
      scores,
      missing,
      complete: false,
      partialSum,
      redScore,
      minimumRisk,
      label: m.incomplete(listInWords(names), partialSum, atLeast),
    };
  }
  const risk = minimumRisk;
  const level: News2ResponseLevel = partialSum === 0 ? 'zero' : risk;
  return {
    scale,
    scores,
    missing,
    complete: true,
    total: partialSum,
    partialSum,
    redScore,
    risk,
    minimumRisk,
    response: m.response[level],
    label: m.complete(partialSum, m.risk[risk]),
  };
}
