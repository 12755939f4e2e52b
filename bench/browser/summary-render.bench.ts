// First render of each summary element on a real local store holding the
// fixture patient with the most of what it shows (allergy banner: Versie
// Botsford, 10 allergies; medication list: Fletcher Hyatt, 122 medication
// requests; vitals grid: Vito Feeney, 148 vital signs at 37 times): from the
// element being put in the page to its last row on screen.
//
// Baseline: the same live query on the same store, and the same rows — with
// the same clinical formatting (allergy entries, medication lines) — rendered
// as a plain lit-html table. The ratio is what the element itself adds
// (controllers, sections, states, actions). Target: at most 1.5.
import { html, render } from 'lit';
import {
  allergyStatus,
  medicationLine,
  vitalReading,
  vitalSignOf,
  VITAL_SIGNS,
  type VitalSignId,
} from '../../clinical/index.js';
import { groupColumns } from '../../components/vitals-grid/vitals-columns.js';
import '../../components/allergy-banner/emr-allergy-banner.js';
import '../../components/medication-list/emr-medication-list.js';
import '../../components/vitals-grid/emr-vitals-grid.js';
import { firstValue, type ChartStore } from '../../model/index.js';
import { importBundle, openChartStore } from '../../storage/index.js';
import {
  fixtureText,
  listFixtures,
  measurePair,
  toResult,
  type BenchResult,
} from '../harness/index.js';
import { BENCH_USER, benchDatabaseName, deleteDatabase } from './support/stores.js';

const REPEAT = 15;
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

interface Case {
  name: string;
  fixture: string;
  tag: string;
  /** The rows the element must show, computed once from the store. */
  rows(store: ChartStore, patientId: string): Promise<number>;
  /** Elements in the element's shadow root that count as rows shown. */
  rowSelector?: string;
  /** The plain table of the same rows, from the same query. */
  table(store: ChartStore, patientId: string, into: HTMLElement): Promise<void>;
}

const cases: Case[] = [
  {
    name: 'allergy-banner',
    fixture: 'Versie_Botsford',
    tag: 'emr-allergy-banner',
    rows: async (store, id) => allergyStatus(await firstValue(store.allergies(id))).entries.length,
    table: async (store, id, into) => {
      const { entries } = allergyStatus(await firstValue(store.allergies(id)));
      render(
        html`<table>
          <tbody>
            ${entries.map(
              (e) =>
                html`<tr>
                  <th scope="row">${e.label}</th>
                  <td>${e.criticality ?? ''}</td>
                  <td>${e.reactions.join(', ')}</td>
                </tr>`,
            )}
          </tbody>
        </table>`,
        into,
      );
    },
  },
  {
    name: 'medication-list',
    fixture: 'Fletcher_Hyatt',
    tag: 'emr-medication-list',
    rows: async (store, id) =>
      (await firstValue(store.medications(id))).filter(
        (m) => m.current.status !== 'entered-in-error',
      ).length,
    table: async (store, id, into) => {
      const records = (await firstValue(store.medications(id))).filter(
        (m) => m.current.status !== 'entered-in-error',
      );
      // The same facts per row as the element shows: line, status, start, prescriber.
      render(
        html`<table>
          <tbody>
            ${records.map((r) => {
              const m = r.current;
              const start =
                m.resourceType === 'MedicationRequest'
                  ? m.authoredOn
                  : (m.effectiveDateTime ?? m.effectivePeriod?.start);
              const prescriber =
                m.resourceType === 'MedicationRequest'
                  ? (m.requester?.display ?? m.requester?.reference)
                  : undefined;
              return html`<tr>
                <th scope="row">${medicationLine(m).text}</th>
                <td>${m.status}</td>
                <td>${start ? day.format(new Date(start)) : ''}</td>
                <td>${prescriber ?? ''}</td>
              </tr>`;
            })}
          </tbody>
        </table>`,
        into,
      );
    },
  },
  {
    name: 'vitals-grid',
    fixture: 'Vito_Feeney',
    tag: 'emr-vitals-grid',
    // Its first page: eight time columns (the grid's default).
    rows: async () => 8,
    rowSelector: 'thead th[scope=col]',
    table: async (store, id, into) => {
      // The same observations the grid's window holds, into its eight columns,
      // a row per vital sign and each value with its unit.
      const columns = groupColumns(await firstValue(store.vitals(id, { limit: 9 * 24 }))).slice(
        0,
        8,
      );
      const signs = Object.keys(VITAL_SIGNS) as VitalSignId[];
      const cell = (sign: VitalSignId, column: (typeof columns)[number]) =>
        column.records
          .filter((r) => vitalSignOf(r.current.code) === sign)
          .map((r) => vitalReading(r.current)?.text ?? '')
          .join(' ');
      render(
        html`<table>
          <thead>
            <tr>
              <td></td>
              ${columns.map((c) => html`<th scope="col">${day.format(new Date(c.time))}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${signs.map(
              (sign) =>
                html`<tr>
                  <th scope="row">${VITAL_SIGNS[sign].label}</th>
                  ${columns.map((c) => html`<td>${cell(sign, c)}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>`,
        into,
      );
    },
  },
];

/** Resolves once `element` shows `rows` items (its `item` parts, or what `selector` names). */
function shown(element: HTMLElement, rows: number, selector = '[part~="item"]'): Promise<void> {
  const count = () => element.shadowRoot?.querySelectorAll(selector).length ?? 0;
  if (count() >= rows) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (count() >= rows) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(element.shadowRoot!, { childList: true, subtree: true });
  });
}

async function measureCase(c: Case): Promise<BenchResult> {
  const file = (await listFixtures('synthea')).find((name) => name.startsWith(c.fixture))!;
  const databaseName = benchDatabaseName(`render-${c.name}`);
  const store = await openChartStore({ databaseName, user: BENCH_USER });
  try {
    const { patientIds } = await importBundle(store, await fixtureText('synthea', file));
    const patientId = patientIds[0]!;
    const rows = await c.rows(store, patientId);
    const host = document.body.appendChild(document.createElement('div'));
    const { subject, baseline } = await measurePair(
      async () => {
        const element = document.createElement(c.tag) as HTMLElement & {
          store?: ChartStore;
          patientId: string;
        };
        element.store = store;
        element.patientId = patientId;
        host.append(element);
        await shown(element, rows, c.rowSelector);
        element.remove();
      },
      async () => {
        await c.table(store, patientId, host);
        render(null, host);
      },
      { repeat: REPEAT },
    );
    host.remove();
    return toResult({
      name: `summary-render.${c.name}`,
      unit: 'ms',
      subject,
      baseline,
      target: { max: 1.5 },
      notes: { fixture: c.fixture, rows },
    });
  } finally {
    await store.close();
    await deleteDatabase(databaseName);
  }
}

export default async function summaryRender(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const c of cases) results.push(await measureCase(c));
  return results;
}
