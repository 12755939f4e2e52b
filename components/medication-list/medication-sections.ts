import { inConflict, type ChartRecord, type Medication } from '../../model/index.js';

// Which section a medication is listed in, by its FHIR status
// (MedicationRequest and MedicationStatement share most codes).
// draft and intended are in a section of their own, "Not started": listed
// under Active they would read as being given, under Past as finished.
// unknown stays under Active with its status spelled out: a drug that may be
// given must not be out of sight. entered-in-error is not listed at all.

export type SectionId = 'active' | 'not-started' | 'on-hold' | 'past';

/** In the order they are shown, which is also the order of precedence in a conflict. */
export const SECTIONS: readonly SectionId[] = ['active', 'not-started', 'on-hold', 'past'];

const SECTION_OF_STATUS: Record<string, SectionId> = {
  active: 'active',
  unknown: 'active',
  draft: 'not-started',
  intended: 'not-started',
  'on-hold': 'on-hold',
  completed: 'past',
  stopped: 'past',
  cancelled: 'past',
  'not-taken': 'past',
};

export function sectionOfStatus(status: string): SectionId | undefined {
  return Object.hasOwn(SECTION_OF_STATUS, status) ? SECTION_OF_STATUS[status] : undefined;
}

/**
 * The section of a record. In a conflict the heads may disagree (one
 * stopped, one active): the record goes where the most current head would,
 * so a drug that may still be given is never filed under Past.
 */
export function sectionOf(record: ChartRecord<Medication>): SectionId | undefined {
  const sections = record.heads
    .map((head) => sectionOfStatus(head.resource.status))
    .filter((s): s is SectionId => !!s);
  return SECTIONS.find((section) => sections.includes(section));
}

/** The records of each section, in the order the store gave them. */
export function groupBySection(
  records: ReadonlyArray<ChartRecord<Medication>>,
): Record<SectionId, Array<ChartRecord<Medication>>> {
  const groups: Record<SectionId, Array<ChartRecord<Medication>>> = {
    active: [],
    'not-started': [],
    'on-hold': [],
    past: [],
  };
  for (const record of records) {
    const section = sectionOf(record);
    if (section) groups[section].push(record);
  }
  return groups;
}

/** Dose changes and discontinuing are offered for these sections only. */
export function isChangeable(section: SectionId): boolean {
  return section === 'active' || section === 'on-hold';
}

/** When the medication started: the dosage's bounds, else when it was prescribed; for a statement, its effective time. */
export function startOf(medication: Medication): string | undefined {
  if (medication.resourceType === 'MedicationStatement')
    return medication.effectivePeriod?.start ?? medication.effectiveDateTime;
  return (
    medication.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.start ?? medication.authoredOn
  );
}

/** When it ended or is to end, where the resource says. */
export function endOf(medication: Medication): string | undefined {
  if (medication.resourceType === 'MedicationStatement') return medication.effectivePeriod?.end;
  return medication.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.end;
}

/**
 * Who prescribed it (or, for a statement, who said so), as people read it:
 * the display, else the identifier. A bare reference ("Practitioner/03dfaa2f-…")
 * names no one a clinician would know, and is not shown.
 */
export function prescriberOf(medication: Medication): string | undefined {
  const who =
    medication.resourceType === 'MedicationRequest'
      ? medication.requester
      : medication.informationSource;
  return who?.display?.trim() || who?.identifier?.value?.trim() || undefined;
}

/** What the list shows of the store's answer: its sections, how many it lists and how many are in conflict, and each record by key. */
export interface MedicationSections {
  groups: Record<SectionId, Array<ChartRecord<Medication>>>;
  listed: number;
  conflicts: number;
  /** Keyed by string: a key read back from the page is not typed. */
  byKey: ReadonlyMap<string, ChartRecord<Medication>>;
}

export function medicationSections(
  records: ReadonlyArray<ChartRecord<Medication>>,
): MedicationSections {
  const groups = groupBySection(records);
  const shown = SECTIONS.flatMap((id) => groups[id]);
  return {
    groups,
    listed: shown.length,
    conflicts: shown.filter(inConflict).length,
    byKey: new Map(records.map((record) => [record.key, record])),
  };
}
