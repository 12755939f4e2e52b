// How far back the table and the trend look, counted from the newest result
// shown (a chart's last results may be years old).

export type LabSpan = 'week' | 'month' | 'year' | 'five-years' | 'all';
export const LAB_SPANS: readonly LabSpan[] = ['week', 'month', 'year', 'five-years', 'all'];

const DAY = 86_400_000;
const SPAN_MS: Record<LabSpan, number> = {
  week: 7 * DAY,
  month: 31 * DAY,
  year: 366 * DAY,
  'five-years': 5 * 366 * DAY,
  all: Infinity,
};

/** Whether `time` lies within `span` back from `newest`. */
export function withinSpan(time: string, newest: string, span: LabSpan): boolean {
  if (span === 'all') return true;
  return Date.parse(newest) - Date.parse(time) <= SPAN_MS[span];
}
