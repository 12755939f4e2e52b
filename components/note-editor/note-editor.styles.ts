import { css } from 'lit';
import { token } from '../shared/tokens.js';

// Public `--emr-note-editor-*` properties feed private `--_*` ones, each
// falling back to a clinical or global token.
export const styles = css`
  :host {
    --_background: var(--emr-note-editor-background, ${token('--emr-color-surface')});
    --_text: var(--emr-note-editor-text-color, ${token('--emr-color-text')});
    --_muted: var(--emr-note-editor-muted-color, ${token('--emr-color-text-muted')});
    --_border: var(--emr-note-editor-border-color, ${token('--emr-color-border')});
    --_radius: var(--emr-note-editor-radius, ${token('--emr-radius-md')});
    --_padding: var(--emr-note-editor-padding, ${token('--emr-space-md')});
    --_gap: var(--emr-note-editor-gap, ${token('--emr-space-sm')});
    --_min-height: var(--emr-note-editor-min-height, 12rem);
    --_signed: var(--emr-note-editor-signed-color, ${token('--emr-color-normal')});
    --_warning: var(--emr-note-editor-warning-color, ${token('--emr-color-critical')});
    --_focus: var(--emr-note-editor-focus-color, ${token('--emr-color-focus')});
  }

  .note {
    display: grid;
    gap: var(--_gap);
    box-sizing: border-box;
    padding: var(--_padding);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  p {
    margin: 0;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_gap);
  }
  .title {
    margin: 0;
    font-weight: ${token('--emr-font-weight-bold')};
    font-size: ${token('--emr-font-size-lg')};
  }
  .meta,
  .hint {
    color: var(--_muted);
    font-size: ${token('--emr-font-size-sm')};
  }

  /* The formatting toolbar, then the template picker: a row that wraps between them, not inside them. */
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('--emr-space-xs')} ${token('--emr-space-md')};
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('--emr-space-xs')};
  }
  .toolbar button {
    padding-inline: ${token('--emr-space-xs')};
    white-space: nowrap;
  }
  /* "Sign note" (or "Add addendum") under the text, apart from the formatting. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: ${token('--emr-space-xs')};
  }
  .confirm-sign {
    flex-basis: 100%;
    box-sizing: border-box;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('--emr-space-xs')};
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: ${token('--emr-color-surface-subtle')};
  }
  .confirm-sign p {
    flex-basis: 100%;
  }

  .frame {
    min-height: var(--_min-height);
    padding: var(--_padding);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .frame.readonly {
    background: ${token('--emr-color-surface-subtle')};
  }
  .frame:focus-within,
  .frame:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .frame .ProseMirror {
    min-height: var(--_min-height);
    outline: none;
  }
  .frame :is(h1, h2, h3) {
    margin: ${token('--emr-space-sm')} 0 ${token('--emr-space-xs')};
    font-size: ${token('--emr-font-size-md')};
  }
  .frame :is(p, ul, ol) {
    margin: 0 0 ${token('--emr-space-xs')};
  }
  .frame a {
    color: ${token('--emr-color-primary')};
  }

  .check {
    font-size: ${token('--emr-font-size-sm')};
  }
  .check.verified {
    color: var(--_signed);
  }
  .check.mismatch,
  .draft-choice ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: ${token('--emr-space-xs')};
  }
  .unsigned {
    display: grid;
    gap: ${token('--emr-space-xs')};
    justify-items: start;
  }
  .unsigned .frame {
    justify-self: stretch;
    min-height: auto;
    white-space: pre-wrap;
  }
  .alert {
    color: var(--_warning);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .alert:empty {
    display: none;
  }

  .addenda {
    display: grid;
    gap: ${token('--emr-space-xs')};
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* A link to another note: a button that opens it here, written as the link it reads as. */
  button.link {
    padding: 0;
    border: none;
    background: none;
    color: inherit;
    text-decoration: underline;
  }

  /*
   * High contrast: the focus ring of the text in Highlight, a failed
   * signature check and other alerts marked (Mark/MarkText), a verified
   * one ruled.
   */
  @media (forced-colors: active) {
    .frame:focus-within,
    .frame:focus-visible {
      outline-color: Highlight;
    }
    .alert,
    .check.mismatch {
      forced-color-adjust: none;
      padding-inline: ${token('--emr-space-xs')};
      border: 2px solid CanvasText;
      background: Mark;
      color: MarkText;
    }
    .check.verified {
      border-inline-start: 4px solid CanvasText;
      padding-inline-start: ${token('--emr-space-xs')};
    }
    button.link {
      color: LinkText;
    }
  }
`;
