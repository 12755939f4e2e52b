import { css } from 'lit';
import { token } from '../shared/tokens.js';

// Public --emr-problem-list-* properties feed private --_ ones, each
// falling back to a kit token.
export const problemListStyles = css`
  :host {
    --_gap: var(--emr-problem-list-gap, ${token('--emr-space-sm')});
    --_item-background: var(--emr-problem-list-item-background, ${token('--emr-color-surface')});
    --_item-border-color: var(--emr-problem-list-item-border-color, ${token('--emr-color-border')});
    --_item-radius: var(--emr-problem-list-item-radius, ${token('--emr-radius-md')});
    --_item-padding: var(--emr-problem-list-item-padding, ${token('--emr-space-md')});
    --_muted-color: var(--emr-problem-list-muted-color, ${token('--emr-color-text-muted')});
    --_mark-color: var(--emr-problem-list-mark-color, ${token('--emr-color-caution')});
    --_primary: var(--emr-problem-list-action-color, ${token('--emr-color-primary')});
    --_conflict-color: var(--emr-problem-list-conflict-color, ${token('--emr-color-conflict')});
    --_error: var(--emr-problem-list-error-color, ${token('--emr-color-danger')});
    --_focus: var(--emr-problem-list-focus-color, ${token('--emr-color-focus')});
  }

  .title,
  .section-title,
  p,
  ul {
    margin: 0;
    padding: 0;
  }
  .title,
  .section-title {
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
  .details,
  .meta,
  .note,
  .hidden-count,
  .code {
    color: var(--_muted-color);
  }
  .details,
  .meta,
  .note,
  .code {
    font-size: ${token('--emr-font-size-sm')};
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('--emr-space-md')};
    margin-block-end: ${token('--emr-space-sm')};
  }
  .items,
  .versions,
  .matches {
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
  }
  .item.conflicted {
    border: 2px solid var(--_conflict-color);
  }
  .name {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  /* Provisional, differential, uncoded: a word in a frame, never colour alone. */
  .mark {
    display: inline-block;
    margin-inline-start: ${token('--emr-space-xs')};
    padding-inline: ${token('--emr-space-xs')};
    border: 1px dashed var(--_mark-color);
    border-radius: ${token('--emr-radius-sm')};
    color: var(--_mark-color);
    font-size: ${token('--emr-font-size-sm')};
  }
  .flag,
  .conflicts-notice {
    color: var(--_conflict-color);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .conflicts-notice {
    margin-block-end: ${token('--emr-space-md')};
  }
  .error,
  .problem {
    color: var(--_error);
    font-weight: ${token('--emr-font-weight-bold')};
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
  .item button {
    font-size: ${token('--emr-font-size-sm')};
  }
  .form {
    display: grid;
    gap: ${token('--emr-space-sm')};
    padding: ${token('--emr-space-md')};
    margin-block-end: ${token('--emr-space-sm')};
    background: ${token('--emr-color-surface-subtle')};
    border-radius: var(--_item-radius);
  }
  .form-title,
  .chosen {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('--emr-space-sm')};
  }
  .matches {
    gap: 0;
  }
  .match {
    inline-size: 100%;
    padding: ${token('--emr-space-xs')};
  }

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
    .mark {
      border-color: CanvasText;
      color: CanvasText;
    }
    .form {
      border: 1px solid CanvasText;
    }
  }

  /* Paper: every problem and every conflict's versions; no control or open form. */
  @media print {
    .actions,
    .form,
    .toolbar button,
    .toolbar label,
    button {
      display: none;
    }
  }
`;
