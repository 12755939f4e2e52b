import type { TimelineKind } from '../../model/index.js';

// What a clinician can show or hide, and the zoom ranges: each filter stands
// for one or more kinds of entry the store knows.

export const TIMELINE_FILTERS = [
  'encounters',
  'notes',
  'labs',
  'imaging',
  'procedures',
  'immunizations',
  'medications',
  'allergies',
  'warnings',
  'vital-signs',
] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];

export const FILTER_KINDS: Record<TimelineFilter, readonly TimelineKind[]> = {
  encounters: ['Encounter'],
  notes: ['DocumentReference'],
  labs: ['DiagnosticReport'],
  imaging: ['ImagingStudy'],
  procedures: ['Procedure'],
  immunizations: ['Immunization'],
  medications: ['MedicationRequest', 'MedicationStatement'],
  allergies: ['AllergyIntolerance'],
  warnings: ['DetectedIssue'],
  'vital-signs': ['vital-signs'],
};

export const isTimelineFilter = (value: string): value is TimelineFilter =>
  (TIMELINE_FILTERS as readonly string[]).includes(value);

/** Space-separated filter names (the `show` attribute); unknown names are ignored, and an absent attribute shows everything. */
export function parseFilters(value: string | null): TimelineFilter[] {
  if (value === null) return [...TIMELINE_FILTERS];
  return TIMELINE_FILTERS.filter((filter) => value.split(/\s+/).includes(filter));
}

/** The kinds the store is asked for, encounters apart: they head their groups and have a query of their own. */
export function kindsOf(show: readonly TimelineFilter[]): TimelineKind[] {
  return show.filter((f) => f !== 'encounters').flatMap((f) => FILTER_KINDS[f]);
}

export const TIMELINE_ZOOMS = ['day', 'week', 'month', 'year', 'all'] as const;
export type TimelineZoom = (typeof TIMELINE_ZOOMS)[number];

const DAY = 86_400_000;
/** Span of each zoom, back from the newest event; `all` runs from the oldest. */
export const ZOOM_SPAN: Record<TimelineZoom, number | undefined> = {
  day: DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  year: 365 * DAY,
  all: undefined,
};

export const isTimelineZoom = (value: unknown): value is TimelineZoom =>
  (TIMELINE_ZOOMS as readonly unknown[]).includes(value);
