import { css } from 'lit';
import { token } from '../shared/tokens.js';

// Public `--emr-sync-status-*` properties feed private `--_*` ones, each
// falling back to a clinical or global token. Colour never speaks alone:
// every status has words and an icon.
export const styles = css`
  :host {
    display: block;
    --_text: var(--emr-sync-status-text-color, ${token('--emr-color-text')});
    --_gap: var(--emr-sync-status-gap, ${token('--emr-space-sm')});
    --_focus: var(--emr-sync-status-focus-color, ${token('--emr-color-focus')});
  }

  .sync {
    --_accent: var(--emr-sync-status-pending-color, ${token('--emr-color-pending')});
    display: grid;
    gap: ${token('--emr-space-xs')};
    color: var(--_text);
    font-size: ${token('--emr-font-size-sm')};
    overflow-wrap: anywhere;
  }
  .sync.synced {
    --_accent: var(--emr-sync-status-synced-color, ${token('--emr-color-normal')});
  }
  .sync.refused {
    --_accent: var(--emr-sync-status-refused-color, ${token('--emr-color-critical')});
  }

  p,
  ul {
    margin: 0;
  }
  .status,
  .peers-line,
  .peers {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_gap);
  }
  .icon {
    color: var(--_accent);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .refused .words {
    color: var(--_accent);
  }
  .words {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .peers {
    padding: 0;
    list-style: none;
  }
  .peer {
    display: inline-flex;
    align-items: baseline;
    gap: ${token('--emr-space-xs')};
  }
  .dot {
    display: inline-block;
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
  }

  button {
    margin-inline-start: var(--_gap);
    padding: 0 ${token('--emr-space-sm')};
    border: 1px solid ${token('--emr-color-border')};
    border-radius: ${token('--emr-radius-md')};
    background: ${token('--emr-color-surface')};
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
