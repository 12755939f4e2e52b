import {
  acvpuAnswer,
  checkPlausible,
  cleanNumber,
  VITAL_SIGNS,
  type Acvpu,
  type VitalSignId,
} from '../../clinical/index.js';
import {
  LOINC,
  OBSERVATION_CATEGORY,
  UCUM,
  type CodeableConcept,
  type Observation,
  type ObservationComponent,
} from '../../model/index.js';

// A set of vital signs typed into the form, as FHIR R4 vital-sign
// Observations (the HL7 vital signs profile): LOINC codes, UCUM units,
// category vital-signs, the patient as subject, one time for the whole set.

/** The numbers the form takes, each in its sign's own unit. */
export type EntrySign =
  | 'respiratory-rate'
  | 'oxygen-saturation'
  | 'inhaled-oxygen-flow'
  | 'systolic-bp'
  | 'diastolic-bp'
  | 'heart-rate'
  | 'temperature'
  | 'weight'
  | 'height';

export interface VitalsEntry {
  values: Partial<Record<EntrySign, number>>;
  /** Supplemental oxygen (with its flow in `values`), or air; undefined when not recorded. */
  onOxygen?: boolean;
  consciousness?: Acvpu;
}

const LOINC_OF: Record<
  Exclude<EntrySign, 'systolic-bp' | 'diastolic-bp'> | 'bmi',
  { code: string; display: string }
> = {
  'respiratory-rate': { code: '9279-1', display: 'Respiratory rate' },
  'oxygen-saturation': {
    code: '59408-5',
    display: 'Oxygen saturation in Arterial blood by Pulse oximetry',
  },
  'inhaled-oxygen-flow': { code: '3151-8', display: 'Inhaled oxygen flow rate' },
  'heart-rate': { code: '8867-4', display: 'Heart rate' },
  temperature: { code: '8310-5', display: 'Body temperature' },
  weight: { code: '29463-7', display: 'Body weight' },
  height: { code: '8302-2', display: 'Body height' },
  bmi: { code: '39156-5', display: 'Body mass index (BMI) [Ratio]' },
};
/** The vital signs profile asks for the general SpO₂ code beside the pulse oximetry one. */
const SPO2_GENERAL = { code: '2708-6', display: 'Oxygen saturation in Arterial blood' };
const PANEL = { code: '85354-9', display: 'Blood pressure panel with all children optional' };
const SYSTOLIC = { code: '8480-6', display: 'Systolic blood pressure' };
const DIASTOLIC = { code: '8462-4', display: 'Diastolic blood pressure' };
const OXYGEN_CONCENTRATION = { code: '3150-0', display: 'Inhaled oxygen concentration' };
/** Room air, as an inspired oxygen concentration. */
const ROOM_AIR_PERCENT = 21;
const RESPONSIVENESS = { code: '67775-7', display: 'Level of responsiveness' };

const concept = (...codes: Array<{ code: string; display: string }>) => ({
  coding: codes.map((c) => ({ system: LOINC, ...c })),
  text: codes[0]!.display,
});

const quantity = (id: VitalSignId, value: number) => ({
  value,
  unit: VITAL_SIGNS[id].displayUnit!,
  system: UCUM,
  code: VITAL_SIGNS[id].unit!,
});

/** The observations of one set, each with a new id; BMI is derived when weight and height are both given. */
export function vitalsObservations(
  entry: VitalsEntry,
  patientId: string,
  effectiveDateTime: string,
  newId: () => string = () => crypto.randomUUID(),
): Observation[] {
  const observation = (code: CodeableConcept, value: Partial<Observation>): Observation => ({
    resourceType: 'Observation',
    id: newId(),
    status: 'final',
    category: [
      {
        coding: [{ system: OBSERVATION_CATEGORY, code: 'vital-signs', display: 'Vital Signs' }],
        text: 'Vital Signs',
      },
    ],
    code,
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime,
    ...value,
  });
  const measured = (
    id: keyof typeof LOINC_OF,
    value: number,
    codes = [LOINC_OF[id]],
  ): Observation => observation(concept(...codes), { valueQuantity: quantity(id, value) });
  const { values } = entry;
  const out: Observation[] = [];

  if (values['respiratory-rate'] !== undefined)
    out.push(measured('respiratory-rate', values['respiratory-rate']));
  if (values['oxygen-saturation'] !== undefined) {
    out.push(
      measured('oxygen-saturation', values['oxygen-saturation'], [
        LOINC_OF['oxygen-saturation'],
        SPO2_GENERAL,
      ]),
    );
  }
  if (entry.onOxygen === true && values['inhaled-oxygen-flow'] !== undefined) {
    out.push(measured('inhaled-oxygen-flow', values['inhaled-oxygen-flow']));
  } else if (entry.onOxygen === false) {
    out.push(
      observation(concept(OXYGEN_CONCENTRATION), {
        valueQuantity: quantity('inhaled-oxygen-concentration', ROOM_AIR_PERCENT),
      }),
    );
  }
  if (values['systolic-bp'] !== undefined && values['diastolic-bp'] !== undefined) {
    const component: ObservationComponent[] = [
      { code: concept(SYSTOLIC), valueQuantity: quantity('systolic-bp', values['systolic-bp']) },
      { code: concept(DIASTOLIC), valueQuantity: quantity('diastolic-bp', values['diastolic-bp']) },
    ];
    out.push(observation(concept(PANEL), { component }));
  }
  if (values['heart-rate'] !== undefined) out.push(measured('heart-rate', values['heart-rate']));
  if (entry.consciousness) {
    const level = entry.consciousness;
    out.push(
      observation(concept(RESPONSIVENESS), {
        valueCodeableConcept: acvpuAnswer(level),
      }),
    );
  }
  if (values.temperature !== undefined) out.push(measured('temperature', values.temperature));
  const weight = values.weight !== undefined ? measured('weight', values.weight) : undefined;
  const height = values.height !== undefined ? measured('height', values.height) : undefined;
  out.push(...[weight, height].filter((o): o is Observation => o !== undefined));
  if (weight && height) {
    const bmi = cleanNumber(values.weight! / (values.height! / 100) ** 2, VITAL_SIGNS.bmi.decimals);
    if (checkPlausible('bmi', bmi).ok) {
      out.push({
        ...measured('bmi', bmi),
        derivedFrom: [
          { reference: `Observation/${weight.id}` },
          { reference: `Observation/${height.id}` },
        ],
      });
    }
  }
  return out;
}
