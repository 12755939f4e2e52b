import { html, nothing, svg, type TemplateResult } from 'lit';
import {
  labFlag,
  labRange,
  labValue,
  type LabFlagResult,
  type LabRange,
} from '../../clinical/lab-results.js';
import type { ChartRecord, Observation, Patient } from '../../model/index.js';
import { formatTime } from './lab-grid.templates.js';
import { labResultsMessages as m } from './lab-results.messages.js';
import { LAB_SPANS, withinSpan, type LabSpan } from './lab-span.js';

// The trend of one test: an inline SVG line over its reference range band,
// with a text summary and the values as a table for people who cannot see
// the line.

export interface TrendPoint {
  time: string;
  value: number;
  text: string;
  flag: LabFlagResult;
}

export interface Trend {
  points: TrendPoint[];
  /** Oldest first. */
  range?: LabRange;
  latest?: TrendPoint;
}

/** The numeric results of one test within `span` of its newest, oldest first. */
export function trendOf(
  records: ReadonlyArray<ChartRecord<Observation>>,
  code: string,
  patient: Patient | undefined,
  span: LabSpan,
): Trend {
  const all = records
    .map((r) => r.current)
    .filter((o) => o.code.coding?.some((c) => c.code === code))
    .filter((o) => o.status !== 'entered-in-error' && o.status !== 'cancelled')
    .map((o) => ({ o, time: o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued ?? '' }))
    .filter(({ time }) => time)
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const newest = all.at(-1);
  if (!newest) return { points: [] };
  const points = all
    .filter(({ time }) => withinSpan(time, newest.time, span))
    .flatMap(({ o, time }): TrendPoint[] => {
      const value = labValue(o);
      return value.number === undefined
        ? []
        : [{ time, value: value.number, text: value.text, flag: labFlag(o, patient) }];
    });
  const range = labRange(newest.o, patient);
  return {
    points,
    ...(range ? { range } : {}),
    ...(points.length ? { latest: points.at(-1)! } : {}),
  };
}

const WIDTH = 600;
const HEIGHT = 160;
const PAD = 8;

function chart(trend: Trend, label: string): TemplateResult {
  const { points, range } = trend;
  const values = [
    ...points.map((p) => p.value),
    ...(range?.low !== undefined ? [range.low] : []),
    ...(range?.high !== undefined ? [range.high] : []),
  ];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const first = Date.parse(points[0]!.time);
  const last = Date.parse(points.at(-1)!.time);
  const x = (t: string) =>
    last === first
      ? WIDTH / 2
      : PAD + ((Date.parse(t) - first) * (WIDTH - 2 * PAD)) / (last - first);
  const y = (v: number) =>
    high === low ? HEIGHT / 2 : HEIGHT - PAD - ((v - low) * (HEIGHT - 2 * PAD)) / (high - low);
  const band =
    range && (range.low !== undefined || range.high !== undefined)
      ? svg`<rect part="trend-range" class="band" x="0" width=${WIDTH}
          y=${y(range.high ?? high)} height=${Math.max(1, y(range.low ?? low) - y(range.high ?? high))}></rect>`
      : nothing;
  const line = points.map((p) => `${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return html`<svg
    class="trend-chart"
    viewBox="0 0 ${WIDTH} ${HEIGHT}"
    preserveAspectRatio="none"
    role="img"
    aria-label=${label}
  >
    ${band}
    <polyline part="trend-line" points=${points.length === 1 ? `${line} ${line}` : line}></polyline>
    ${points.map((p) => svg`<circle cx=${x(p.time)} cy=${y(p.value)} r="3"></circle>`)}
  </svg>`;
}

/** The trend panel of the chosen test. */
export function trendPanel(
  name: string,
  trend: Trend | undefined,
  span: LabSpan,
  onSpan: (event: Event) => void,
  onClose: () => void,
): TemplateResult {
  const { points = [], range, latest } = trend ?? {};
  const summary = latest
    ? `${m.trendSummary(name, points.length, formatTime(points[0]!.time), formatTime(latest.time), `${latest.text} (${latest.flag.label})`)}${range?.text ? ` ${m.trendRange(range.text)}` : ''}`
    : m.trendNone;
  return html`<section part="trend" class="trend" aria-label=${m.trendTitle(name)}>
    <div class="trend-head">
      <h3 class="trend-title">${m.trendTitle(name)}</h3>
      <div role="group" aria-label=${m.trendSpan} class="spans" @click=${onSpan}>
        ${LAB_SPANS.map(
          (s) =>
            html`<button data-span=${s} aria-pressed=${s === span ? 'true' : 'false'}>
              ${m.spans[s]}
            </button>`,
        )}
      </div>
      <button class="close" @click=${onClose}>${m.closeTrend}</button>
    </div>
    ${points.length ? chart({ points, ...(range ? { range } : {}) }, summary) : nothing}
    <p class="trend-summary">${summary}</p>
    ${
      points.length
        ? html`<details class="trend-values">
            <summary>${m.trendTable}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">${m.time}</th>
                  <th scope="col">${m.value}</th>
                  <th scope="col">${m.flag}</th>
                </tr>
              </thead>
              <tbody>
                ${[...points].reverse().map(
                  (p) =>
                    html`<tr>
                      <th scope="row">${formatTime(p.time)}</th>
                      <td>${p.text}</td>
                      <td>${p.flag.label}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </details>`
        : nothing
    }
  </section>`;
}
