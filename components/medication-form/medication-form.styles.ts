import { css } from 'lit';
import { token } from '../shared/tokens.js';

// The form's public custom properties, feeding the private ones the shared
// recording styles read.
export const medicationFormStyles = css`
  :host {
    --_background: var(--emr-medication-form-background, ${token('--emr-color-surface-subtle')});
    --_error: var(--emr-medication-form-error-color, ${token('--emr-color-danger')});
    --_caution: var(--emr-medication-form-caution-color, ${token('--emr-color-caution')});
  }
`;
