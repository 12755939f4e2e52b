import type {
  CodeableConcept,
  Observation,
  ObservationComponent,
  Quantity,
} from '../model/index.js';
import { LOINC, SNOMED } from '../model/index.js';
import { lookUp } from './coding.js';
import { cleanNumber, formatNumber } from './number-format.js';
import { quantityUnit } from './ucum-written.js';

// The vital signs the grid shows: which codes they come under, the unit each
// is shown in, and how a value in another unit is converted (a temperature
// in °F must never be compared with a range in °C).

export type VitalSignId =
  | 'respiratory-rate'
  | 'oxygen-saturation'
  | 'inhaled-oxygen-flow'
  | 'inhaled-oxygen-concentration'
  | 'on-oxygen'
  | 'blood-pressure'
  | 'systolic-bp'
  | 'diastolic-bp'
  | 'heart-rate'
  | 'consciousness'
  | 'gcs'
  | 'temperature'
  | 'weight'
  | 'height'
  | 'bmi';

export interface VitalSignDefinition {
  id: VitalSignId;
  /** English label, for the grid's row header. */
  label: string;
  /** The UCUM unit values are converted to; none for coded or yes/no signs. */
  unit?: string;
  /** The unit as clinicians write it. */
  displayUnit?: string;
  /** Places shown; ranges are applied to the value as shown. */
  decimals: number;
  /** Keep the places even when zero ("37.0 °C"). */
  fixed?: boolean;
  /** "70 kg" has a space; "98%" and "18/min" do not. */
  space?: boolean;
}

export const VITAL_SIGNS: Readonly<Record<VitalSignId, VitalSignDefinition>> = {
  'respiratory-rate': {
    id: 'respiratory-rate',
    label: 'Respiratory rate',
    unit: '/min',
    displayUnit: '/min',
    decimals: 0,
  },
  'oxygen-saturation': {
    id: 'oxygen-saturation',
    label: 'SpO₂',
    unit: '%',
    displayUnit: '%',
    decimals: 0,
  },
  'inhaled-oxygen-flow': {
    id: 'inhaled-oxygen-flow',
    label: 'Oxygen flow',
    unit: 'L/min',
    displayUnit: 'L/min',
    decimals: 1,
    space: true,
  },
  'inhaled-oxygen-concentration': {
    id: 'inhaled-oxygen-concentration',
    label: 'Inspired oxygen (FiO₂)',
    unit: '%',
    displayUnit: '%',
    decimals: 0,
  },
  'on-oxygen': { id: 'on-oxygen', label: 'Air or oxygen', decimals: 0 },
  'blood-pressure': {
    id: 'blood-pressure',
    label: 'Blood pressure',
    unit: 'mm[Hg]',
    displayUnit: 'mmHg',
    decimals: 0,
    space: true,
  },
  'systolic-bp': {
    id: 'systolic-bp',
    label: 'Systolic blood pressure',
    unit: 'mm[Hg]',
    displayUnit: 'mmHg',
    decimals: 0,
    space: true,
  },
  'diastolic-bp': {
    id: 'diastolic-bp',
    label: 'Diastolic blood pressure',
    unit: 'mm[Hg]',
    displayUnit: 'mmHg',
    decimals: 0,
    space: true,
  },
  'heart-rate': {
    id: 'heart-rate',
    label: 'Heart rate',
    unit: '/min',
    displayUnit: '/min',
    decimals: 0,
  },
  consciousness: { id: 'consciousness', label: 'Consciousness (ACVPU)', decimals: 0 },
  gcs: { id: 'gcs', label: 'Glasgow Coma Scale', unit: '{score}', decimals: 0 },
  temperature: {
    id: 'temperature',
    label: 'Temperature',
    unit: 'Cel',
    displayUnit: '°C',
    decimals: 1,
    fixed: true,
    space: true,
  },
  weight: {
    id: 'weight',
    label: 'Weight',
    unit: 'kg',
    displayUnit: 'kg',
    decimals: 1,
    space: true,
  },
  height: {
    id: 'height',
    label: 'Height',
    unit: 'cm',
    displayUnit: 'cm',
    decimals: 1,
    space: true,
  },
  bmi: { id: 'bmi', label: 'BMI', unit: 'kg/m2', displayUnit: 'kg/m²', decimals: 1, space: true },
};

/** LOINC codes of each sign. SpO₂ has two (by pulse oximetry, and the general one); blood pressure the panel and the older pair panel. */
const LOINC_CODES: Record<string, VitalSignId> = {
  '9279-1': 'respiratory-rate',
  '59408-5': 'oxygen-saturation',
  '2708-6': 'oxygen-saturation',
  '3151-8': 'inhaled-oxygen-flow', // Inhaled oxygen flow rate (L/min)
  '3150-0': 'inhaled-oxygen-concentration', // Inhaled oxygen concentration (%)
  '85354-9': 'blood-pressure',
  '55284-4': 'blood-pressure',
  '8480-6': 'systolic-bp',
  '8462-4': 'diastolic-bp',
  '8867-4': 'heart-rate',
  '80288-4': 'consciousness',
  '67775-7': 'consciousness', // Level of consciousness; Level of responsiveness (ACVPU)
  '9269-2': 'gcs',
  '8310-5': 'temperature',
  '29463-7': 'weight',
  '8302-2': 'height',
  '39156-5': 'bmi',
};

/** SNOMED CT codes used by UK NEWS2 records (NHS England / Care Connect). */
const SNOMED_CODES: Record<string, VitalSignId> = {
  '1104441000000107': 'consciousness', // ACVPU scale score
  '371825009': 'on-oxygen', // Patient on oxygen
  '722742002': 'on-oxygen', // Breathing room air
};

/** Which vital sign a code is, if any. */
export function vitalSignOf(code: CodeableConcept | undefined): VitalSignId | undefined {
  return lookUp(code, LOINC, LOINC_CODES) ?? lookUp(code, SNOMED, SNOMED_CODES);
}

type Convert = (value: number) => number;
const as =
  (factor: number): Convert =>
  (value) =>
    value * factor;
const IDENTITY = as(1);

/**
 * Units accepted for each sign, by UCUM code or the text systems send, with
 * the conversion to the sign's unit. `''` is a value with no unit at all:
 * taken as the sign's own unit where only one unit is in use, refused where
 * units really vary (temperature, weight, height, oxygen flow).
 */
const UNITS: Partial<Record<VitalSignId, Record<string, Convert>>> = {
  'respiratory-rate': {
    '/min': IDENTITY,
    '{breaths}/min': IDENTITY,
    'breaths/min': IDENTITY,
    '': IDENTITY,
  },
  'heart-rate': {
    '/min': IDENTITY,
    '{beats}/min': IDENTITY,
    'beats/min': IDENTITY,
    bpm: IDENTITY,
    '': IDENTITY,
  },
  'oxygen-saturation': { '%': IDENTITY, '': IDENTITY },
  'inhaled-oxygen-concentration': { '%': IDENTITY, '': IDENTITY },
  'inhaled-oxygen-flow': {
    'L/min': IDENTITY,
    'l/min': IDENTITY,
    'mL/min': as(0.001),
    'ml/min': as(0.001),
  },
  'systolic-bp': {
    'mm[Hg]': IDENTITY,
    mmHg: IDENTITY,
    'mm Hg': IDENTITY,
    kPa: as(7.50062),
    '': IDENTITY,
  },
  'diastolic-bp': {
    'mm[Hg]': IDENTITY,
    mmHg: IDENTITY,
    'mm Hg': IDENTITY,
    kPa: as(7.50062),
    '': IDENTITY,
  },
  gcs: { '{score}': IDENTITY, '{Score}': IDENTITY, '1': IDENTITY, score: IDENTITY, '': IDENTITY },
  temperature: {
    Cel: IDENTITY,
    '°C': IDENTITY,
    degC: IDENTITY,
    C: IDENTITY,
    '[degF]': (f) => ((f - 32) * 5) / 9,
    '°F': (f) => ((f - 32) * 5) / 9,
    degF: (f) => ((f - 32) * 5) / 9,
  },
  weight: {
    kg: IDENTITY,
    g: as(0.001),
    '[lb_av]': as(0.45359237),
    lb: as(0.45359237),
    lbs: as(0.45359237),
    '[oz_av]': as(0.028349523125),
  },
  height: {
    cm: IDENTITY,
    m: as(100),
    mm: as(0.1),
    '[in_i]': as(2.54),
    in: as(2.54),
    '[ft_i]': as(30.48),
  },
  bmi: { 'kg/m2': IDENTITY, 'kg/m^2': IDENTITY, 'kg/m²': IDENTITY, '': IDENTITY },
};

/** The value in the sign's own unit, or undefined when its unit is not one the kit can convert. */
export function convert(id: VitalSignId, quantity: Quantity): number | undefined {
  if (quantity.value === undefined) return undefined;
  const table = UNITS[id];
  if (!table) return undefined;
  const code = quantity.code?.trim();
  const text = quantity.unit?.trim();
  const conversion =
    (code && table[code]) || (text && table[text]) || (!code && !text ? table[''] : undefined);
  return conversion ? conversion(quantity.value) : undefined;
}

export interface VitalReading {
  id: VitalSignId;
  /** In the sign's unit, rounded as shown; undefined when the unit could not be converted (shown, never flagged). */
  value?: number;
  /** "37.2 °C", "98%", "18/min"; the value and its unit for people (`quantityUnit`) when they could not be converted. */
  text: string;
}

/** The value with its unit, as the grid shows it. */
export function formatVital(id: VitalSignId, value: number): string {
  const sign = VITAL_SIGNS[id];
  const number = formatNumber(value, { decimals: sign.decimals, fixed: sign.fixed });
  return sign.displayUnit ? `${number}${sign.space ? ' ' : ''}${sign.displayUnit}` : number;
}

/** A numeric reading of an observation or a component, or undefined when it has no number. */
export function vitalReading(
  source: Observation | ObservationComponent,
  id = vitalSignOf(source.code),
): VitalReading | undefined {
  if (!id) return undefined;
  const quantity: Quantity | undefined =
    source.valueQuantity ??
    (source.valueInteger !== undefined ? { value: source.valueInteger } : undefined);
  if (quantity?.value === undefined) return undefined;
  const comparator = quantity.comparator ? `${quantity.comparator}` : '';
  const converted = convert(id, quantity);
  if (converted === undefined) {
    const unit = quantityUnit(quantity);
    return { id, text: `${comparator}${formatNumber(quantity.value)}${unit ? ` ${unit}` : ''}` };
  }
  return {
    id,
    value: cleanNumber(converted, VITAL_SIGNS[id].decimals),
    text: `${comparator}${formatVital(id, converted)}`,
  };
}

/** A blood pressure panel's two components, and "120/80 mmHg" (a missing half shows as "–"). */
export function bloodPressure(panel: Observation): {
  systolic?: VitalReading;
  diastolic?: VitalReading;
  text: string;
} {
  const find = (id: VitalSignId) => {
    const component = panel.component?.find((c) => vitalSignOf(c.code) === id);
    return component && vitalReading(component, id);
  };
  const systolic = find('systolic-bp');
  const diastolic = find('diastolic-bp');
  const number = (r: VitalReading | undefined) =>
    r?.value !== undefined ? formatNumber(r.value) : (r?.text ?? '–');
  return {
    ...(systolic && { systolic }),
    ...(diastolic && { diastolic }),
    text: `${number(systolic)}/${number(diastolic)} ${VITAL_SIGNS['blood-pressure'].displayUnit}`,
  };
}
