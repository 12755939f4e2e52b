import { css } from 'lit';
import { token } from '../shared/tokens.js';

// Public `--emr-cds-cards-*` properties feed private `--_*` ones, each falling
// back to a clinical or global token. Urgency is never told by colour alone:
// every card says it in words, with an icon, and critical cards have a
// thicker rule.
export const styles = css`
  :host {
    display: block;
    --_gap: var(--emr-cds-cards-gap, ${token('--emr-space-md')});
    --_critical: var(--emr-cds-cards-critical-color, ${token('--emr-color-critical')});
    --_warning: var(--emr-cds-cards-warning-color, ${token('--emr-color-severity-moderate')});
    --_info: var(--emr-cds-cards-info-color, ${token('--emr-color-info')});
  }
  .cards,
  .group,
  .card-list {
    display: grid;
    gap: var(--_gap);
  }
  p,
  ul,
  ol,
  h3 {
    margin: 0;
  }
  .card-list,
  .notes,
  .links,
  .suggestions {
    padding: 0;
    list-style: none;
  }
  .group-heading {
    font-size: ${token('--emr-font-size-md')};
  }
  .count,
  .pending,
  .empty,
  .notes {
    color: ${token('--emr-color-text-muted')};
  }
  .count {
    font-weight: ${token('--emr-font-weight-bold')};
    color: inherit;
  }
  .notes li {
    padding-inline-start: ${token('--emr-space-sm')};
    border-inline-start: 3px solid ${token('--emr-color-border')};
  }
  .empty {
    padding: ${token('--emr-space-sm')} ${token('--emr-space-md')};
    border: 1px dashed ${token('--emr-color-border')};
    border-radius: ${token('--emr-radius-md')};
  }
  .empty.clear {
    border-style: solid;
  }
  .card {
    --_accent: var(--_info);
    display: grid;
    gap: ${token('--emr-space-sm')};
    padding: ${token('--emr-space-md')};
    border: 1px solid ${token('--emr-color-border')};
    border-inline-start: 4px solid var(--_accent);
    border-radius: ${token('--emr-radius-md')};
    background: ${token('--emr-color-surface')};
    overflow-wrap: anywhere;
  }
  .card.warning {
    --_accent: var(--_warning);
  }
  .card.critical {
    --_accent: var(--_critical);
    border-inline-start-width: 8px;
  }
  .indicator {
    display: flex;
    gap: ${token('--emr-space-xs')};
    align-items: baseline;
    color: var(--_accent);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .summary {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .detail {
    display: grid;
    gap: ${token('--emr-space-xs')};
  }
  .detail :is(ul, ol) {
    padding-inline-start: ${token('--emr-space-xl')};
  }
  .source {
    font-size: ${token('--emr-font-size-sm')};
    color: ${token('--emr-color-text-muted')};
  }
  .links,
  .suggestions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('--emr-space-sm')};
  }
  .accepted,
  .resolved {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .override {
    display: grid;
    gap: ${token('--emr-space-sm')};
    justify-items: start;
  }
  fieldset {
    display: grid;
    gap: ${token('--emr-space-xs')};
    margin: 0;
    padding: ${token('--emr-space-sm')};
    border: 1px solid ${token('--emr-color-border')};
    border-radius: ${token('--emr-radius-sm')};
  }
  fieldset[aria-invalid='true'] {
    border: 2px solid ${token('--emr-color-danger')};
  }
  .reason,
  .comment {
    display: flex;
    gap: ${token('--emr-space-xs')};
    align-items: baseline;
  }
  .comment {
    flex-direction: column;
    align-items: stretch;
    inline-size: 100%;
  }
  .error {
    color: ${token('--emr-color-danger')};
    font-weight: ${token('--emr-font-weight-bold')};
  }
  /*
   * High contrast: the accent rule in the system's text colour, solid for
   * critical (and thicker), dashed for warning, dotted for information; a
   * critical card's urgency marked (Mark/MarkText).
   */
  @media (forced-colors: active) {
    .card {
      border-inline-start-color: CanvasText;
    }
    .card.warning {
      border-inline-start-style: dashed;
    }
    .card.info {
      border-inline-start-style: dotted;
    }
    .indicator {
      color: inherit;
    }
    .card.critical .indicator {
      forced-color-adjust: none;
      justify-self: start;
      padding-inline: ${token('--emr-space-xs')};
      background: Mark;
      color: MarkText;
    }
    fieldset[aria-invalid='true'] {
      border: 3px double CanvasText;
    }
  }
`;
