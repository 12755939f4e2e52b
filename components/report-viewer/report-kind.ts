import type { DiagnosticReport } from '../../model/index.js';

// What kind of report a DiagnosticReport is, from its category codes.
//
// Sources:
// - HL7 v2 table 0074 "Diagnostic Service Section ID", the code system
//   FHIR R4 binds DiagnosticReport.category to by example
//   (http://terminology.hl7.org/CodeSystem/v2-0074): LAB Laboratory,
//   RAD Radiology, PAT Pathology (gross & histopath, not surgical),
//   SP Surgical Pathology, CP Cytopathology. Synthea's reports carry LAB.
// - US Core DiagnosticReport Category (hl7.org/fhir/us/core, LOINC parts):
//   LP29684-5 Radiology, LP7839-6 Pathology, as the US Core test kits
//   (inferno) query them.
// A category outside these is shown by its own name, without a kind.

export type ReportKind = 'laboratory' | 'radiology' | 'pathology';

const V2_0074 = 'http://terminology.hl7.org/CodeSystem/v2-0074';
const LOINC = 'http://loinc.org';

const KINDS: Record<string, Record<string, ReportKind>> = {
  [V2_0074]: {
    LAB: 'laboratory',
    RAD: 'radiology',
    PAT: 'pathology',
    SP: 'pathology',
    CP: 'pathology',
  },
  [LOINC]: { 'LP29684-5': 'radiology', 'LP7839-6': 'pathology' },
};

export function reportKind(report: DiagnosticReport): ReportKind | undefined {
  for (const concept of report.category ?? [])
    for (const coding of concept.coding ?? []) {
      const kind = KINDS[coding.system ?? '']?.[coding.code ?? ''];
      if (kind) return kind;
    }
  return undefined;
}
