// The floor of any local-first page: the same rows read from raw IndexedDB
// and printed with lit-html, no kit. On a first visit (`?import`) it puts
// the chart's resources from chart.json into the database first.
import { html, render } from 'lit/html.js';
import { chartText } from './chart-text.js';
import { expectedRows, probeRows, reportError } from './rows-probe.js';

interface Resource {
  resourceType: string;
  id: string;
  [field: string]: unknown;
}
interface Row {
  key: string;
  patientId: string;
  resourceType: string;
  date: string;
  resource: Resource;
}
interface Coded {
  text?: string;
  coding?: Array<{ code?: string; display?: string }>;
}
interface Quantity {
  value?: number;
  unit?: string;
}

const query = new URLSearchParams(location.search);
const patientId = query.get('patient') ?? '';
const expected = expectedRows();
const root = document.body.appendChild(document.createElement('main'));
const count = (selector: string) => root.querySelectorAll(selector).length;
probeRows(
  () =>
    count('.allergy') >= expected.allergies &&
    count('.medication') >= expected.medications &&
    count('thead th') >= expected.columns,
);

const promised = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open('raw-chart', 1);
  request.onupgradeneeded = () =>
    request.result
      .createObjectStore('records', { keyPath: 'key' })
      .createIndex('byType', ['patientId', 'resourceType']);
  return promised(request);
}

function toRow(resource: Resource): Row {
  const subject = (resource.subject ?? resource.patient) as { reference?: string } | undefined;
  const owner =
    resource.resourceType === 'Patient' ? resource.id : (subject?.reference?.split('/')[1] ?? '');
  const date = String(
    resource.effectiveDateTime ?? resource.authoredOn ?? resource.recordedDate ?? '',
  );
  return {
    key: `${resource.resourceType}/${resource.id}`,
    patientId: owner,
    resourceType: resource.resourceType,
    date,
    resource,
  };
}

async function put(db: IDBDatabase, rows: Row[]): Promise<void> {
  const tx = db.transaction('records', 'readwrite');
  const records = tx.objectStore('records');
  for (const row of rows) records.put(row);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

function read(db: IDBDatabase, type: string): Promise<Row[]> {
  return promised(
    db
      .transaction('records')
      .objectStore('records')
      .index('byType')
      .getAll([patientId, type]) as IDBRequest<Row[]>,
  );
}

const named = (concept: unknown) =>
  (concept as Coded | undefined)?.text ??
  (concept as Coded | undefined)?.coding?.[0]?.display ??
  '';
const quantity = (q: unknown) =>
  q ? `${(q as Quantity).value ?? ''} ${(q as Quantity).unit ?? ''}` : '';

function show(allergies: Row[], medications: Row[], vitals: Row[]): void {
  // The newest eight times, a row per sign.
  const times = [...new Set(vitals.map((row) => row.date))].sort().reverse().slice(0, 8);
  const signs = [...new Set(vitals.map((row) => named(row.resource.code)))].sort();
  const cell = (sign: string, time: string) =>
    vitals
      .filter((row) => row.date === time && named(row.resource.code) === sign)
      .map(
        (row) =>
          quantity(row.resource.valueQuantity) ||
          ((row.resource.component ?? []) as Array<{ valueQuantity?: Quantity }>)
            .map((c) => quantity(c.valueQuantity))
            .join(' / '),
      )
      .join(' ');
  render(
    html` <ul>
        ${allergies.map((row) => html`<li class="allergy">${named(row.resource.code)} <span>${row.resource.criticality ?? ''}</span></li>`)}
      </ul>
      <ul>
        ${medications.map((row) => html`<li class="medication">${named(row.resource.medicationCodeableConcept)} <span>${row.resource.status}</span> <span>${row.date.slice(0, 10)}</span></li>`)}
      </ul>
      <table>
        <thead>
          <tr>
            <td></td>
            ${times.map((time) => html`<th scope="col">${time.slice(0, 16).replace('T', ' ')}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${signs.map(
            (sign) =>
              html`<tr>
                <th scope="row">${sign}</th>
                ${times.map((time) => html`<td>${cell(sign, time)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>`,
    root,
  );
}

try {
  const db = await openDatabase();
  if (query.has('import')) {
    const bundle = JSON.parse(await chartText()) as {
      entry: Array<{ resource: Resource }>;
    };
    await put(
      db,
      bundle.entry.map((entry) => toRow(entry.resource)),
    );
  }
  const [allergies, medications, vitals] = await Promise.all([
    read(db, 'AllergyIntolerance'),
    read(db, 'MedicationRequest'),
    read(db, 'Observation'),
  ]);
  show(
    allergies,
    medications,
    vitals.filter((row) => JSON.stringify(row.resource.category ?? '').includes('vital-signs')),
  );
} catch (error) {
  reportError(error);
}
