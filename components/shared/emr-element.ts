import { LitElement, css, type CSSResultGroup } from 'lit';
import { token } from './tokens.js';

/**
 * The base of every kit element: the host styles they share (and the
 * visually-hidden class), nothing else.
 * Behaviour belongs in reactive controllers, not here.
 *
 * A subclass extends the styles rather than replacing them:
 *
 *     static override styles = [EmrElement.styles, myStyles];
 */
export class EmrElement extends LitElement {
  static override styles: CSSResultGroup = css`
    /* The host page's type, unless a token sets the kit's own. */
    :host {
      display: block;
      font-family: var(--emr-font-family, inherit);
      font-size: var(--emr-font-size-md, inherit);
      line-height: var(--emr-line-height, inherit);
      color: ${token('--emr-color-text')};
    }
    :host([hidden]) {
      display: none;
    }
    /* Read by screen readers, not shown: live regions and extra labels. */
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
  `;
}
