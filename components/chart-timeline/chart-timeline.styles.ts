import { css } from 'lit';
import { token } from '../shared/tokens.js';

// Public --emr-chart-timeline-* properties feed private --_ ones, each
// falling back to a kit token.
export const chartTimelineStyles = css`
  :host {
    --_height: var(--emr-chart-timeline-height, 32rem);
    --_border: var(--emr-chart-timeline-border-color, ${token('--emr-color-border')});
    --_surface: var(--emr-chart-timeline-background, ${token('--emr-color-surface')});
    --_group: var(--emr-chart-timeline-group-color, ${token('--emr-color-primary')});
    --_bar: var(--emr-chart-timeline-bar-color, ${token('--emr-color-primary')});
    --_current: var(--emr-chart-timeline-current-color, ${token('--emr-color-attention')});
    --_conflict: var(--emr-chart-timeline-conflict-color, ${token('--emr-color-conflict')});
    --_allergy: var(--emr-chart-timeline-allergy-color, ${token('--emr-color-severity-high')});
    --_abnormal: var(--emr-chart-timeline-abnormal-color, ${token('--emr-color-abnormal')});
    --_critical: var(--emr-chart-timeline-critical-color, ${token('--emr-color-critical')});
    --_padding: var(
      --emr-chart-timeline-row-padding,
      ${token('--emr-space-xs')} ${token('--emr-space-sm')}
    );
    container-type: inline-size;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('--emr-space-sm')} ${token('--emr-space-lg')};
    margin-block-end: ${token('--emr-space-sm')};
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('--emr-space-xs')} ${token('--emr-space-md')};
    margin: 0;
    padding: ${token('--emr-space-xs')} ${token('--emr-space-sm')};
    border: 1px solid var(--_border);
    border-radius: ${token('--emr-radius-md')};
    font-size: ${token('--emr-font-size-sm')};
  }
  .zoom {
    display: flex;
  }
  /* The zoom buttons as one segmented control. */
  .zoom button {
    border-radius: 0;
  }
  .zoom button:first-child {
    border-start-start-radius: ${token('--emr-radius-md')};
    border-end-start-radius: ${token('--emr-radius-md')};
  }
  .zoom button:last-child {
    border-start-end-radius: ${token('--emr-radius-md')};
    border-end-end-radius: ${token('--emr-radius-md')};
  }
  .zoom button + button {
    margin-inline-start: -1px;
  }
  /* The chosen range's frame over its neighbours'. */
  .zoom button[aria-pressed='true'] {
    position: relative;
  }
  .notice {
    margin: 0 0 ${token('--emr-space-sm')};
    padding: ${token('--emr-space-xs')} ${token('--emr-space-sm')};
    border-inline-start: 4px solid var(--_allergy);
    color: var(--_allergy);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .density {
    margin-block-end: ${token('--emr-space-sm')};
  }
  .bars {
    display: flex;
    align-items: end;
    gap: 2px;
    block-size: 3rem;
    border-block-end: 1px solid var(--_border);
  }
  .bar {
    flex: 1;
    display: flex;
    align-items: end;
    block-size: 100%;
    min-inline-size: 0.5rem;
    padding: 0;
    border: 0;
    border-radius: 0;
    background: none;
  }
  .bar:hover,
  .bar[aria-current] {
    background: ${token('--emr-color-surface-subtle')};
  }
  .fill {
    display: block;
    inline-size: 100%;
    background: var(--_bar);
  }
  .bar[aria-current] .fill {
    background: var(--_current);
  }
  .bar[aria-current] {
    box-shadow: inset 0 -3px 0 var(--_current);
  }
  .axis {
    display: flex;
    justify-content: space-between;
    color: ${token('--emr-color-text-muted')};
    font-size: ${token('--emr-font-size-sm')};
  }
  .jumped {
    display: flex;
    align-items: center;
    gap: ${token('--emr-space-sm')};
    margin: 0 0 ${token('--emr-space-sm')};
    color: ${token('--emr-color-text-muted')};
  }
  .list {
    display: block;
    position: relative;
    block-size: var(--_height);
    overflow: auto;
    /* The width rows are measured at does not change when the scrollbar comes. */
    scrollbar-gutter: stable;
    border: 1px solid var(--_border);
    border-radius: ${token('--emr-radius-md')};
    background: var(--_surface);
  }
  .row {
    inline-size: 100%;
    box-sizing: border-box;
    border-block-end: 1px solid ${token('--emr-color-surface-subtle')};
  }
  .row.level-1 {
    padding-inline-start: ${token('--emr-space-xl')};
    box-shadow: inset calc(${token('--emr-space-md')} + 2px) 0 0 -${token('--emr-space-md')}
      var(--_group);
  }
  .row.type-encounter {
    border-block-start: 2px solid var(--_group);
    background: ${token('--emr-color-surface-subtle')};
  }
  .entry {
    position: relative;
    display: grid;
    grid-template-columns: 11rem 9rem 1fr;
    column-gap: ${token('--emr-space-sm')};
    inline-size: 100%;
    padding: var(--_padding);
    border: 0;
    border-radius: 0;
    background: none;
    color: inherit;
    text-align: start;
  }
  .entry:hover {
    background: ${token('--emr-color-surface-subtle')};
  }
  .when,
  .kind {
    color: ${token('--emr-color-text-muted')};
    font-size: ${token('--emr-font-size-sm')};
    font-variant-numeric: tabular-nums;
  }
  .title {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .kind-AllergyIntolerance .kind {
    color: var(--_allergy);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .detail,
  .conflict-badge {
    grid-column: 3;
    font-size: ${token('--emr-font-size-sm')};
  }
  .void {
    text-decoration: line-through;
    color: ${token('--emr-color-text-muted')};
  }
  .detail.void {
    text-decoration: none;
  }
  /* Flags and NEWS2 as the vitals grid shows them: always with text and an icon. */
  .flag,
  .news2 {
    white-space: nowrap;
  }
  .flag.abnormal,
  .news2.risk-low-medium .risk,
  .news2.risk-medium .risk {
    color: var(--_abnormal);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .flag.critical,
  .news2.risk-high {
    color: var(--_critical);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .excerpt {
    color: ${token('--emr-color-text-muted')};
  }
  .row.conflict {
    box-shadow: inset 4px 0 0 var(--_conflict);
  }
  .conflict-badge {
    color: var(--_conflict);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .footer {
    margin: ${token('--emr-space-xs')} 0 0;
    color: ${token('--emr-color-text-muted')};
    font-size: ${token('--emr-font-size-sm')};
  }
  .print-list,
  .print-footer {
    display: none;
  }
  /*
   * High contrast drops box-shadows and background colours: the group line,
   * the conflict marker and the strip's current bar become borders, and the
   * bars are drawn in system colours.
   */
  @media (forced-colors: active) {
    .row.level-1 {
      border-inline-start: 2px solid CanvasText;
    }
    .row.conflict {
      border-inline-start: 4px double Highlight;
    }
    .conflict-badge {
      color: Highlight;
    }
    .notice {
      border-inline-start-color: CanvasText;
    }
    .flag.abnormal,
    .news2.risk-low-medium .risk,
    .news2.risk-medium .risk {
      padding-inline: ${token('--emr-space-xs')};
      border: 1px solid CanvasText;
    }
    .flag.critical,
    .news2.risk-high .risk {
      forced-color-adjust: none;
      padding-inline: ${token('--emr-space-xs')};
      border: 2px solid CanvasText;
      background: Mark;
      color: MarkText;
    }
    .fill {
      forced-color-adjust: none;
      background: CanvasText;
    }
    .bar[aria-current] {
      border-block-end: 3px solid Highlight;
    }
    .bar[aria-current] .fill {
      background: Highlight;
    }
  }
  /* Paper: every entry loaded, in place of the scrolling list; no control but the filters, which say what is shown. */
  @media print {
    .footer,
    .zoom,
    .jumped button {
      display: none;
    }
    .list {
      /* Over the virtualizer's inline display. */
      display: none !important;
    }
    .print-list,
    .print-footer {
      display: block;
    }
    .print-list {
      border: 1px solid var(--_border);
    }
    .print-list .row {
      break-inside: avoid;
    }
    .print-footer {
      color: ${token('--emr-color-text-muted')};
      font-size: ${token('--emr-font-size-sm')};
    }
  }
  @container (max-width: 40rem) {
    .entry {
      grid-template-columns: 1fr;
    }
    .detail,
    .conflict-badge {
      grid-column: 1;
    }
  }
`;
