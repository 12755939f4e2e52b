import { css } from 'lit';
import { token } from '../shared/tokens.js';

// Public `--emr-allergy-banner-*` properties feed private `--_*` ones, each
// falling back to a clinical or global token. Nothing is truncated: long
// names wrap, at any width.
export const styles = css`
  :host {
    --_background: var(--emr-allergy-banner-background, ${token('--emr-color-surface')});
    --_text: var(--emr-allergy-banner-text-color, ${token('--emr-color-text')});
    --_border: var(--emr-allergy-banner-border-color, ${token('--emr-color-border')});
    --_radius: var(--emr-allergy-banner-radius, ${token('--emr-radius-md')});
    --_padding: var(--emr-allergy-banner-padding, ${token('--emr-space-md')});
    --_gap: var(--emr-allergy-banner-gap, ${token('--emr-space-sm')});
    --_high: var(--emr-allergy-banner-high-color, ${token('--emr-color-severity-high')});
    --_moderate: var(
      --emr-allergy-banner-moderate-color,
      ${token('--emr-color-severity-moderate')}
    );
    --_conflict: var(--emr-allergy-banner-conflict-color, ${token('--emr-color-conflict')});
    --_focus: var(--emr-allergy-banner-focus-color, ${token('--emr-color-focus')});
  }

  .banner {
    --_accent: var(--emr-allergy-banner-pending-color, ${token('--emr-color-pending')});
    box-sizing: border-box;
    max-width: 100%;
    padding: var(--_padding);
    border: 1px solid var(--_border);
    border-inline-start: 0.375rem solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  .banner.known {
    --_accent: var(--emr-allergy-banner-known-color, ${token('--emr-color-severity-high')});
  }
  .banner.no-known-allergies {
    --_accent: var(--emr-allergy-banner-no-known-color, ${token('--emr-color-normal')});
  }
  /* Not confirmed: never the accent or the data text style of a confirmed "none" (NHS CUI PAB-0068, PAB-0071). */
  .banner.no-known-allergies.unconfirmed {
    --_accent: var(
      --emr-allergy-banner-no-known-unconfirmed-color,
      ${token('--emr-color-warning')}
    );
  }
  .banner.unconfirmed .state {
    font-weight: normal;
    font-style: italic;
  }
  .banner.not-recorded {
    --_accent: var(--emr-allergy-banner-not-recorded-color, ${token('--emr-color-warning')});
  }
  .banner.unavailable {
    --_accent: var(--emr-allergy-banner-unavailable-color, ${token('--emr-color-critical')});
  }

  p,
  ul {
    margin: 0;
  }
  ul {
    padding: 0;
    list-style: none;
  }

  .summary,
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_gap);
  }
  .summary > *,
  .line > *,
  .top > * {
    min-width: 0;
  }
  .top {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_gap);
    min-width: 0;
  }
  .icon {
    color: var(--_accent);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .badge .icon {
    color: inherit;
    margin-inline-end: ${token('--emr-space-xs')};
  }
  .state {
    font-weight: ${token('--emr-font-weight-bold')};
  }

  .body {
    margin-block-start: var(--_gap);
  }
  .body[hidden] {
    display: none;
  }
  .entries {
    display: grid;
    gap: var(--_gap);
  }
  .entry {
    display: grid;
    gap: ${token('--emr-space-xs')};
    padding-block-start: var(--_gap);
    border-block-start: 1px solid var(--_border);
  }
  .details {
    display: block;
    font-size: ${token('--emr-font-size-sm')};
  }
  .detail + .detail::before {
    content: '·' / '';
    margin-inline-end: ${token('--emr-space-xs')};
  }

  .badge,
  .tag {
    font-size: ${token('--emr-font-size-sm')};
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .badge.high,
  .severity.severe {
    color: var(--_high);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .severity.moderate {
    color: var(--_moderate);
  }
  .tag {
    padding-inline: ${token('--emr-space-xs')};
    border: 1px dashed currentColor;
    border-radius: ${token('--emr-radius-sm')};
  }

  .flag {
    font-size: ${token('--emr-font-size-sm')};
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .conflict-flag,
  .conflict-title {
    color: var(--_conflict);
  }
  .conflict-flag .icon,
  .conflict-title .icon {
    color: inherit;
    margin-inline-end: ${token('--emr-space-xs')};
  }
  .conflict {
    display: grid;
    gap: ${token('--emr-space-xs')};
    justify-items: start;
    padding: var(--_gap);
    border: 1px solid var(--_conflict);
    border-radius: var(--_radius);
    font-size: ${token('--emr-font-size-sm')};
  }
  .conflict-title {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .value {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .others-title {
    margin-block-start: var(--_gap);
    font-weight: ${token('--emr-font-weight-bold')};
  }

  /* An allergy's name is a quiet button: it asks the host to open the allergy, it goes nowhere. */
  button.name {
    padding-inline: ${token('--emr-space-xs')};
    border-radius: ${token('--emr-radius-sm')};
    font-weight: ${token('--emr-font-weight-bold')};
    overflow-wrap: anywhere;
  }
  .toggle,
  .review {
    padding-block: 0;
    font-size: ${token('--emr-font-size-sm')};
  }

  /*
   * Windows high contrast replaces every colour above with the user's system
   * colours, so each meaning shown by colour is shown here by a system colour
   * pair or a border style as well: known allergies by a Highlight accent; an
   * unconfirmed "none" (like "not recorded") by a dashed accent, never the
   * solid one of a confirmed "none"; unavailable by a double one; high
   * criticality and severe reactions marked (Mark/MarkText), moderate ones
   * outlined, mild ones plain; conflicts framed in Highlight.
   */
  @media (forced-colors: active) {
    .banner {
      border-color: CanvasText;
    }
    .banner.known {
      border-inline-start-color: Highlight;
    }
    .banner.no-known-allergies.unconfirmed,
    .banner.not-recorded {
      border-inline-start-style: dashed;
    }
    .banner.unavailable {
      border-inline-start-style: double;
    }
    .icon {
      color: inherit;
    }
    .badge.high,
    .severity.severe {
      forced-color-adjust: none;
      padding-inline: ${token('--emr-space-xs')};
      background: Mark;
      color: MarkText;
    }
    .severity.moderate {
      padding-inline: ${token('--emr-space-xs')};
      outline: 1px solid CanvasText;
    }
    .tag {
      border-color: CanvasText;
    }
    .conflict {
      border: 2px solid Highlight;
    }
    .conflict-flag,
    .conflict-title {
      color: Highlight;
    }
  }

  /* Paper has no disclosure: every allergy is printed, whatever the layout, and no control. */
  @media print {
    .body[hidden] {
      display: block;
    }
    .toggle,
    .review {
      display: none;
    }
    button.name {
      padding: 0;
      margin: 0;
      border: none;
    }
  }
`;
