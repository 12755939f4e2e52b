import { chartTimelineMessages as m } from './chart-timeline.messages.js';

const dateTime = new Intl.DateTimeFormat(m.dateLocale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat(m.dateLocale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "12 Mar 2024, 14:05" in the page's time zone; a partial date ("2019-07-24") as a date alone. */
export function formatTime(time: string): string {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) return time;
  return time.length <= 10 ? dateOnly.format(ms) : dateTime.format(ms);
}
