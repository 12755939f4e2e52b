// First render of <emr-problem-list> on a real local store holding the
// Synthea patient with the most conditions (Fletcher Hyatt, 20): from the
// element being put in the page to its last problem on screen.
//
// Baseline: the same live query on the same store, and the same rows — the
// same facts per problem (name, status, onset, end), written by the same
// clinical rules — rendered as a plain lit-html table. The ratio is what
// the element itself adds (sections, marks, states, actions, forms).
// Target: at most 1.5.
import { html, render } from 'lit';
import { clinicalStatusOf, conceptLabel, problemName, problemPlace } from '../../clinical/index.js';
import '../../components/problem-list/emr-problem-list.js';
import { abatementText, onsetText } from '../../components/problem-list/problem-dates.js';
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
const FIXTURE = 'Fletcher_Hyatt';

async function table(store: ChartStore, patientId: string, into: HTMLElement): Promise<void> {
  const records = (await firstValue(store.conditions(patientId))).filter(
    (record) => problemPlace(record.current) !== 'hidden',
  );
  render(
    html`<table>
      <tbody>
        ${records.map((record) => {
          const condition = record.current;
          return html`<tr>
            <th scope="row">${problemName(conceptLabel(condition.code) ?? '')}</th>
            <td>${clinicalStatusOf(condition) ?? ''}</td>
            <td>${onsetText(condition)}</td>
            <td>${abatementText(condition) ?? ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>`,
    into,
  );
}

/** Resolves once the list shows `rows` problems. */
function shown(element: HTMLElement, rows: number): Promise<void> {
  const count = () => element.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0;
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

export default async function problemListRender(): Promise<BenchResult[]> {
  const file = (await listFixtures('synthea')).find((name) => name.startsWith(FIXTURE))!;
  const databaseName = benchDatabaseName('render-problem-list');
  const store = await openChartStore({ databaseName, user: BENCH_USER });
  try {
    const { patientIds } = await importBundle(store, await fixtureText('synthea', file));
    const patientId = patientIds[0]!;
    const rows = (await firstValue(store.conditions(patientId))).filter(
      (record) => problemPlace(record.current) !== 'hidden',
    ).length;
    const host = document.body.appendChild(document.createElement('div'));
    const { subject, baseline } = await measurePair(
      async () => {
        const element = document.createElement('emr-problem-list');
        element.store = store;
        element.patientId = patientId;
        host.append(element);
        await shown(element, rows);
        element.remove();
      },
      async () => {
        await table(store, patientId, host);
        render(null, host);
      },
      { repeat: REPEAT },
    );
    host.remove();
    return [
      toResult({
        name: 'problem-list-render.first-render',
        unit: 'ms',
        subject,
        baseline,
        target: { max: 1.5 },
        notes: { fixture: FIXTURE, rows },
      }),
    ];
  } finally {
    await store.close();
    await deleteDatabase(databaseName);
  }
}
