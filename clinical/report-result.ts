import type { Observation, Quantity } from '../model/index.js';
import { conceptLabel } from './coding.js';
import { formatNumber } from './number-format.js';
import { quantityUnit } from './ucum-written.js';
import { flag, type FlagResult } from './vital-flag.js';

// One result of a report, as its small table shows it: the value as
// written for people, its flag and its reference range. The flag is the
// observation's own interpretation first, then its first reference range
// (low and high, in the value's unit). A minimal reading: the cumulative
// lab results view has the fuller one (ranges by age and sex, critical
// ranges).

/** All the text of this module, for translation. */
export const reportResultMessages = {
  absent: (reason: string) => `No value: ${reason}`,
  noValue: 'No value',
  yes: 'Yes',
  no: 'No',
  range: (low: string | undefined, high: string | undefined) =>
    low && high ? `${low}–${high}` : low ? `≥ ${low}` : high ? `≤ ${high}` : '',
};
const m = reportResultMessages;

function quantityText(quantity: Quantity | undefined): string | undefined {
  if (quantity?.value === undefined) return undefined;
  const unit = quantityUnit(quantity);
  const comparator = quantity.comparator ? `${quantity.comparator} ` : '';
  return `${comparator}${formatNumber(quantity.value)}${unit ? ` ${unit}` : ''}`;
}

/** The value as people read it: a quantity with its unit written out, a coded answer's name, text, a ratio or a range; why there is none. */
export function resultValue(observation: Observation): string {
  const o = observation as Observation & Record<string, unknown>;
  const quantity = quantityText(o.valueQuantity as Quantity | undefined);
  if (quantity) return quantity;
  const coded = conceptLabel(o.valueCodeableConcept as Observation['code'] | undefined);
  if (coded) return coded;
  if (typeof o.valueString === 'string') return o.valueString;
  if (typeof o.valueBoolean === 'boolean') return o.valueBoolean ? m.yes : m.no;
  if (typeof o.valueInteger === 'number') return formatNumber(o.valueInteger);
  const ratio = o.valueRatio as { numerator?: Quantity; denominator?: Quantity } | undefined;
  if (ratio)
    return `${quantityText(ratio.numerator) ?? '?'} / ${quantityText(ratio.denominator) ?? '?'}`;
  const range = o.valueRange as { low?: Quantity; high?: Quantity } | undefined;
  if (range) return m.range(quantityText(range.low), quantityText(range.high));
  const absent = conceptLabel(observation.dataAbsentReason);
  return absent ? m.absent(absent) : m.noValue;
}

/** The first reference range as written: "4.5–11 ×10³/µL", or its text. */
export function resultRange(observation: Observation): string | undefined {
  const [range] = observation.referenceRange ?? [];
  if (!range) return undefined;
  const text = m.range(quantityText(range.low), quantityText(range.high));
  return text || range.text || undefined;
}

/** Interpretation first, then the value against the first reference range in the same unit; undefined when nothing can be said. */
export function resultFlag(observation: Observation): FlagResult | undefined {
  // A bare component with no code: flag() reads its interpretation and nothing else.
  const own = flag({ code: {}, interpretation: observation.interpretation });
  if (own) return own;
  const value = observation.valueQuantity;
  const [range] = observation.referenceRange ?? [];
  if (value?.value === undefined || !range) return undefined;
  const bound = (quantity: Quantity | undefined) =>
    quantity?.value !== undefined && (quantity.code ?? quantity.unit) === (value.code ?? value.unit)
      ? quantity.value
      : undefined;
  return flag(value.value, {
    low: bound(range.low),
    high: bound(range.high),
    source: 'the observation’s reference range',
  });
}
