// All the medication-safety checks for one new medication against the
// largest Synthea chart (Fletcher Hyatt: 122 medication requests, 8 active),
// as a recording form asks for them while a drug is entered: checkMedication
// with the chart's allergies and medications (clinical/medication-safety/).
// Fletcher Hyatt has no allergy records, so five are added (penicillin V,
// aspirin, SNOMED "allergy to penicillin", latex, and a "no known drug
// allergy" assertion) so that every rule runs.
//
// Two subjects, each one call per sample, so that the p95 is the p95 of a
// call:
//   cold   the chart's resources are fresh copies each time (nothing read
//          before: every medication's ingredients are read in the call);
//   warm   the same resource objects each time, as a form that re-checks a
//          draft against the chart it holds (readings are memoised per object).
// The new medication is a fresh object every call (clarithromycin, read from
// its RxNorm name: it interacts with the active simvastatin).
//
// Baseline: a plain loop over the same 122 medications that looks each one's
// first RxNorm code up in a Map of the kit's drug table, measured in the same
// run, alternating with the subject. Rows report the p95 (value and
// baseline are p95s); the budget is a p95 under 5 ms, in the notes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkMedication } from '../../clinical/index.js';
import { RXNORM_DRUG_INGREDIENTS } from '../../clinical/data/rxnorm-drugs.js';
import { readBundle } from '../../model/bundle-reader.js';
import type { AllergyIntolerance, FhirResource, MedicationRequest } from '../../model/index.js';
import { ALLERGY_CLINICAL, RXNORM, SNOMED } from '../../model/index.js';
import { consume, summarise, type BenchResult } from '../harness/index.js';
import { fixturesDir } from '../runner/fixtures-plugin.js';

const SAMPLES = 201;
const WARMUP = 20;
const BUDGET_MS = 5;

function fletcherHyatt(): MedicationRequest[] {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const dir = path.join(fixturesDir(root), 'synthea');
  const file = path.join(dir, 'Fletcher_Hyatt_fe0562b5-f517-4951-8366-32fdab088930.json');
  const result = readBundle(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error('Fletcher Hyatt bundle does not read');
  return result.resources.filter(
    (r: FhirResource): r is MedicationRequest => r.resourceType === 'MedicationRequest',
  );
}

function allergy(system: string, code: string, display: string): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id: `bench-${code}`,
    patient: { reference: 'Patient/fletcher' },
    clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: 'active' }] },
    category: ['medication'],
    criticality: 'high',
    code: { coding: [{ system, code, display }] },
  };
}

const ALLERGIES: AllergyIntolerance[] = [
  allergy(RXNORM, '7984', 'Penicillin V'),
  allergy(RXNORM, '1191', 'Aspirin'),
  allergy(SNOMED, '91936005', 'Allergy to penicillin'),
  allergy(SNOMED, '300916003', 'Latex allergy'),
  allergy(SNOMED, '409137002', 'No known drug allergy'),
];

function newMedication(): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/fletcher' },
    medicationCodeableConcept: {
      coding: [{ system: RXNORM, code: 'draft', display: 'Clarithromycin 500 MG Oral Tablet' }],
    },
  };
}

const table = new Map(Object.entries(RXNORM_DRUG_INGREDIENTS));
function baseline(medications: readonly MedicationRequest[]): number {
  let found = 0;
  for (const m of medications) {
    const code = m.medicationCodeableConcept?.coding?.find((c) => c.system === RXNORM)?.code;
    if (code && table.has(code)) found += table.get(code)!.length;
  }
  return found;
}

function time(fn: () => unknown): number {
  const start = performance.now();
  consume(fn());
  return performance.now() - start;
}

function row(
  name: string,
  subject: number[],
  base: number[],
  notes: Record<string, number | string>,
): BenchResult {
  const s = summarise(subject);
  const b = summarise(base);
  return {
    name,
    value: s.p95,
    unit: 'ms p95',
    baseline: b.p95,
    ratio: s.p95 / b.p95,
    spread: { p25: s.p25, p75: s.p75, min: s.min, max: s.max },
    samples: s.n,
    notes: {
      ...notes,
      'median ms': Number(s.median.toFixed(3)),
      'baseline median ms': Number(b.median.toFixed(4)),
      'budget p95 ms': BUDGET_MS,
      'within budget': s.p95 < BUDGET_MS ? 'yes' : 'NO',
    },
  };
}

export default async function medicationChecks(): Promise<BenchResult[]> {
  const medications = fletcherHyatt();
  const active = medications.filter((m) => m.status === 'active').length;
  const cardsFound = checkMedication({
    medication: newMedication(),
    allergies: ALLERGIES,
    medications,
  });
  if (!cardsFound.some((c) => c.indicator === 'critical'))
    throw new Error('the checks found no critical card: the subject is not doing its work');
  const notes = {
    'medication requests': medications.length,
    active,
    allergies: ALLERGIES.length,
    cards: cardsFound.length,
  };

  const results: BenchResult[] = [];
  for (const kind of ['cold', 'warm'] as const) {
    const subject: number[] = [];
    const base: number[] = [];
    const sample = () => {
      const chart = kind === 'cold' ? medications.map((m) => ({ ...m })) : medications;
      const allergies = kind === 'cold' ? ALLERGIES.map((a) => ({ ...a })) : ALLERGIES;
      const medication = newMedication();
      return () => checkMedication({ medication, allergies, medications: chart });
    };
    for (let i = 0; i < WARMUP; i++) {
      consume(sample()());
      consume(baseline(medications));
    }
    for (let i = 0; i < SAMPLES; i++) {
      const run = sample();
      if (i % 2 === 0) {
        base.push(time(() => baseline(medications)));
        subject.push(time(run));
      } else {
        subject.push(time(run));
        base.push(time(() => baseline(medications)));
      }
    }
    results.push(row(`medication-checks.${kind}`, subject, base, notes));
  }
  return results;
}
