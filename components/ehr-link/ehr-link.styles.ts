import { css } from 'lit';
import { token } from '../shared/tokens.js';

// Public `--emr-ehr-link-*` properties feed private `--_*` ones, each falling
// back to a clinical or global token. Colour never speaks alone: every link
// state and every count has words and an icon.
export const styles = css`
  :host {
    display: block;
    --_text: var(--emr-ehr-link-text-color, ${token('--emr-color-text')});
    --_gap: var(--emr-ehr-link-gap, ${token('--emr-space-sm')});
    --_problem: var(--emr-ehr-link-problem-color, ${token('--emr-color-critical')});
  }
  .link {
    --_accent: var(--emr-ehr-link-pending-color, ${token('--emr-color-pending')});
    display: grid;
    gap: ${token('--emr-space-xs')};
    color: var(--_text);
    font-size: ${token('--emr-font-size-sm')};
    overflow-wrap: anywhere;
  }
  .link.idle {
    --_accent: var(--emr-ehr-link-ok-color, ${token('--emr-color-normal')});
  }
  .link.sign-in-needed {
    --_accent: var(--_problem);
  }
  p,
  ul {
    margin: 0;
  }
  .status,
  .counts,
  .problems {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_gap);
  }
  .icon {
    color: var(--_accent);
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .words {
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .sign-in-needed .words {
    color: var(--_accent);
  }
  .problems {
    padding: 0;
    list-style: none;
  }
  .problem .count-icon {
    color: var(--_problem);
  }
  button {
    padding-block: 0;
  }
  .detail button {
    margin-inline-start: var(--_gap);
  }
  /*
   * High contrast: up to date is a solid rule beside the link, anything
   * still to send a dashed one, a sign-in needed marked (Mark/MarkText).
   */
  @media (forced-colors: active) {
    .status {
      padding-inline-start: ${token('--emr-space-xs')};
      border-inline-start: 4px dashed CanvasText;
    }
    .link.idle .status {
      border-inline-start-style: solid;
    }
    .link.none .status {
      border-inline-start: none;
    }
    .sign-in-needed .words {
      forced-color-adjust: none;
      padding-inline: ${token('--emr-space-xs')};
      background: Mark;
      color: MarkText;
    }
    .icon,
    .problem .count-icon {
      color: inherit;
    }
  }
`;
