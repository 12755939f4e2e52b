import type {
  CodeableConcept,
  Dosage,
  MedicationRequest,
  MedicationStatement,
  Quantity,
} from '../model/index.js';
import { conceptLabel, inSentence } from './coding.js';
import { routeWithheld, routeWords } from './dose-route.js';
import { errorProneMessages } from './error-prone.js';
import { timeUnit, timingMessages, timingWords } from './dose-timing.js';
import { isOne, unitFor, unitWords } from './dose-units.js';
import { formatNumber } from './number-format.js';
import { tallMan } from './tall-man.js';
import { listInWords } from './words.js';

// Medication lines: "amoxicillin 500 mg orally three times daily",
// "salbutamol 1 puff inhaled every 4 hours as needed for wheeze".
// Numbers follow the NHS CUI Medication Line guidance (MEDi-015..017, 041:
// no trailing zero, a leading zero, commas from 1,000, a space before the
// unit) and the words follow the ISMP List of Error-Prone Abbreviations,
// Symbols, and Dose Designations (units, mcg, mL, daily, every other day;
// "less than", never "<").

/** All the text of this module, for translation. */
export const doseMessages = {
  comparator: { '<': 'less than', '<=': 'up to', '>=': 'at least', '>': 'more than' } as Record<
    string,
    string
  >,
  range: (low: string, high: string) => `${low} to ${high}`,
  atLeast: (dose: string) => `at least ${dose}`,
  upTo: (dose: string) => `up to ${dose}`,
  rate: (rate: string) => `at ${rate}`,
  /** A rate by time: "2 units per hour", "5 mL per 30 minutes". */
  per: (dose: string, period: string) => `${dose} per ${period}`,
  asNeeded: 'as needed',
  asNeededFor: (reason: string) => `as needed for ${reason}`,
  /** "(maximum 8 tablets in 24 hours)"; a period of one unit: "(maximum 4 g per day)". */
  maximum: (dose: string, period: string) => `(maximum ${dose} in ${period})`,
  maximumPer: (dose: string, unit: string) => `(maximum ${dose} per ${unit})`,
  maximumPerDose: (dose: string) => `(maximum ${dose} per dose)`,
  then: ', then ',
  /** Before a note at the end of a line: "2 mg twice daily; route not shown (…)". */
  note: '; ',
  doNotGive: (line: string) => `Do not give: ${line}`,
  notTaking: (line: string) => `Not taking: ${line}`,
  unnamedMedication: 'Medication (name not recorded)',
  noDose: 'dose not recorded',
};

const m = doseMessages;

/** A quantity as written: "500 mg", "0.5 mL", "10,000 units", "2 tablets", "less than 1 mg". */
export function formatQuantity(quantity: Quantity | undefined): string | undefined {
  if (quantity?.value === undefined) return undefined;
  const words = unitWords(quantity.code, quantity.unit);
  const amount = `${formatNumber(quantity.value)}${words ? ` ${unitFor(quantity.value, words)}` : ''}`;
  const comparator = quantity.comparator && m.comparator[quantity.comparator];
  return comparator ? `${comparator} ${amount}` : amount;
}

/**
 * "1 to 2 tablets", "0.5 to 1 tablet" (the unit agrees with the number
 * next to it); "500 mg to 1 g" when the units differ; "up to 2 puffs" with
 * no low; "2 tablets" when both ends are the same.
 */
export function formatRange(
  range: { low?: Quantity; high?: Quantity } | undefined,
): string | undefined {
  const { low, high } = range ?? {};
  if (low?.value === undefined || high?.value === undefined) {
    const one = formatQuantity(low) ?? formatQuantity(high);
    if (one === undefined) return undefined;
    return low?.value !== undefined ? m.atLeast(one) : m.upTo(one);
  }
  const lowWords = unitWords(low.code, low.unit);
  const highWords = unitWords(high.code, high.unit);
  if (lowWords?.one === highWords?.one && formatNumber(low.value) === formatNumber(high.value))
    return formatQuantity(high);
  if (lowWords?.one === highWords?.one) {
    const unit = highWords ? ` ${unitFor(high.value, highWords)}` : '';
    return `${m.range(formatNumber(low.value), formatNumber(high.value))}${unit}`;
  }
  return m.range(formatQuantity(low)!, formatQuantity(high)!);
}

/**
 * A time span below a rate or a maximum, by UCUM code or word: { one: true,
 * words: "hour" } for one of the unit, { one: false, words: "30 minutes" }
 * otherwise; a span that is not a time is written as a quantity.
 */
function periodWords(quantity: Quantity | undefined): { one: boolean; words: string } | undefined {
  if (quantity?.value === undefined) return undefined;
  const unit = timeUnit(quantity.code) ?? timeUnit(quantity.unit);
  if (!unit) {
    const words = formatQuantity(quantity);
    return words === undefined ? undefined : { one: false, words };
  }
  const [one, many] = timingMessages.unit[unit];
  return isOne(quantity.value)
    ? { one: true, words: one }
    : { one: false, words: `${formatNumber(quantity.value)} ${many}` };
}

function rateWords(
  dose: NonNullable<Dosage['doseAndRate']>[number] | undefined,
): string | undefined {
  const rate = formatQuantity(dose?.rateQuantity) ?? formatRange(dose?.rateRange);
  if (rate) return m.rate(rate);
  const ratio = dose?.rateRatio;
  const per = ratio && formatQuantity(ratio.numerator);
  const period = ratio && periodWords(ratio.denominator);
  if (!per) return undefined;
  return m.rate(period ? m.per(per, period.words) : per);
}

function asNeededWords(dosage: Dosage): string | undefined {
  const reason = conceptLabel(dosage.asNeededCodeableConcept);
  if (reason) return m.asNeededFor(inSentence(reason));
  return dosage.asNeededBoolean || dosage.asNeededCodeableConcept ? m.asNeeded : undefined;
}

function maximumWords(dosage: Dosage): string | undefined {
  const perPeriod = formatQuantity(dosage.maxDosePerPeriod?.numerator);
  const period = periodWords(dosage.maxDosePerPeriod?.denominator);
  if (perPeriod && period)
    return period.one ? m.maximumPer(perPeriod, period.words) : m.maximum(perPeriod, period.words);
  const perDose = formatQuantity(dosage.maxDosePerAdministration);
  return perDose ? m.maximumPerDose(perDose) : undefined;
}

/** One note for what was withheld, at the end of the line rather than in the middle of it. */
function withheldNote(route: boolean, frequency: boolean): string | undefined {
  const e = errorProneMessages;
  if (route && frequency) return e.withheld(e.routeAndFrequency, true);
  if (route) return e.withheld(e.route);
  return frequency ? e.withheld(e.frequency) : undefined;
}

/**
 * One Dosage in words: dose, rate, route, timing, as needed, extra
 * instructions, maximum. The structured fields win when they say at least a
 * dose and when to take it; otherwise the prescriber's own `text` is shown
 * as written (a line built from half the structure would drop the rest).
 * A route or frequency withheld as an ambiguous abbreviation is said once,
 * after the rest of the line.
 */
export function formatDosage(dosage: Dosage): string {
  const doseAndRate =
    dosage.doseAndRate?.find((d) => d.doseQuantity || d.doseRange) ?? dosage.doseAndRate?.[0];
  const dose = formatQuantity(doseAndRate?.doseQuantity) ?? formatRange(doseAndRate?.doseRange);
  const when = timingWords(dosage.timing);
  const asNeeded = asNeededWords(dosage);
  const text = dosage.text?.trim();
  if (text && !(dose && (when || asNeeded))) return text;
  const extra = (dosage.additionalInstruction ?? [])
    .map(conceptLabel)
    .filter((l): l is string => !!l)
    .map(inSentence);
  const route = routeWords(dosage.route);
  const parts = [
    dose,
    rateWords(doseAndRate),
    route === routeWithheld ? undefined : route,
    when === timingMessages.withheld ? undefined : when,
    asNeeded,
    extra.length ? listInWords(extra) : undefined,
    maximumWords(dosage),
  ].filter((p): p is string => !!p);
  const withheld = withheldNote(route === routeWithheld, when === timingMessages.withheld);
  if (withheld) return parts.length ? `${parts.join(' ')}${m.note}${withheld}` : withheld;
  return parts.length ? parts.join(' ') : m.noDose;
}

/**
 * Several Dosages: the same `sequence` number means at the same time
 * ("and"), a higher one means afterwards ("then"). Dosages without a
 * sequence are read as concurrent: "then" would invent an order.
 */
export function formatDosages(dosages: readonly Dosage[] | undefined): string {
  if (!dosages?.length) return m.noDose;
  const bySequence = new Map<number, string[]>();
  dosages.forEach((dosage) => {
    const sequence = dosage.sequence ?? 0;
    bySequence.set(sequence, [...(bySequence.get(sequence) ?? []), formatDosage(dosage)]);
  });
  return [...bySequence.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, lines]) => listInWords(lines))
    .join(m.then);
}

export interface MedicationLine {
  /** The drug's name, with tall man lettering unless turned off. */
  name: string;
  /** The dose line: "500 mg orally twice daily". */
  dose: string;
  /** Name and dose together, with "Do not give:" or "Not taking:" first when that applies. */
  text: string;
}

/**
 * A medication request or statement as one line. A request marked
 * doNotPerform, and a statement of a drug not taken, say so first: such a
 * record must never read as an instruction to give the drug.
 */
export function medicationLine(
  medication: MedicationRequest | MedicationStatement,
  options: { tallMan?: boolean } = {},
): MedicationLine {
  const concept: CodeableConcept | undefined = medication.medicationCodeableConcept;
  const raw =
    conceptLabel(concept) ?? medication.medicationReference?.display?.trim() ?? m.unnamedMedication;
  const name = options.tallMan === false ? raw : tallMan(raw);
  const dose = formatDosages(
    medication.resourceType === 'MedicationRequest'
      ? medication.dosageInstruction
      : medication.dosage,
  );
  const line = `${name} ${dose}`;
  const text =
    medication.resourceType === 'MedicationRequest'
      ? medication.doNotPerform
        ? m.doNotGive(line)
        : line
      : medication.status === 'not-taken'
        ? m.notTaking(line)
        : line;
  return { name, dose, text };
}
