import { html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { EmrElement } from '../shared/emr-element.js';
import { vitalsTrendStyles } from './vitals-trend.styles.js';

const WIDTH = 100;
const HEIGHT = 24;
const PAD = 2;

/**
 * A small trend line of one vital sign: a leaf element, properties only.
 * Values are oldest first; a gap (undefined) breaks the line.
 *
 * @summary Inline trend line (SVG polyline) of a row of values.
 * @csspart line - each polyline.
 * @cssproperty --emr-vitals-trend-color - colour of the line (defaults to the text colour).
 * @cssproperty --emr-vitals-trend-width - width of the drawing.
 */
export class EmrVitalsTrend extends EmrElement {
  static override styles = [EmrElement.styles, vitalsTrendStyles];

  /** One or more series of the same length, oldest first (blood pressure: systolic, then diastolic). */
  @property({ attribute: false }) series: ReadonlyArray<ReadonlyArray<number | undefined>> = [];
  /** What the line shows, for people who cannot see it. */
  @property() label = '';

  override render() {
    const values = this.series
      .flat()
      .filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (values.length < 2) return nothing;
    const low = Math.min(...values);
    const high = Math.max(...values);
    const count = Math.max(...this.series.map((s) => s.length));
    const x = (i: number) =>
      count === 1 ? WIDTH / 2 : PAD + (i * (WIDTH - 2 * PAD)) / (count - 1);
    const y = (v: number) =>
      high === low ? HEIGHT / 2 : HEIGHT - PAD - ((v - low) * (HEIGHT - 2 * PAD)) / (high - low);
    // A lone value is a line of no length: its round caps draw a dot.
    const lines = this.series.flatMap((s) =>
      segments(s).map((run) =>
        (run.length === 1 ? [run[0]!, run[0]!] : run)
          .map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`)
          .join(' '),
      ),
    );
    return html`<svg
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      preserveAspectRatio="none"
      role="img"
      aria-label=${this.label}
    >
      ${lines.map((points) => svg`<polyline part="line" points=${points}></polyline>`)}
    </svg>`;
  }
}

/** Runs of consecutive known values, as [index, value] pairs. */
function segments(series: ReadonlyArray<number | undefined>): Array<Array<[number, number]>> {
  const runs: Array<Array<[number, number]>> = [];
  let run: Array<[number, number]> = [];
  series.forEach((value, index) => {
    if (value === undefined || !Number.isFinite(value)) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push([index, value]);
  });
  if (run.length) runs.push(run);
  return runs;
}
