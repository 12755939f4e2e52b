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
    padding-block: 0;
  }

  /*
   * High contrast: synced is a solid rule beside the status, anything still
   * to send a dashed one, refused marked (Mark/MarkText); a peer's colour dot
   * keeps a frame.
   */
  @media (forced-colors: active) {
    .status {
      padding-inline-start: ${token('--emr-space-xs')};
      border-inline-start: 4px dashed CanvasText;
    }
    .sync.synced .status {
      border-inline-start-style: solid;
    }
    .sync.none .status {
      border-inline-start: none;
    }
    .sync.refused .status {
      border-inline-start: 4px double CanvasText;
    }
    .refused .words {
      forced-color-adjust: none;
      padding-inline: ${token('--emr-space-xs')};
      background: Mark;
      color: MarkText;
    }
    .icon {
      color: inherit;
    }
    .dot {
      border: 1px solid CanvasText;
    }
  }
`;
