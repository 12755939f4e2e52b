import type { Dosage, Medication, Quantity } from '../../model/index.js';
import { UCUM } from '../../model/index.js';
import { unitFor, unitWords } from '../../clinical/index.js';
import { medicationListMessages as m } from './medication-list.messages.js';

// The new versions of a medication that the list writes: discontinued, or
// with a new dose. Pure, and never mutating the resource given.

type DoseAndRate = NonNullable<Dosage['doseAndRate']>[number];

function dosagesOf(medication: Medication): Dosage[] | undefined {
  return medication.resourceType === 'MedicationRequest'
    ? medication.dosageInstruction
    : medication.dosage;
}

function doseEntry(dosage: Dosage | undefined): DoseAndRate | undefined {
  return (
    dosage?.doseAndRate?.find((d) => d.doseQuantity || d.doseRange) ?? dosage?.doseAndRate?.[0]
  );
}

/** The one dose a dose change replaces. */
export interface EditableDose {
  /** The dose now, when it is a single quantity. */
  current?: Quantity;
  /** The unit the new dose keeps; absent when none was recorded (the form then asks for one). */
  unit?: Pick<Quantity, 'unit' | 'system' | 'code'>;
  /** The prescriber's written instruction, which a new structured dose replaces. */
  text?: string;
}

/**
 * What a dose change would replace, or undefined when the medication has
 * several dose instructions (a taper, a morning and an evening dose): one
 * number cannot change those safely.
 */
export function editableDose(medication: Medication): EditableDose | undefined {
  const dosages = dosagesOf(medication) ?? [];
  if (dosages.length > 1) return undefined;
  const entry = doseEntry(dosages[0]);
  const quantity = entry?.doseQuantity ?? entry?.doseRange?.high ?? entry?.doseRange?.low;
  const hasUnit = !!(quantity?.code || quantity?.unit);
  return {
    ...(entry?.doseQuantity ? { current: entry.doseQuantity } : {}),
    ...(hasUnit
      ? { unit: { unit: quantity!.unit, system: quantity!.system, code: quantity!.code } }
      : {}),
    ...(dosages[0]?.text ? { text: dosages[0].text } : {}),
  };
}

/**
 * The medication with `dose` as its dose. The written instruction is
 * removed: it names the old dose, and a line that says two doses is worse
 * than one that says less. Route, timing and "as needed" stay.
 */
export function withDose<R extends Medication>(medication: R, dose: Quantity): R {
  const copy = structuredClone(medication) as Medication;
  const dosages =
    copy.resourceType === 'MedicationRequest'
      ? (copy.dosageInstruction ??= [])
      : (copy.dosage ??= []);
  if (dosages.length === 0) dosages.push({});
  const dosage = dosages[0]!;
  delete dosage.text;
  const entries = (dosage.doseAndRate ??= []);
  if (entries.length === 0) entries.push({});
  const entry = doseEntry(dosage)!;
  delete entry.doseRange;
  entry.doseQuantity = dose;
  return copy as R;
}

/**
 * The medication stopped: status "stopped", and for a statement the end of
 * its effective period. A MedicationRequest has no end-of-therapy element in
 * FHIR R4: its status and the revision's time say when.
 */
export function discontinued<R extends Medication>(medication: R, end: string, reason: string): R {
  const copy = structuredClone(medication) as Medication;
  copy.status = 'stopped';
  if (copy.resourceType === 'MedicationStatement') {
    const start = copy.effectivePeriod?.start ?? copy.effectiveDateTime;
    delete copy.effectiveDateTime;
    copy.effectivePeriod = { ...copy.effectivePeriod, ...(start ? { start } : {}), end };
    if (reason) copy.statusReason = [{ text: reason }];
  } else {
    // A request's stop date goes where its dates are: the first dosage's bounds.
    const [first, ...rest] = copy.dosageInstruction ?? [];
    if (first) {
      const repeat = first.timing?.repeat;
      copy.dosageInstruction = [
        {
          ...first,
          timing: {
            ...first.timing,
            repeat: { ...repeat, boundsPeriod: { ...repeat?.boundsPeriod, end } },
          },
        },
        ...rest,
      ];
    }
    if (reason) copy.statusReason = { text: reason };
  }
  return copy as R;
}

/** Units offered when the dose on record has none (UCUM codes). */
export const UNIT_CHOICES: ReadonlyArray<{ code: string }> = [
  { code: 'mg' },
  { code: 'ug' },
  { code: 'g' },
  { code: 'mL' },
  { code: '[iU]' },
  { code: 'mmol' },
  { code: '{tbl}' },
  { code: '{capsule}' },
  { code: '{puff}' },
  { code: '[drp]' },
  { code: '{patch}' },
];

/** How a unit reads beside an amount: "mg", "tablets". */
export function unitLabel(unit: Pick<Quantity, 'unit' | 'code'> | undefined, value = 1): string {
  const words = unitWords(unit?.code, unit?.unit);
  return words ? unitFor(value, words) : '';
}

export type DoseProblem = keyof typeof m.problem;

/**
 * Reads the dose a clinician typed. Commas are refused rather than guessed
 * at: "1,5" is one and a half in much of Europe and fifteen to a parser.
 */
export function readDose(
  text: string,
  unitCode: string | undefined,
  editable: EditableDose,
): Quantity | DoseProblem {
  const typed = text.trim();
  if (!typed) return 'empty';
  if (typed.includes(',')) return 'comma';
  if (!/^(\d+\.?\d*|\.\d+)$/.test(typed)) return 'notNumber';
  const value = Number(typed);
  if (!(value > 0) || !Number.isFinite(value)) return 'notPositive';
  const unit =
    editable.unit ??
    (unitCode ? { unit: unitLabel({ code: unitCode }), system: UCUM, code: unitCode } : undefined);
  if (!unit) return 'noUnit';
  const current = editable.current;
  if (current?.value === value && current.code === unit.code && current.unit === unit.unit)
    return 'same';
  return Object.fromEntries(
    Object.entries({ value, ...unit }).filter(([, v]) => v !== undefined),
  ) as Quantity;
}
