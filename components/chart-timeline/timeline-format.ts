import { formatTime as formatIn } from '../shared/format-time.js';
import { chartTimelineMessages as m } from './chart-timeline.messages.js';

/** "12 Mar 2024, 14:05" in the page's time zone; a partial date ("2019-07-24") as a date alone. */
export const formatTime = (time: string): string => formatIn(time, m.dateLocale);
