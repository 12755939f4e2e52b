import { css } from 'lit';
import { token } from '../shared/tokens.js';

export const styles = css`
  :host {
    --_border: var(--emr-note-list-border-color, ${token('--emr-color-border')});
    --_muted: var(--emr-note-list-muted-color, ${token('--emr-color-text-muted')});
    --_gap: var(--emr-note-list-gap, ${token('--emr-space-sm')});
    --_signed: var(--emr-note-list-signed-color, ${token('--emr-color-normal')});
    --_draft: var(--emr-note-list-draft-color, ${token('--emr-color-pending')});
    --_error: var(--emr-note-list-error-color, ${token('--emr-color-critical')});
    --_focus: var(--emr-note-list-focus-color, ${token('--emr-color-focus')});
  }
  ul {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .addenda {
    margin-block-start: ${token('--emr-space-xs')};
    padding-inline-start: ${token('--emr-space-lg')};
    border-inline-start: 2px solid var(--_border);
  }
  [part='item'] {
    padding-block: ${token('--emr-space-xs')};
    border-block-end: 1px solid var(--_border);
  }
  .addenda [part='item'] {
    border: none;
  }
  button {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: baseline;
    width: 100%;
    padding: ${token('--emr-space-xs')};
    border: none;
    border-radius: 0;
    background: none;
    text-align: start;
  }
  .type {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .meta {
    color: var(--_muted);
    font-size: ${token('--emr-font-size-sm')};
  }
  .state {
    margin: 0;
    color: var(--_muted);
  }
  .state.error {
    color: var(--_error);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  /* High contrast: the rules between notes stay (a note's status is framed by the status styles). */
  @media (forced-colors: active) {
    [part='item'],
    .addenda {
      border-color: CanvasText;
    }
  }
`;
