import { css } from 'lit';
import { token } from '../shared/tokens.js';

// Public --emr-report-viewer-* properties feed private --_ ones, each
// falling back to a kit token.
export const reportViewerStyles = css`
  :host {
    --_border: var(--emr-report-viewer-border-color, ${token('--emr-color-border')});
    --_muted-color: var(--emr-report-viewer-muted-color, ${token('--emr-color-text-muted')});
    --_abnormal: var(--emr-report-viewer-abnormal-color, ${token('--emr-color-abnormal')});
    --_critical: var(--emr-report-viewer-critical-color, ${token('--emr-color-critical')});
    --_warning: var(--emr-report-viewer-warning-color, ${token('--emr-color-danger')});
    --_focus: var(--emr-report-viewer-focus-color, ${token('--emr-color-focus')});
  }
  .title,
  .subtitle,
  p,
  ul,
  dl,
  dd {
    margin: 0;
    padding: 0;
  }
  .title {
    font-size: ${token('--emr-font-size-lg')};
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .kind {
    color: var(--_muted-color);
    margin-block-end: ${token('--emr-space-sm')};
  }
  .subtitle {
    font-size: ${token('--emr-font-size-md')};
    font-weight: ${token('--emr-font-weight-bold')};
    margin-block: ${token('--emr-space-lg')} ${token('--emr-space-sm')};
  }
  .state,
  .note,
  .code,
  dt {
    color: var(--_muted-color);
  }
  .details {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: ${token('--emr-space-xs')} ${token('--emr-space-md')};
  }
  .detail {
    display: contents;
  }
  .notice {
    padding-inline-start: ${token('--emr-space-sm')};
    border-inline-start: 4px solid var(--_warning);
    font-weight: ${token('--emr-font-weight-bold')};
    margin-block: ${token('--emr-space-sm')};
  }
  .results {
    border-collapse: collapse;
    inline-size: 100%;
  }
  .results th,
  .results td {
    padding: ${token('--emr-space-xs')} ${token('--emr-space-sm')};
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .results thead th {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .results tbody th {
    font-weight: normal;
  }
  .value.abnormal,
  .value.critical,
  .flag.abnormal,
  .flag.critical {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .flag.abnormal {
    color: var(--_abnormal);
  }
  .flag.critical {
    color: var(--_critical);
  }
  .missing {
    color: var(--_muted-color);
    font-style: italic;
  }
  .presented {
    margin-block-end: ${token('--emr-space-md')};
  }
  .text {
    white-space: pre-wrap;
    font-family: inherit;
    margin: 0;
  }
  .html {
    overflow-wrap: anywhere;
  }
  .endpoints,
  .diagnoses {
    padding-inline-start: ${token('--emr-space-lg')};
  }
  a:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .flag.abnormal,
    .flag.critical {
      color: CanvasText;
    }
    .flag.critical {
      outline: 2px solid CanvasText;
    }
    .notice {
      border-inline-start-color: CanvasText;
    }
    a:focus-visible {
      outline-color: Highlight;
    }
  }

  /* Paper: the whole report; a link's address is printed after it. */
  @media print {
    .presented a[href^='http']::after {
      content: ' (' attr(href) ')';
    }
  }
`;
