import { css } from 'lit';
import { token } from './tokens.js';

// The box an element shows instead of its data — no patient, pending, empty,
// or an error with its detail — for elements that mark it `.status`. An
// element may set --_border to its own border colour.
export const stateBoxStyles = css`
  .status {
    margin: 0;
    padding: ${token('--emr-space-md')};
    border: 1px dashed var(--_border, ${token('--emr-color-border')});
    border-radius: ${token('--emr-radius-md')};
    color: ${token('--emr-color-text-muted')};
  }
  .status.error {
    border-style: solid;
    border-color: ${token('--emr-color-danger')};
    color: ${token('--emr-color-text')};
  }
  .status.error p {
    margin: 0;
  }
`;
