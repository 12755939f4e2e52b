import { css } from 'lit';
import { token } from '../shared/tokens.js';

// The layout both recording forms share. Buttons, fields and focus rings
// come from the shared control styles; this arranges them. Each form sets
// --_background, --_error and --_caution from its own public properties
// (`recordingHostStyles`).
export const recordingStyles = css`
  fieldset {
    margin: 0;
    border: 1px solid ${token('--emr-color-border')};
    border-radius: ${token('--emr-radius-md')};
    padding: ${token('--emr-space-md')};
    background: var(--_background);
  }
  legend {
    font-weight: ${token('--emr-font-weight-bold')};
    padding-inline: ${token('--emr-space-xs')};
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: ${token('--emr-space-md')};
    align-items: start;
  }
  .field {
    display: grid;
    gap: ${token('--emr-space-xs')};
    position: relative;
  }
  .wide {
    grid-column: 1 / -1;
  }
  .choice {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('--emr-space-md')};
    border: 0;
    padding: 0;
    background: none;
  }
  .choice label,
  .check {
    display: inline-flex;
    align-items: center;
    gap: ${token('--emr-space-xs')};
  }
  input,
  select {
    min-inline-size: 0;
    inline-size: 100%;
  }
  input[type='radio'],
  input[type='checkbox'] {
    inline-size: auto;
  }
  [role='listbox'] {
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid ${token('--emr-color-border')};
    border-radius: ${token('--emr-radius-sm')};
    background: ${token('--emr-color-surface')};
    max-block-size: 14rem;
    overflow-y: auto;
  }
  [role='option'] {
    padding: ${token('--emr-space-xs')} ${token('--emr-space-sm')};
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    outline: 2px solid var(--_focus, ${token('--emr-color-focus')});
    outline-offset: -2px;
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .hint,
  .state {
    color: ${token('--emr-color-text-muted')};
    font-size: ${token('--emr-font-size-sm')};
  }
  .uncoded {
    color: var(--_caution);
    font-size: ${token('--emr-font-size-sm')};
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .error {
    color: var(--_error);
    font-size: ${token('--emr-font-size-sm')};
  }
  .error::before {
    content: '⚠ ';
  }
  .failure {
    margin-block: ${token('--emr-space-sm')} 0;
    padding: ${token('--emr-space-sm')};
    border-inline-start: 4px solid var(--_error);
  }
  .failure ul {
    margin: ${token('--emr-space-xs')} 0 0;
    padding-inline-start: ${token('--emr-space-lg')};
  }
  .preview {
    display: block;
    margin-block: ${token('--emr-space-md')};
    padding: ${token('--emr-space-sm')};
    border-inline-start: 4px solid ${token('--emr-color-border')};
    background: ${token('--emr-color-surface')};
  }
  .preview .name {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('--emr-space-md')};
    margin-block-start: ${token('--emr-space-md')};
  }
  .reactions {
    display: grid;
    gap: ${token('--emr-space-sm')};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .reaction {
    display: grid;
    grid-template-columns: minmax(10rem, 2fr) minmax(8rem, 1fr) auto;
    gap: ${token('--emr-space-sm')};
    align-items: end;
  }
  button:disabled {
    cursor: progress;
  }
  /* High contrast: frames stay, the uncoded and error notes keep their words and icon. */
  @media (forced-colors: active) {
    fieldset,
    [role='listbox'] {
      border-color: CanvasText;
    }
    [role='option'][aria-selected='true'] {
      outline-color: Highlight;
    }
    .failure,
    .preview {
      border-inline-start-color: CanvasText;
    }
  }
`;
