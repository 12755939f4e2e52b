import { css, unsafeCSS } from 'lit';
import { token } from '../shared/tokens.js';
import { COLUMN_PX, HEADER_PX, ROW_PX } from './lab-viewport.js';

// Public --emr-lab-results-* properties feed private --_ ones, each falling
// back to a kit token. Rows and columns have a fixed size: the window of
// rows and columns rendered is worked out from it (lab-viewport.ts).
export const labResultsStyles = css`
  :host {
    --_border: var(--emr-lab-results-border-color, ${token('--emr-color-border')});
    --_header: var(--emr-lab-results-header-background, ${token('--emr-color-surface-subtle')});
    --_abnormal: var(--emr-lab-results-abnormal-color, ${token('--emr-color-abnormal')});
    --_critical: var(--emr-lab-results-critical-color, ${token('--emr-color-critical')});
    --_trend: var(--emr-lab-results-trend-color, ${token('--emr-color-primary')});
    --_band: var(--emr-lab-results-range-band-color, ${token('--emr-color-surface-subtle')});
    --_height: var(--emr-lab-results-max-height, 70vh);
  }
  .title {
    margin: 0 0 ${token('--emr-space-sm')};
    font-size: ${token('--emr-font-size-lg')};
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('--emr-space-sm')} ${token('--emr-space-md')};
    margin-block-end: ${token('--emr-space-sm')};
  }
  .toolbar label {
    display: flex;
    flex-direction: column;
    font-size: ${token('--emr-font-size-sm')};
  }
  .toolbar label.check {
    flex-direction: row;
    align-items: center;
    gap: ${token('--emr-space-xs')};
  }
  .note {
    margin: 0 0 ${token('--emr-space-sm')};
    color: ${token('--emr-color-text-muted')};
    font-size: ${token('--emr-font-size-sm')};
  }
  .scroller {
    max-block-size: var(--_height);
    overflow: auto;
    border: 1px solid var(--_border);
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    table-layout: fixed;
  }
  th,
  td {
    box-sizing: border-box;
    block-size: ${unsafeCSS(ROW_PX)}px;
    padding: 0 ${token('--emr-space-sm')};
    border-block-end: 1px solid var(--_border);
    text-align: start;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  td:not(.gap),
  thead th:not(.corner) {
    inline-size: ${unsafeCSS(COLUMN_PX)}px;
    min-inline-size: ${unsafeCSS(COLUMN_PX)}px;
    max-inline-size: ${unsafeCSS(COLUMN_PX)}px;
  }
  td.gap {
    padding: 0;
  }
  tr.gap td {
    padding: 0;
    border: 0;
  }
  thead th {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_header);
    font-size: ${token('--emr-font-size-sm')};
  }
  th[scope='row'],
  th.corner {
    position: sticky;
    inset-inline-start: 0;
    z-index: 2;
    inline-size: ${unsafeCSS(HEADER_PX)}px;
    min-inline-size: ${unsafeCSS(HEADER_PX)}px;
    max-inline-size: ${unsafeCSS(HEADER_PX)}px;
    background: ${token('--emr-color-surface')};
    border-inline-end: 1px solid var(--_border);
  }
  th.corner {
    z-index: 3;
    background: var(--_header);
  }
  th[scope='row'] {
    display: table-cell;
    line-height: 1.2;
  }
  .test-name {
    display: block;
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    padding: 0;
    text-align: start;
  }
  .range {
    display: block;
    color: ${token('--emr-color-text-muted')};
    font-size: ${token('--emr-font-size-sm')};
    font-weight: normal;
  }
  tr.group th {
    background: var(--_header);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  tr.group th span {
    position: sticky;
    inset-inline-start: ${token('--emr-space-sm')};
  }
  button.value {
    padding: 0;
    text-align: start;
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  td.none {
    color: ${token('--emr-color-text-muted')};
  }
  .flag {
    font-size: ${token('--emr-font-size-sm')};
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .flag.abnormal,
  td.abnormal .text {
    color: var(--_abnormal);
  }
  .flag.critical,
  td.critical .text {
    color: var(--_critical);
  }
  .revised {
    margin-inline-start: ${token('--emr-space-xs')};
    padding-inline: ${token('--emr-space-xs')};
    border: 1px dashed currentColor;
    border-radius: ${token('--emr-radius-sm')};
    font-size: ${token('--emr-font-size-sm')};
  }
  .trend,
  .detail {
    margin-block-end: ${token('--emr-space-md')};
    padding: ${token('--emr-space-sm')};
    border: 1px solid var(--_border);
    border-radius: ${token('--emr-radius-md')};
  }
  .trend-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('--emr-space-sm')};
  }
  .trend-title {
    margin: 0;
    font-size: ${token('--emr-font-size-md')};
  }
  .spans {
    display: flex;
    gap: ${token('--emr-space-xs')};
  }
  .close {
    margin-inline-start: auto;
  }
  .trend-chart {
    display: block;
    inline-size: 100%;
    block-size: 10rem;
    margin-block: ${token('--emr-space-sm')};
  }
  .trend-chart polyline {
    fill: none;
    stroke: var(--_trend);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }
  .trend-chart circle {
    fill: var(--_trend);
  }
  .trend-chart .band {
    fill: var(--_band);
    stroke: var(--_border);
    stroke-dasharray: 4 4;
    vector-effect: non-scaling-stroke;
  }
  .trend-summary {
    margin: 0;
  }
  .trend-values table td,
  .trend-values table th {
    block-size: auto;
  }
  .detail dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: ${token('--emr-space-xs')} ${token('--emr-space-md')};
    margin: ${token('--emr-space-sm')} 0;
  }
  .detail dd {
    margin: 0;
  }
  .history-title {
    margin: 0;
    font-size: ${token('--emr-font-size-sm')};
  }
  .more {
    display: flex;
    gap: ${token('--emr-space-sm')};
    align-items: center;
    margin-block-start: ${token('--emr-space-sm')};
  }
  @media (forced-colors: active) {
    .flag.abnormal,
    .flag.critical {
      color: CanvasText;
      border: 1px solid CanvasText;
      padding-inline: 2px;
    }
    .flag.critical {
      border-width: 2px;
    }
    .trend-chart polyline {
      stroke: CanvasText;
    }
    .trend-chart circle {
      fill: CanvasText;
    }
    .trend-chart .band {
      fill: Canvas;
      stroke: GrayText;
    }
  }
  @media print {
    .toolbar,
    .spans,
    .close,
    .more button {
      display: none;
    }
    .scroller {
      max-block-size: none;
      overflow: visible;
      border: 0;
    }
    th,
    td {
      white-space: normal;
      block-size: auto;
    }
    thead th,
    th[scope='row'],
    th.corner {
      position: static;
    }
    button.value,
    .test-name {
      border: 0;
      color: inherit;
    }
  }
`;
