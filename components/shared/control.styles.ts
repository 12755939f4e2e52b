import { css } from 'lit';
import { token } from './tokens.js';

/**
 * Buttons, text fields, selects and focus rings, the same in every element.
 *
 * - `button`: a secondary button (outlined, on the surface).
 * - `button.primary` and `button[type='submit']`: the one main action of a
 *   form or toolbar.
 * - `button.danger`: an action that ends something (discontinue).
 * - `button.quiet`: no frame until hovered or focused, for a name or a row
 *   that does something when activated; the element lays it out.
 * - `button[aria-pressed='true']`: a toggle that is on.
 * - `input`, `select`, `textarea`; `[aria-invalid='true']` is framed in the
 *   error colour (the element says what is wrong in words beside it).
 * - `:focus-visible`: a 2px outline on anything focusable, never a
 *   box-shadow, so high contrast mode keeps it.
 *
 * An element tunes them through private properties on its `:host`:
 * `--_focus` (focus ring), `--_primary` (primary buttons), `--_danger`
 * (danger buttons), `--_error` (invalid fields); each falls back to a token.
 */
export const controlStyles = css`
  button,
  input,
  select,
  textarea {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
  }

  button {
    padding: ${token('--emr-space-xs')} ${token('--emr-space-md')};
    border: 1px solid ${token('--emr-color-border')};
    border-radius: ${token('--emr-radius-md')};
    background: ${token('--emr-color-surface')};
    color: ${token('--emr-color-text')};
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: ${token('--emr-color-surface-subtle')};
  }
  button[aria-pressed='true'] {
    border-color: var(--_primary, ${token('--emr-color-primary')});
    background: ${token('--emr-color-surface-subtle')};
    font-weight: ${token('--emr-font-weight-bold')};
    box-shadow: inset 0 -3px 0 var(--_primary, ${token('--emr-color-primary')});
  }
  :is(button.primary, button[type='submit']) {
    border-color: var(--_primary, ${token('--emr-color-primary')});
    background: var(--_primary, ${token('--emr-color-primary')});
    color: ${token('--emr-color-on-primary')};
  }
  button.danger {
    border-color: var(--_danger, ${token('--emr-color-danger')});
    background: var(--_danger, ${token('--emr-color-danger')});
    color: ${token('--emr-color-on-primary')};
  }
  /* A filled button keeps its colour on hover and says so by underlining. */
  :is(button.primary, button[type='submit'], button.danger):hover:not(:disabled) {
    text-decoration: underline;
  }
  :is(button.primary, button[type='submit']):hover:not(:disabled) {
    background: var(--_primary, ${token('--emr-color-primary')});
  }
  button.danger:hover:not(:disabled) {
    background: var(--_danger, ${token('--emr-color-danger')});
  }
  button.quiet {
    padding: 0;
    border-color: transparent;
    background: none;
    color: inherit;
    text-align: start;
  }
  button.quiet:hover:not(:disabled) {
    background: ${token('--emr-color-surface-subtle')};
  }
  button:disabled {
    border-style: dashed;
    background: ${token('--emr-color-surface-subtle')};
    color: ${token('--emr-color-text-muted')};
    cursor: not-allowed;
  }

  input,
  select,
  textarea {
    padding: ${token('--emr-space-xs')} ${token('--emr-space-sm')};
    border: 1px solid ${token('--emr-color-border')};
    border-radius: ${token('--emr-radius-sm')};
    background: ${token('--emr-color-surface')};
  }
  input[type='checkbox'],
  input[type='radio'] {
    padding: 0;
    accent-color: var(--_primary, ${token('--emr-color-primary')});
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_error, ${token('--emr-color-danger')});
  }

  :focus-visible {
    outline: 2px solid var(--_focus, ${token('--emr-color-focus')});
    outline-offset: 2px;
  }

  /*
   * High contrast: buttons and fields framed in the system's button colour,
   * a toggle that is on and the focus ring in Highlight, disabled in
   * GrayText; a quiet button shows its frame, so it reads as a button.
   */
  @media (forced-colors: active) {
    button,
    button.quiet {
      border-color: ButtonText;
    }
    input,
    select,
    textarea {
      border-color: CanvasText;
    }
    button[aria-pressed='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
    }
    button:disabled {
      border-color: GrayText;
      color: GrayText;
    }
    [aria-invalid='true'] {
      border: 3px double CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
