import { css } from 'lit';
import { token } from '../shared/tokens.js';

export const vitalsTrendStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    inline-size: var(--emr-vitals-trend-width, 5rem);
    block-size: 1.5rem;
    color: var(--emr-vitals-trend-color, ${token('--emr-color-text')});
  }
  svg {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    overflow: visible;
  }
  polyline {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linejoin: round;
    stroke-linecap: round;
    vector-effect: non-scaling-stroke;
  }
  /* High contrast: the line in the text colour of the system. */
  @media (forced-colors: active) {
    polyline {
      stroke: CanvasText;
    }
  }
`;
