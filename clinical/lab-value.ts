import type { CodeableConcept, Observation, Quantity } from '../model/index.js';
import { conceptLabel } from './coding.js';
import { labMessages as m } from './lab-messages.js';
import { formatNumber } from './number-format.js';
import { quantityUnit } from './ucum-written.js';

// A laboratory value as clinicians write it: the number as the laboratory
// reported it (every decimal place it sent, no floating-point noise, no
// trailing zero added), its comparator ("<0.01"), its UCUM unit written out
// ("×10³/µL"), and every other kind of value in words. Never throws: a coded
// value with no text nor display reads as its code.

/** What a cell shows, and the number a flag or a trend reads (none for a value that is not a number). */
export interface LabValue {
  text: string;
  /** The number reported, for flags and trends; with a comparator it is the bound. */
  number?: number;
  comparator?: Quantity['comparator'];
  unit?: string;
  /** No value: `text` says why (dataAbsentReason). */
  absent?: boolean;
}

const DATA_ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';

/** A quantity as written: "<0.01 mg/L", "7.1 ×10³/µL", "95 %". */
export function quantityText(quantity: Quantity): string {
  const unit = quantityUnit(quantity);
  const number = quantity.value === undefined ? '' : formatNumber(quantity.value);
  const value = `${quantity.comparator ?? ''}${number}`;
  if (!unit) return value;
  return unit === '%' ? `${value}${unit}` : `${value} ${unit}`.trim();
}

function conceptText(concept: CodeableConcept): string {
  const label = conceptLabel(concept);
  if (label) return label;
  const code = concept.coding?.find((coding) => coding.code)?.code;
  return code ? m.codeOnly(code) : m.noValue;
}

function absentText(reason: CodeableConcept | undefined): string {
  const code = reason?.coding?.find((coding) => coding.system === DATA_ABSENT_REASON)?.code;
  if (code && Object.hasOwn(m.absent, code)) return m.absent[code]!;
  const label = reason && conceptLabel(reason);
  return label ? m.absentOther(label) : m.noValue;
}

/** The value of a laboratory observation as written for people. */
export function labValue(observation: Observation): LabValue {
  const o = observation;
  if (o.valueQuantity) {
    const q = o.valueQuantity;
    return {
      text: quantityText(q),
      ...(q.value === undefined ? {} : { number: q.value }),
      ...(q.comparator ? { comparator: q.comparator } : {}),
      ...(quantityUnit(q) ? { unit: quantityUnit(q) } : {}),
    };
  }
  if (o.valueCodeableConcept) return { text: conceptText(o.valueCodeableConcept) };
  if (o.valueString !== undefined) return { text: o.valueString };
  if (o.valueBoolean !== undefined) return { text: o.valueBoolean ? m.yes : m.no };
  if (o.valueInteger !== undefined)
    return { text: formatNumber(o.valueInteger), number: o.valueInteger };
  if (o.valueRatio) {
    const { numerator, denominator } = o.valueRatio;
    const top = numerator ? quantityText(numerator) : '';
    const bottom = denominator ? quantityText(denominator) : '';
    // A titre ("1:128") has no units; a ratio with units reads "5 mg / 1 mL".
    const unitless =
      !numerator?.unit && !numerator?.code && !denominator?.unit && !denominator?.code;
    return { text: unitless ? `${top}:${bottom}` : `${top} / ${bottom}` };
  }
  if (o.valueRange) return { text: rangeText(o.valueRange.low, o.valueRange.high) };
  if (o.valueDateTime !== undefined) return { text: o.valueDateTime };
  if (o.valueTime !== undefined) return { text: o.valueTime };
  if (o.valuePeriod) return { text: m.to(o.valuePeriod.start ?? '', o.valuePeriod.end ?? '') };
  return { text: absentText(o.dataAbsentReason), absent: true };
}

/** "3.5 to 5.1 mmol/L", "≥ 60 mL/min/1.73 m²", "≤ 200 mg/dL": one unit, written once when both ends share it. */
export function rangeText(low: Quantity | undefined, high: Quantity | undefined): string {
  const lowUnit = low && quantityUnit(low);
  const highUnit = high && quantityUnit(high);
  if (low?.value !== undefined && high?.value !== undefined) {
    if (lowUnit === highUnit)
      return `${m.to(formatNumber(low.value), formatNumber(high.value))}${unitSuffix(highUnit)}`;
    return m.to(quantityText(low), quantityText(high));
  }
  if (low?.value !== undefined) return m.atLeast(quantityText(low));
  if (high?.value !== undefined) return m.atMost(quantityText(high));
  return '';
}

function unitSuffix(unit: string | undefined): string {
  if (!unit) return '';
  return unit === '%' ? unit : ` ${unit}`;
}
