import {
  acvpuLabels,
  acvpuOf,
  bloodPressure,
  flag,
  formatNumber,
  gcsOf,
  oxygenOf,
  vitalReading,
  vitalSignOf,
  VITAL_SIGNS,
  type FlagResult,
  type VitalRange,
  type VitalSignId,
} from '../../clinical/index.js';
import type { Observation, ObservationComponent } from '../../model/index.js';
import { vitalsGridMessages as m } from './vitals-grid.messages.js';
import type { RowId } from './vitals-rows.js';

export type { RowId } from './vitals-rows.js';

// What one observation shows in the grid: its rows, the value written as
// clinicians write it (in the row's unit), and its abnormal flags. The
// clinical rules are clinical/'s; this only places their results.

/** The NEWS2 chart's order, then the measurements. */
export const ROWS: readonly RowId[] = [
  'respiratory-rate',
  'oxygen-saturation',
  'oxygen',
  'blood-pressure',
  'heart-rate',
  'consciousness',
  'temperature',
  'weight',
  'height',
  'bmi',
];

/** The sign whose unit a row is written in; none for coded rows. */
export const ROW_SIGN: Partial<Record<RowId, VitalSignId>> = {
  'respiratory-rate': 'respiratory-rate',
  'oxygen-saturation': 'oxygen-saturation',
  'blood-pressure': 'blood-pressure',
  'heart-rate': 'heart-rate',
  temperature: 'temperature',
  weight: 'weight',
  height: 'height',
  bmi: 'bmi',
};

export type Ranges = Readonly<Partial<Record<VitalSignId, VitalRange>>>;

export interface CellFlag {
  result: FlagResult;
  of?: 'systolic' | 'diastolic';
}

export interface Reading {
  text: string;
  /** Abnormal flags only: a normal reading has none. */
  flags: CellFlag[];
  /** For the trend: the value in the row's unit (systolic for blood pressure), and the diastolic. */
  value?: number;
  second?: number;
  /** Set when the reading is one head of a record in conflict. */
  version?: { index: number; count: number; author: string };
  /** Entered in error or cancelled: shown struck through, never scored. */
  void?: boolean;
  /** A systolic or diastolic pressure recorded on its own, not in a panel. */
  half?: 'systolic' | 'diastolic';
}

const abnormal = (result: FlagResult | undefined, of?: CellFlag['of']): CellFlag[] =>
  result && result.flag !== 'normal' ? [{ result, ...(of && { of }) }] : [];

function number(
  id: VitalSignId,
  source: Observation | ObservationComponent,
): { text: string; value?: number } | undefined {
  const reading = vitalReading(source, id);
  if (!reading) return undefined;
  if (reading.value === undefined) return { text: reading.text };
  const { decimals, fixed } = VITAL_SIGNS[id];
  const comparator = source.valueQuantity?.comparator ?? '';
  return {
    text: `${comparator}${formatNumber(reading.value, { decimals, fixed })}`,
    value: reading.value,
  };
}

function numeric(observation: Observation, id: VitalSignId, ranges: Ranges): Reading | undefined {
  const shown = number(id, observation);
  if (!shown) {
    const absent = observation.dataAbsentReason;
    const text = absent?.text ?? absent?.coding?.[0]?.display ?? absent?.coding?.[0]?.code;
    return text ? { text, flags: [] } : undefined;
  }
  return { ...shown, flags: abnormal(flag(observation, ranges[id])) };
}

function panel(observation: Observation, ranges: Ranges): Reading {
  const { systolic, diastolic } = bloodPressure(observation);
  const part = (r: typeof systolic) =>
    r?.value !== undefined ? formatNumber(r.value) : (r?.text ?? '–');
  const own = flag(observation);
  const component = (id: 'systolic-bp' | 'diastolic-bp') =>
    observation.component?.find((c) => vitalSignOf(c.code) === id);
  const flags =
    own?.from === 'interpretation'
      ? abnormal(own)
      : [
          ...abnormal(flag(component('systolic-bp'), ranges['systolic-bp']), 'systolic'),
          ...abnormal(flag(component('diastolic-bp'), ranges['diastolic-bp']), 'diastolic'),
        ];
  return {
    text: `${part(systolic)}/${part(diastolic)}`,
    flags,
    ...(systolic?.value !== undefined && { value: systolic.value }),
    ...(diastolic?.value !== undefined && { second: diastolic.value }),
  };
}

function oxygen(source: Observation | ObservationComponent, id: VitalSignId): Reading | undefined {
  const on = oxygenOf(source);
  if (on === undefined) return undefined;
  const detail =
    id === 'inhaled-oxygen-flow' || id === 'inhaled-oxygen-concentration'
      ? vitalReading(source, id)
      : undefined;
  const amount =
    detail && (id === 'inhaled-oxygen-concentration' ? m.fio2(detail.text) : detail.text);
  return { text: on && amount ? `${m.oxygen} ${amount}` : on ? m.oxygen : m.air, flags: [] };
}

/** The readings one observation gives, by row. */
export function readingsOf(observation: Observation, ranges: Ranges): Array<[RowId, Reading]> {
  const id = vitalSignOf(observation.code);
  const found: Array<[RowId, Reading | undefined]> = [];
  switch (id) {
    case 'respiratory-rate':
    case 'heart-rate':
    case 'temperature':
    case 'weight':
    case 'height':
    case 'bmi':
      found.push([id, numeric(observation, id, ranges)]);
      break;
    case 'oxygen-saturation':
      found.push([id, numeric(observation, id, ranges)]);
      // US Core pulse oximetry carries the oxygen flow or concentration as components.
      for (const component of observation.component ?? []) {
        const part = vitalSignOf(component.code);
        if (part) found.push(['oxygen', oxygen(component, part)]);
      }
      break;
    case 'on-oxygen':
    case 'inhaled-oxygen-flow':
    case 'inhaled-oxygen-concentration':
      found.push(['oxygen', oxygen(observation, id)]);
      break;
    case 'blood-pressure':
      found.push(['blood-pressure', panel(observation, ranges)]);
      break;
    case 'systolic-bp':
    case 'diastolic-bp': {
      const reading = numeric(observation, id, ranges);
      const half = id === 'systolic-bp' ? 'systolic' : 'diastolic';
      if (reading)
        found.push([
          'blood-pressure',
          { ...reading, half, flags: reading.flags.map((f) => ({ ...f, of: half })) },
        ]);
      break;
    }
    case 'consciousness': {
      const level = acvpuOf(observation);
      const text = level
        ? acvpuLabels[level]
        : (observation.valueCodeableConcept?.text ?? observation.valueString);
      if (text) found.push(['consciousness', { text, flags: abnormal(flag(observation)) }]);
      break;
    }
    case 'gcs': {
      const score = gcsOf(observation);
      if (score !== undefined)
        found.push([
          'consciousness',
          { text: m.gcs(String(score)), flags: abnormal(flag(observation, ranges.gcs)) },
        ]);
      break;
    }
  }
  return found.filter((entry): entry is [RowId, Reading] => entry[1] !== undefined);
}
