import type { ChartStoreErrorCode } from '../../model/index.js';
import { deliveryNoteMessages } from '../shared/delivery-note.messages.js';
import { formatClock, formatTime } from '../shared/format-time.js';
import {
  allergyMessages,
  listInWords,
  type AllergyEntry,
  type HeadKind,
} from '../../clinical/index.js';

// Every text <emr-allergy-banner> shows, in one place for translation. The
// four state labels and the clinical words come from clinical/ (the NHS CUI
// Patient Banner wording); these are the banner's own.

type Category = AllergyEntry['categories'][number];
type Criticality = NonNullable<AllergyEntry['criticality']>;
type Severity = NonNullable<AllergyEntry['worstSeverity']>;

/** Why the banner cannot say what the chart holds. */
export type UnavailableReason =
  ChartStoreErrorCode | 'not-connected' | 'not-on-device' | 'importing';

/** The fields of two heads in conflict that the banner compares. */
export type ConflictField =
  'label' | 'kind' | 'criticality' | 'worstSeverity' | 'verification' | 'categories' | 'reactions';

export const bannerMessages = {
  /** The locale dates and times are written in. */
  dateLocale: 'en-GB',
  state: allergyMessages.state,
  pending: 'Checking allergies…',
  /** "Known allergies (3)". */
  known: (count: number) => `${allergyMessages.state.known} (${count})`,
  more: (count: number) => `and ${count} more`,
  show: (count: number) => (count > 1 ? `Show all ${count}` : 'Show details'),
  hide: 'Hide details',

  category: {
    medication: 'Medication',
    food: 'Food',
    environment: 'Environment',
    biologic: 'Biologic',
  } satisfies Record<Category, string>,
  criticality: {
    high: 'High criticality',
    low: 'Low criticality',
    'unable-to-assess': 'Criticality unable to assess',
  } satisfies Record<Criticality, string>,
  severity: {
    severe: 'Severe reaction',
    moderate: 'Moderate reaction',
    mild: 'Mild reaction',
  } satisfies Record<Severity, string>,
  reactions: (names: readonly string[]) => `Reactions: ${listInWords(names)}`,
  unconfirmed: 'Unconfirmed',

  contradiction: allergyMessages.contradiction,
  alsoRecorded: (label: string) => `Also recorded: ${label}`,

  unavailable: {
    advice: 'Check allergies from another source before prescribing or giving medicines.',
    'not-connected': 'No chart is connected.',
    'not-on-device': 'This patient’s chart is not on this device yet.',
    importing: 'This patient’s chart is being loaded onto this device.',
    unavailable: 'This device’s chart storage cannot be read.',
    blocked: 'The chart is open in an older version in another tab: close it, then reload.',
    'version-change': 'The chart was updated in another tab: reload this page.',
    'quota-exceeded': 'This device is out of storage space.',
    closed: 'The chart was closed.',
    invalid: 'The chart could not be read.',
    stale: 'The chart could not be read.',
    'not-found': 'The chart could not be read.',
    'read-only': 'The chart could not be read.',
  } satisfies Record<UnavailableReason | 'advice', string>,

  conflict: {
    flag: 'Conflicting records',
    heading: 'Conflicting records:',
    review: 'Review conflict',
    others: 'Other allergy records in conflict',
    /** When the heads differ only in what the banner does not show. */
    elsewhere: 'versions differ in details not shown here',
    field: {
      label: 'substance',
      kind: 'status',
      criticality: 'criticality',
      worstSeverity: 'reaction severity',
      verification: 'verification',
      categories: 'category',
      reactions: 'reactions',
    } satisfies Record<ConflictField, string>,
    kind: {
      allergy: 'current allergy',
      inactive: 'inactive',
      refuted: 'refuted',
      'entered-in-error': 'entered in error',
      'no-known': 'no known allergy',
      'no-known-retired': 'no known allergy, not current',
    } satisfies Record<HeadKind, string>,
    criticality: {
      high: 'high',
      low: 'low',
      'unable-to-assess': 'unable to assess',
    } satisfies Record<Criticality, string>,
    notRecorded: 'not recorded',
    author: (name: string) => name || 'unknown author',
  },

  /** The time alone on the day it happened, the date as well otherwise. */
  when(at: string, now = new Date()): string {
    const date = new Date(at);
    if (Number.isNaN(date.getTime())) return 'time not recorded';
    return date.toDateString() === now.toDateString()
      ? formatClock(date, bannerMessages.dateLocale)
      : formatTime(at, bannerMessages.dateLocale);
  },

  /** For the polite live region: allergies that arrived while the banner was shown. */
  announce(labels: readonly string[]): string {
    return labels.length === 1
      ? `New allergy recorded: ${labels[0]}`
      : `${labels.length} new allergies recorded: ${listInWords(labels)}`;
  },
  /** Where an allergy stands with the hospital record (not said once it is sent). */
  delivery: deliveryNoteMessages,
};
