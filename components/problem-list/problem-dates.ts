import type { Condition, Quantity } from '../../model/index.js';
import { formatNumber } from '../../clinical/index.js';
import { formatDate, problemListMessages as m } from './problem-list.messages.js';

// Onset and abatement in words, whichever of the FHIR choices carries them:
// dateTime, Age, Period, Range (of ages) or string.

type Range = NonNullable<Condition['onsetRange']>;

function age(quantity: Quantity | undefined): string | undefined {
  if (quantity?.value === undefined) return undefined;
  const words = quantity.code ? m.ageUnits[quantity.code] : undefined;
  const unit = words ? words[quantity.value === 1 ? 0 : 1] : (quantity.unit ?? '');
  return `${formatNumber(quantity.value)}${unit ? ` ${unit}` : ''}`;
}

function ageRange(range: Range | undefined): string | undefined {
  const text = m.ageRange(age(range?.low), age(range?.high));
  return text || undefined;
}

type Words = typeof m.abatement;

function when(
  condition: Condition,
  prefix: 'onset' | 'abatement',
  words: Words,
): string | undefined {
  const at = condition as Record<string, unknown>;
  const dateTime = at[`${prefix}DateTime`] as string | undefined;
  if (dateTime) return words.dateTime(formatDate(dateTime)!);
  const ageValue = age(at[`${prefix}Age`] as Quantity | undefined);
  if (ageValue) return words.age(ageValue);
  const period = at[`${prefix}Period`] as { start?: string; end?: string } | undefined;
  if (period?.start || period?.end)
    return words.period(formatDate(period.start), formatDate(period.end));
  const range = ageRange(at[`${prefix}Range`] as Range | undefined);
  if (range) return words.range(range);
  const text = (at[`${prefix}String`] as string | undefined)?.trim();
  return text ? words.string(text) : undefined;
}

/** "Onset 13 Jan 1934", "Onset at age 45 years", "Onset: childhood"; "Onset not recorded". */
export function onsetText(condition: Condition): string {
  return when(condition, 'onset', m.onset) ?? m.onset.none;
}

/** "Ended 11 Feb 1993" and the like; undefined when no abatement is recorded. */
export function abatementText(condition: Condition): string | undefined {
  return when(condition, 'abatement', m.abatement);
}
