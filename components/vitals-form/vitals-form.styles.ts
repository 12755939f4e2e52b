import { css } from 'lit';
import { token } from '../shared/tokens.js';

export const vitalsFormStyles = css`
  :host {
    --_background: var(--emr-vitals-form-background, ${token('--emr-color-surface-subtle')});
    --_error: var(--emr-vitals-form-error-color, ${token('--emr-color-danger')});
  }
  fieldset {
    margin: 0;
    border: 1px solid ${token('--emr-color-border')};
    border-radius: ${token('--emr-radius-md')};
    padding: ${token('--emr-space-md')};
    background: var(--_background);
  }
  legend {
    font-weight: ${token('--emr-font-weight-bold')};
    padding: 0 ${token('--emr-space-xs')};
  }
  .hint {
    margin: 0 0 ${token('--emr-space-sm')};
    color: ${token('--emr-color-text-muted')};
    font-size: ${token('--emr-font-size-sm')};
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: ${token('--emr-space-md')};
    align-items: start;
  }
  .field {
    display: grid;
    gap: ${token('--emr-space-xs')};
  }
  .pair {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: ${token('--emr-space-sm')};
    grid-column: span 2;
    background: transparent;
    padding: ${token('--emr-space-sm')};
  }
  .control {
    display: flex;
    align-items: center;
    gap: ${token('--emr-space-xs')};
  }
  input,
  select {
    min-inline-size: 0;
    inline-size: 100%;
  }
  input {
    max-inline-size: 7rem;
  }
  .unit {
    color: ${token('--emr-color-text-muted')};
    white-space: nowrap;
  }
  .error {
    color: var(--_error);
    font-size: ${token('--emr-font-size-sm')};
  }
  .error::before {
    content: '⚠ ';
  }
  button {
    margin-block-start: ${token('--emr-space-md')};
    padding-inline: ${token('--emr-space-lg')};
  }
  button:disabled {
    cursor: progress;
  }
  /* High contrast: the frames stay; an invalid field is framed by the shared control styles. */
  @media (forced-colors: active) {
    fieldset {
      border-color: CanvasText;
    }
  }
`;
