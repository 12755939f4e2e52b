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
    :host {
      display: block;
      font-family: ${token('--emr-font-family')};
      font-size: ${token('--emr-font-size-md')};
      line-height: ${token('--emr-line-height')};
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
