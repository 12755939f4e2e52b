import type { CardIndicator } from '../../model/index.js';

// Every text <emr-cds-cards> shows, in one place for translation.

const alerts = (count: number) => (count === 1 ? '1 alert' : `${count} alerts`);

export const cdsCardsMessages = {
  label: 'Decision support',
  indicator: {
    critical: 'Critical',
    warning: 'Warning',
    info: 'Information',
  } satisfies Record<CardIndicator, string>,
  /** A group's heading: "Critical (2)". */
  group: (indicator: string, count: number) => `${indicator} (${count})`,
  /** The count at the top: "3 alerts: 1 critical, 1 warning, 1 information". */
  count: (total: number, parts: string[]) => `${alerts(total)}: ${parts.join(', ')}`,
  countPart: { critical: 'critical', warning: 'warning', info: 'information' } satisfies Record<
    CardIndicator,
    string
  >,
  pending: 'Checking…',
  /** Cards were never given: nothing was checked yet. */
  notChecked: 'Not checked yet.',
  /** Checked, and nothing found. */
  noAlerts: 'No alerts: the checks found nothing to warn about.',
  /** Nothing found, but notes say something about the checking: not an all-clear. */
  noAlertsWithNotes: 'No alerts from the checks that ran. Read the notes below.',
  notesLabel: 'About these checks',
  /** "Source: Penicillin allergy rule". */
  source: 'Source:',
  /** A hospital service's card: whose it is. */
  fromService: (title: string) => `from the hospital service “${title}”`,
  linksLabel: 'More information',
  /** A link that opens in a new tab. */
  newTab: '(opens in a new tab)',
  smartLink: (label: string) => `Open app: ${label}`,
  suggestionsLabel: 'Suggestions',
  recommended: 'recommended',
  accepted: 'Accepted',
  /** The override form. */
  reasonRequired: 'Reason for going ahead (required)',
  reasonOptional: 'Reason (optional)',
  comment: 'Comment (optional)',
  override: 'Override',
  acknowledge: 'Acknowledge',
  chooseReason: 'Choose a reason before overriding this alert.',
  /** Shown once a card is overridden: "Overridden: Assessed patient…". */
  overridden: (reason: string) => `Overridden: ${reason}`,
  acknowledged: (reason: string) => `Acknowledged: ${reason}`,
  commentSaid: (comment: string) => `Comment: ${comment}`,
  /** The kit's default reasons (HL7 v3 ActCode), in words for clinicians. */
  reason: {
    '1': 'Therapy is appropriate (acknowledged without a specific reason)',
    '2': 'Assessed the patient: the therapy is appropriate',
    '22': 'The patient has the indication or diagnosis for it',
    '3': 'The patient gave an adequate explanation',
    '7': 'The interacting therapy is no longer active or planned',
    '9': 'Will monitor the patient for adverse effects',
    '5': 'Consulted the prescriber: therapy confirmed',
    '8': 'Other action taken to lessen the risk (say which in the comment)',
  } as Record<string, string>,
  /** Announced politely when an answer arrives after "Checking…". */
  announceNone: 'Checked: no alerts',
  announce: (count: string) => `Checked: ${count}`,
};
