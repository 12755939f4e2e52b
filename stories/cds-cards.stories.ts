import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withCardOrigin, type Card } from '../model/index.js';
import '../components/cds-cards/emr-cds-cards.js';

// <emr-cds-cards> in each state. The cards are written here as a check or a
// hospital's CDS service would send them; in a page they come from the
// DecisionSupport a host builds (createDecisionSupport in emr-kit/ehr).

const meta: Meta = {
  title: 'Components/CDS cards',
  component: 'emr-cds-cards',
};
export default meta;

type Story = StoryObj;

const penicillin: Card = {
  uuid: 'story-penicillin',
  summary: 'Penicillin allergy recorded: amoxicillin is a penicillin',
  detail:
    'Recorded reaction: **anaphylaxis** (confirmed, high criticality).\n\n' +
    '- Choose an antibiotic of another class\n- Or give the reason for going ahead',
  indicator: 'critical',
  source: { label: 'Drug–allergy check (penicillins)' },
};

const renal: Card = withCardOrigin(
  {
    uuid: 'story-renal',
    summary: 'Renal dosing: check creatinine clearance before this dose',
    detail: 'Reduce the dose when *CrCl* is under 30 mL/min.',
    indicator: 'warning',
    source: { label: 'Hospital renal dosing rules', url: 'https://example.org/renal' },
    selectionBehavior: 'at-most-one',
    suggestions: [{ label: 'Halve the dose', uuid: 'story-halve', isRecommended: true }],
    overrideReasons: [
      {
        system: 'https://example.org/reasons',
        code: 'recent',
        display: 'Recent creatinine normal',
      },
    ],
    links: [
      { label: 'Dosing guide', url: 'https://example.org/guide', type: 'absolute' },
      { label: 'Dosing calculator', url: 'https://example.org/launch', type: 'smart' },
    ],
  },
  { serviceId: 'renal', title: 'Renal dosing', endpoint: 'https://example.org/cds-services/renal' },
);

const food: Card = {
  summary: 'Take with food to lessen stomach upset',
  indicator: 'info',
  source: { label: 'Counselling points' },
};

const story = (
  cards: Card[] | undefined,
  options: { notes?: string[]; pending?: boolean; readonly?: boolean } = {},
): Story => ({
  render: () =>
    html`<emr-cds-cards
      .cards=${cards}
      .notes=${options.notes ?? []}
      ?pending=${options.pending ?? false}
      ?readonly=${options.readonly ?? false}
    ></emr-cds-cards>`,
});

/** Nothing checked yet: `cards` not set. */
export const NotChecked = story(undefined);

/** A check under way: "Checking…" in a polite live region. */
export const Pending = story(undefined, { pending: true });

/** Checked, nothing found. */
export const NoAlerts = story([]);

/** Nothing found, but a service did not answer: never an all-clear. */
export const NoAlertsWithNotes = story([], {
  notes: [
    "The hospital's CDS service “Renal dosing” did not answer within 3 s: its alerts are not shown.",
  ],
});

/** A critical card: a reason is needed before Override. */
export const Critical = story([penicillin]);

/** A hospital service's warning: suggestion, links, its own reasons, Acknowledge. */
export const Warning = story([renal]);

/** Information only: nothing to resolve. */
export const Information = story([food]);

/** Many cards: a count at the top, critical first. */
export const Many = story([food, renal, penicillin, { ...food, summary: 'Avoid alcohol' }]);

/** A summary past the spec's 140 characters is shown whole. */
export const LongSummary = story([
  {
    ...penicillin,
    summary:
      'Penicillin allergy recorded with anaphylaxis in 2019 at another hospital: amoxicillin is a penicillin and the patient must not be given it without review',
  },
]);

/** Markup in a service's detail is shown as text, never run. */
export const UntrustedDetail = story([
  {
    ...food,
    detail:
      'Hello <script>alert(1)</script> <img src=x onerror="alert(1)"> [a link](javascript:alert(1))',
  },
]);

/** Cards and a note together. */
export const WithNotes = story([penicillin], {
  notes: [
    "The hospital's CDS service “Renal dosing” answered with an error (HTTP 500): its alerts are not shown.",
  ],
});

/** Read-only roles see the cards, no forms. */
export const ReadOnly = story([penicillin, renal], { readonly: true });
