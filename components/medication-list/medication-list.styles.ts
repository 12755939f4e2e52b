import { css } from 'lit';
import { token } from '../shared/tokens.js';

// Public --emr-medication-list-* properties feed private --_ ones, each
// falling back to a kit token.
export const medicationListStyles = css`
  :host {
    --_gap: var(--emr-medication-list-gap, ${token('--emr-space-sm')});
    --_item-background: var(--emr-medication-list-item-background, ${token('--emr-color-surface')});
    --_item-border-color: var(
      --emr-medication-list-item-border-color,
      ${token('--emr-color-border')}
    );
    --_item-radius: var(--emr-medication-list-item-radius, ${token('--emr-radius-md')});
    --_item-padding: var(--emr-medication-list-item-padding, ${token('--emr-space-md')});
    --_heading-color: var(--emr-medication-list-heading-color, ${token('--emr-color-text')});
    --_muted-color: var(--emr-medication-list-muted-color, ${token('--emr-color-text-muted')});
    --_primary: var(--emr-medication-list-action-color, ${token('--emr-color-primary')});
    --_conflict-color: var(--emr-medication-list-conflict-color, ${token('--emr-color-conflict')});
    --_error: var(--emr-medication-list-error-color, ${token('--emr-color-danger')});
    --_focus: var(--emr-medication-list-focus-color, ${token('--emr-color-focus')});
  }

  .title,
  .section-title,
  p,
  ul,
  ol,
  dl,
  dd {
    margin: 0;
    padding: 0;
  }
  .title,
  .section-title {
    color: var(--_heading-color);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .title {
    font-size: ${token('--emr-font-size-lg')};
    margin-block-end: ${token('--emr-space-md')};
  }
  .section-title {
    font-size: ${token('--emr-font-size-md')};
    margin-block: ${token('--emr-space-lg')} ${token('--emr-space-sm')};
  }
  .count,
  .state,
  .empty,
  .meta,
  .details,
  .note {
    color: var(--_muted-color);
  }
  .details,
  .meta,
  .note,
  .history {
    font-size: ${token('--emr-font-size-sm')};
  }

  .items {
    list-style: none;
    display: grid;
    gap: var(--_gap);
  }
  .item {
    display: grid;
    gap: ${token('--emr-space-xs')};
    padding: var(--_item-padding);
    background: var(--_item-background);
    border: 1px solid var(--_item-border-color);
    border-radius: var(--_item-radius);
    /* A long history: the browser lays out only the entries near the screen. */
    content-visibility: auto;
    contain-intrinsic-size: auto 7rem;
  }
  .item.conflicted {
    border: 2px solid var(--_conflict-color);
  }
  .name {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .details {
    overflow-wrap: anywhere;
  }

  .flag,
  .conflicts-notice {
    color: var(--_conflict-color);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .conflicts-notice,
  .died-notice {
    margin-block-end: ${token('--emr-space-md')};
  }
  .died-notice {
    padding-inline-start: ${token('--emr-space-sm')};
    border-inline-start: 4px solid var(--_muted-color);
  }
  .error,
  .problem {
    color: var(--_error);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .conflict {
    display: grid;
    gap: ${token('--emr-space-sm')};
  }
  .versions {
    list-style: none;
    display: grid;
    gap: ${token('--emr-space-sm')};
  }
  .version {
    display: grid;
    gap: ${token('--emr-space-xs')};
    padding-inline-start: ${token('--emr-space-md')};
    border-inline-start: 4px solid var(--_conflict-color);
  }

  .actions,
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('--emr-space-sm')};
  }
  /* Buttons inside a medication are small beside its line. */
  button {
    font-size: ${token('--emr-font-size-sm')};
  }

  .form {
    display: grid;
    gap: ${token('--emr-space-sm')};
    padding: ${token('--emr-space-md')};
    background: ${token('--emr-color-surface-subtle')};
    border-radius: var(--_item-radius);
  }
  .form-title {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('--emr-space-sm')};
  }
  input[inputmode='decimal'] {
    width: 8ch;
    text-align: end;
  }
  .unit {
    font-weight: ${token('--emr-font-weight-bold')};
  }

  .history {
    padding-block-start: ${token('--emr-space-xs')};
    border-block-start: 1px solid var(--_item-border-color);
  }
  .revisions {
    list-style: none;
    display: grid;
    gap: ${token('--emr-space-sm')};
  }
  .changes {
    list-style: none;
  }
  .before {
    text-decoration: line-through;
  }

  /*
   * High contrast: a medication in conflict is framed and its versions
   * lined in Highlight, the notices marked in it; the notice of a patient
   * who has died keeps its rule.
   */
  @media (forced-colors: active) {
    .item.conflicted {
      border: 3px double Highlight;
    }
    .version {
      border-inline-start-color: Highlight;
    }
    .flag,
    .conflicts-notice {
      color: Highlight;
    }
    .died-notice {
      border-inline-start-color: CanvasText;
    }
    .form {
      border: 1px solid CanvasText;
    }
  }

  /* Paper: every medication (none left unrendered off screen) and every conflict's values; no control or open form. */
  @media print {
    .item {
      content-visibility: visible;
    }
    .actions,
    .form,
    button {
      display: none;
    }
  }
`;
