import { css } from 'lit';
import { token } from '../shared/tokens.js';

// A note's status badge (draft, signed, amended…) as the note list and the
// note editor both show it. The element sets --_signed, and --_draft if it
// colours drafts.
export const noteStatusStyles = css`
  .status {
    padding-inline: ${token('--emr-space-xs')};
    border: 1px solid currentColor;
    border-radius: ${token('--emr-radius-sm')};
    font-size: ${token('--emr-font-size-sm')};
    font-weight: ${token('--emr-font-weight-bold')};
  }
  .status.signed,
  .status.amended {
    color: var(--_signed);
  }
  .status.draft {
    color: var(--_draft, inherit);
  }
  /* High contrast: a draft's frame is dashed, a signed or amended note's solid. */
  @media (forced-colors: active) {
    .status {
      border-color: CanvasText;
    }
    .status.draft {
      border-style: dashed;
    }
  }
`;
