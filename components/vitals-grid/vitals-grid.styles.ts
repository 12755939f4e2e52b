import { css } from 'lit';
import { token } from '../shared/tokens.js';

// Public --emr-vitals-grid-* properties feed private --_ ones, each falling
// back to a kit token.
export const vitalsGridStyles = css`
  :host {
    --_border: var(--emr-vitals-grid-border-color, ${token('--emr-color-border')});
    --_header: var(--emr-vitals-grid-header-background, ${token('--emr-color-surface-subtle')});
    --_padding: var(
      --emr-vitals-grid-cell-padding,
      ${token('--emr-space-xs')} ${token('--emr-space-sm')}
    );
    --_column: var(--emr-vitals-grid-column-width, 7.5rem);
    --_abnormal: var(--emr-vitals-grid-abnormal-color, ${token('--emr-color-abnormal')});
    --_critical: var(--emr-vitals-grid-critical-color, ${token('--emr-color-critical')});
    --_conflict: var(--emr-vitals-grid-conflict-color, ${token('--emr-color-conflict')});
    --_overdue: var(--emr-vitals-grid-overdue-color, ${token('--emr-color-warning')});
    --_trend: var(--emr-vitals-grid-trend-color, ${token('--emr-color-primary')});
    container-type: inline-size;
  }
  .title {
    margin: 0 0 ${token('--emr-space-sm')};
    font-size: ${token('--emr-font-size-lg')};
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('--emr-space-sm')};
    margin-block-end: ${token('--emr-space-sm')};
  }
  .range {
    color: ${token('--emr-color-text-muted')};
    font-size: ${token('--emr-font-size-sm')};
  }
  .paging {
    display: flex;
    gap: ${token('--emr-space-xs')};
    margin-inline-start: auto;
  }
  emr-vitals-form {
    margin-block-end: ${token('--emr-space-md')};
  }
  .detail {
    font-size: ${token('--emr-font-size-sm')};
    color: ${token('--emr-color-text-muted')};
  }
  .overdue {
    margin: 0 0 ${token('--emr-space-sm')};
    padding: ${token('--emr-space-xs')} ${token('--emr-space-sm')};
    border-inline-start: 4px solid var(--_overdue);
    color: var(--_overdue);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .not-due,
  .news2-note {
    margin: 0 0 ${token('--emr-space-sm')};
    font-size: ${token('--emr-font-size-sm')};
    color: ${token('--emr-color-text-muted')};
  }
  .scroller {
    /* Contains the visually hidden texts, so they scroll with the table. */
    position: relative;
    overflow-x: auto;
    max-inline-size: 100%;
  }
  /*
   * Separate borders, each cell drawing its top and end ones. Chromium
   * places sticky cells on their own layer, rounded apart from the rest: a
   * row header can slip a pixel up over the one above, and would cover a
   * line drawn at that one's bottom (rows then seem to merge).
   */
  table {
    border-collapse: separate;
    border-spacing: 0;
    border-block-end: 1px solid var(--_border);
    border-inline-start: 1px solid var(--_border);
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: var(--_padding);
    border-block-start: 1px solid var(--_border);
    border-inline-end: 1px solid var(--_border);
    vertical-align: top;
    text-align: start;
  }
  thead th,
  tbody th {
    background: var(--_header);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  thead th {
    font-size: ${token('--emr-font-size-sm')};
  }
  thead th:nth-child(n + 3) {
    inline-size: var(--_column);
    min-inline-size: var(--_column);
  }
  tbody th {
    position: sticky;
    inset-inline-start: 0;
    white-space: nowrap;
    z-index: 1;
  }
  .unit {
    font-weight: normal;
    color: ${token('--emr-color-text-muted')};
    font-size: ${token('--emr-font-size-sm')};
  }
  td.none {
    color: ${token('--emr-color-text-muted')};
    text-align: center;
  }
  td.not-scored {
    color: ${token('--emr-color-text-muted')};
    font-size: ${token('--emr-font-size-sm')};
  }
  td.trend {
    vertical-align: middle;
    color: var(--_trend);
  }
  emr-vitals-trend {
    --emr-vitals-trend-color: var(--_trend);
  }
  .reading,
  .news2-result {
    display: flex;
    flex-direction: column;
  }
  .reading + .reading,
  .news2-result + .news2-result {
    margin-block-start: ${token('--emr-space-xs')};
    padding-block-start: ${token('--emr-space-xs')};
    border-block-start: 1px dashed var(--_conflict);
  }
  .value {
    white-space: nowrap;
  }
  .flag,
  .note,
  .version,
  .conflict-badge {
    font-size: ${token('--emr-font-size-sm')};
  }
  .flag.abnormal,
  td.abnormal .value {
    color: var(--_abnormal);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .flag.critical,
  td.critical .value {
    color: var(--_critical);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .note,
  .version {
    color: ${token('--emr-color-text-muted')};
  }
  .void .value {
    color: ${token('--emr-color-text-muted')};
  }
  td.conflict,
  th .conflict-badge {
    box-shadow: inset 4px 0 0 var(--_conflict);
  }
  .conflict-badge {
    display: block;
    color: var(--_conflict);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .score {
    font-size: ${token('--emr-font-size-lg')};
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .news2-result.risk-medium .risk,
  .news2-result.risk-low-medium .risk {
    color: var(--_abnormal);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .news2-result.risk-high .risk,
  .news2-result.risk-high .score {
    color: var(--_critical);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .news2-row th,
  .news2-row td,
  .delivery-row th,
  .delivery-row td {
    border-block-start-width: 2px;
  }
  .delivery-row .delivery-note:first-child {
    margin-block-start: 0;
  }

  /*
   * A narrow column (a phone, a side panel): row headers wrap and the trend
   * column gives way, so the newest set shows beside its labels unscrolled.
   */
  @container (max-inline-size: 30rem) {
    tbody th {
      white-space: normal;
    }
    th .unit {
      display: block;
    }
    thead th:nth-child(2),
    td.trend {
      display: none;
    }
  }

  /*
   * High contrast: abnormal flags and a low–medium or medium NEWS2 are
   * framed, critical ones and a high NEWS2 marked (Mark/MarkText) and framed
   * twice as thick; a conflict's marker, a box-shadow elsewhere, is a border
   * in Highlight.
   */
  @media (forced-colors: active) {
    .flag.abnormal,
    .news2-result.risk-medium .risk,
    .news2-result.risk-low-medium .risk {
      padding-inline: ${token('--emr-space-xs')};
      border: 1px solid CanvasText;
    }
    .flag.critical,
    .news2-result.risk-high .risk {
      forced-color-adjust: none;
      padding-inline: ${token('--emr-space-xs')};
      border: 2px solid CanvasText;
      background: Mark;
      color: MarkText;
    }
    td.conflict,
    th .conflict-badge {
      border-inline-start: 4px double Highlight;
    }
    th .conflict-badge {
      padding-inline-start: ${token('--emr-space-xs')};
    }
    .conflict-badge {
      color: Highlight;
    }
    .reading + .reading,
    .news2-result + .news2-result {
      border-block-start-color: Highlight;
    }
    .overdue {
      border-inline-start-color: CanvasText;
    }
  }

  /* Paper: the page of columns shown, with its range and NEWS2; no control or open form. */
  @media print {
    button,
    emr-vitals-form {
      display: none;
    }
    .scroller {
      overflow: visible;
    }
    tbody th {
      position: static;
    }
  }
`;
