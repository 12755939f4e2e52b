import {
  checkBloodPressure,
  checkPlausible,
  PLAUSIBLE_LIMITS,
  VITAL_SIGNS,
  type Acvpu,
  type PlausibleLimits,
  type VitalSignId,
} from '../../clinical/index.js';
import type { EntrySign, VitalsEntry } from '../vitals-grid/vitals-observations.js';
import { vitalsFormMessages as m } from './vitals-form.messages.js';

// What was typed into the form, checked against the plausibility limits of
// clinical/ before anything is saved.

export type EntryField = EntrySign | 'oxygen' | 'consciousness';

export const NUMBER_FIELDS: readonly EntrySign[] = [
  'respiratory-rate',
  'oxygen-saturation',
  'inhaled-oxygen-flow',
  'systolic-bp',
  'diastolic-bp',
  'heart-rate',
  'temperature',
  'weight',
  'height',
];

export type EntryResult =
  | { ok: true; entry: VitalsEntry }
  | { ok: false; errors: Partial<Record<EntryField | 'form', string>> };

const ACVPU = new Set<string>(['A', 'C', 'V', 'P', 'U']);

/** A typed number: a decimal comma reads as a point; empty is undefined; anything else is NaN. */
function parse(text: string | undefined): number | undefined {
  const trimmed = text?.trim().replace(',', '.') ?? '';
  if (!trimmed) return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : NaN;
}

export function readEntry(
  form: Readonly<Partial<Record<EntryField, string>>>,
  limits: Readonly<Partial<Record<VitalSignId, PlausibleLimits>>> = PLAUSIBLE_LIMITS,
): EntryResult {
  const errors: Partial<Record<EntryField | 'form', string>> = {};
  const values: VitalsEntry['values'] = {};
  const onOxygen = form.oxygen === 'oxygen' ? true : form.oxygen === 'air' ? false : undefined;
  for (const id of NUMBER_FIELDS) {
    if (id === 'inhaled-oxygen-flow' && !onOxygen) continue;
    const value = parse(form[id]);
    if (value === undefined) continue;
    const check = checkPlausible(id, value, limits);
    if (check.ok) values[id] = value;
    else errors[id] = check.message;
  }
  if (onOxygen && !errors['inhaled-oxygen-flow'] && !(values['inhaled-oxygen-flow']! > 0)) {
    errors['inhaled-oxygen-flow'] = m.flowNeeded;
    delete values['inhaled-oxygen-flow'];
  }
  const systolic = values['systolic-bp'];
  const diastolic = values['diastolic-bp'];
  if (!errors['systolic-bp'] && !errors['diastolic-bp']) {
    if ((systolic === undefined) !== (diastolic === undefined)) {
      errors[systolic === undefined ? 'systolic-bp' : 'diastolic-bp'] = m.bothPressures;
    } else if (systolic !== undefined && diastolic !== undefined) {
      const check = checkBloodPressure(systolic, diastolic, limits);
      if (!check.ok) errors['diastolic-bp'] = check.message;
    }
  }
  const consciousness =
    form.consciousness && ACVPU.has(form.consciousness) ? (form.consciousness as Acvpu) : undefined;
  if (Object.keys(errors).length) return { ok: false, errors };
  if (!Object.keys(values).length && onOxygen === undefined && !consciousness)
    return { ok: false, errors: { form: m.nothing } };
  return {
    ok: true,
    entry: {
      values,
      ...(onOxygen !== undefined && { onOxygen }),
      ...(consciousness && { consciousness }),
    },
  };
}

/** The unit a field is typed in, as clinicians write it. */
export const unitOf = (id: EntrySign): string => VITAL_SIGNS[id].displayUnit ?? '';
