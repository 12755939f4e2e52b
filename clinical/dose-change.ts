import type { Dosage, MedicationRequest, MedicationStatement } from '../model/index.js';
import { formatDosages, formatQuantity, formatRange, medicationLine } from './dose-format.js';

// A change of dose between two versions of a medication, on the safe
// medication line of dose-format.ts: "metFORMIN 500 mg → 1,000 mg twice
// daily". The course dates (Timing.repeat.boundsPeriod) are left out of
// both sides: a stop moves the end date, and a stop is not a dose change.

/** All the text of this module, for translation. */
export const doseChangeMessages = {
  /** Plain text of a change: "500 mg → 1,000 mg twice daily". */
  change: (from: string, to: string) => `${from} → ${to}`,
};

type Medication = MedicationRequest | MedicationStatement;

export interface DoseChange {
  /** The drug's name (tall man lettering), when it is written once before both doses; absent when each side is a whole line. */
  name?: string;
  /** The dose before: the amount alone when nothing else changed ("500 mg"), else the whole dose line. */
  from: string;
  /** The dose line after ("1,000 mg twice daily"). */
  to: string;
  /** The whole change as one line: "metFORMIN 500 mg → 1,000 mg twice daily". */
  text: string;
}

function dosagesOf(medication: Medication): Dosage[] | undefined {
  const dosages =
    medication.resourceType === 'MedicationRequest'
      ? medication.dosageInstruction
      : medication.dosage;
  return dosages?.map((dosage) => {
    const repeat = dosage.timing?.repeat;
    if (!repeat?.boundsPeriod) return dosage;
    const { boundsPeriod: _course, ...rest } = repeat;
    return { ...dosage, timing: { ...dosage.timing, repeat: rest } };
  });
}

/** A version of the medication with its course dates left out. */
function withoutCourse<R extends Medication>(medication: R): R {
  const dosages = dosagesOf(medication);
  if (!dosages) return medication;
  return medication.resourceType === 'MedicationRequest'
    ? { ...medication, dosageInstruction: dosages }
    : { ...medication, dosage: dosages };
}

/** Whether two versions of a medication are given differently: their dose lines, course dates apart, differ. */
export function doseChanged(before: Medication, after: Medication): boolean {
  return formatDosages(dosagesOf(before)) !== formatDosages(dosagesOf(after));
}

/** The amount of the one dosage of a medication, as its dose line writes it ("500 mg"). */
function amountOf(medication: Medication): string | undefined {
  const dosages = dosagesOf(medication);
  if (dosages?.length !== 1) return undefined;
  const dose =
    dosages[0]!.doseAndRate?.find((d) => d.doseQuantity || d.doseRange) ??
    dosages[0]!.doseAndRate?.[0];
  return formatQuantity(dose?.doseQuantity) ?? formatRange(dose?.doseRange);
}

/**
 * A change of dose in words. When only the amount changed, the name is
 * written once and the rest of the line once: "metFORMIN 500 mg → 1,000 mg
 * twice daily". Otherwise each side is its whole dose line; and a line that
 * must not read as an instruction ("Do not give: …", "Not taking: …") or a
 * change of drug is written whole on both sides.
 */
export function doseChange(before: Medication, after: Medication): DoseChange {
  const [was, now] = [medicationLine(withoutCourse(before)), medicationLine(withoutCourse(after))];
  const plain = (line: typeof was) => line.text === `${line.name} ${line.dose}`;
  if (!plain(was) || !plain(now) || was.name !== now.name)
    return { from: was.text, to: now.text, text: doseChangeMessages.change(was.text, now.text) };
  const [fromAmount, toAmount] = [amountOf(before), amountOf(after)];
  const sameRest =
    fromAmount !== undefined &&
    toAmount !== undefined &&
    was.dose.startsWith(fromAmount) &&
    now.dose.startsWith(toAmount) &&
    was.dose.slice(fromAmount.length) === now.dose.slice(toAmount.length);
  const from = sameRest ? fromAmount : was.dose;
  return {
    name: now.name,
    from,
    to: now.dose,
    text: `${now.name} ${doseChangeMessages.change(from, now.dose)}`,
  };
}
