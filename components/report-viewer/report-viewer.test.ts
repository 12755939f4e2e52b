import { expect, fixture, html, waitUntil } from '../../test/support/testing.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { ChartStore, FhirResource } from '../../model/index.js';
import { importBundle } from '../../storage/index.js';
import { syntheaText } from '../../test/support/browser-fixtures.js';
import {
  erroneousReport,
  imagingStudy,
  labReport,
  labResults,
  pathologyReport,
  radiologyReport,
  REPORT_PATIENT,
} from '../../test/support/charts/reports.js';
import { failingStore, pendingStore } from '../../test/support/stand-in-stores.js';
import {
  closeTestStores,
  openTestStore,
  storeWithEmptyChart,
} from '../../test/support/test-stores.js';
import './emr-report-viewer.js';
import { EmrReportViewer } from './report-viewer.js';
import { sanitiseHtml } from './sanitise-html.js';

const root = (el: EmrReportViewer) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const detail = (el: EmrReportViewer, label: string) =>
  text(
    [...root(el).querySelectorAll('.detail')]
      .find((row) => text(row.querySelector('dt')) === label)
      ?.querySelector('dd'),
  );
const row = (el: EmrReportViewer, key: string) =>
  [...root(el).querySelectorAll(`tr[data-key="${key}"] td`)].map(text);

async function chart(resources: FhirResource[]) {
  const store = await storeWithEmptyChart(REPORT_PATIENT);
  for (const resource of resources) await store.record(resource);
  return store;
}

async function viewer(store: ChartStore | undefined, key: string): Promise<EmrReportViewer> {
  const el = await fixture<EmrReportViewer>(
    html`<emr-report-viewer .store=${store} record-key=${key}></emr-report-viewer>`,
  );
  if (store) await waitUntil(() => text(root(el)) !== 'Loading the report…');
  return el;
}

describe('emr-report-viewer', () => {
  afterEach(closeTestStores);

  it('is defined, and maps record-key to key', async () => {
    expect(customElements.get('emr-report-viewer')).to.equal(EmrReportViewer);
    const el = await fixture<EmrReportViewer>(
      html`<emr-report-viewer record-key="DiagnosticReport/x"></emr-report-viewer>`,
    );
    expect(el.key).to.equal('DiagnosticReport/x');
    el.key = 'ImagingStudy/y';
    await el.updateComplete;
    expect(el.getAttribute('record-key')).to.equal('ImagingStudy/y');
    expect(text(root(el))).to.equal('No report chosen.');
  });

  it('shows a Synthea blood count with its real results', async function () {
    this.timeout(60_000); // a whole Synthea bundle imported on a busy machine
    const store = await openTestStore();
    await importBundle(store, await syntheaText('Douglas_Walsh'));
    const el = await viewer(store, 'DiagnosticReport/7f079ccd-b19e-4a8d-8542-366a807308e0');
    await waitUntil(
      () => root(el).querySelectorAll('tbody tr[data-key]').length === 11,
      'results not shown',
    );
    expect(text(root(el).querySelector('.title'))).to.equal(
      'Complete blood count (hemogram) panel - Blood by Automated count',
    );
    expect(text(root(el).querySelector('.kind'))).to.equal('Laboratory');
    expect(detail(el, 'Status')).to.equal('Final');
    expect(detail(el, 'Taken')).to.include('28 Sept 2011');
    expect(detail(el, 'Performed by')).to.equal('Not recorded');
    expect(row(el, 'Observation/c41bbd89-4d9d-4814-817a-710429c0b41c')).to.deep.equal([
      '6.51662318883 ×10³/µL',
      '—',
      '—',
    ]);
    expect(text(root(el).querySelector('tbody th'))).to.equal(
      'Leukocytes [#/volume] in Blood by Automated count',
    );
    await expect(el).to.be.accessible();
  });

  it('shows a Synthea imaging study: modality, started, series and image counts', async function () {
    this.timeout(60_000); // a whole Synthea bundle imported on a busy machine
    const store = await openTestStore();
    await importBundle(store, await syntheaText('Douglas_Walsh'));
    const el = await viewer(store, 'ImagingStudy/9f856702-2949-4fcc-973d-c5ae036ac501');
    await waitUntil(() => detail(el, 'Modality'));
    expect(detail(el, 'Modality')).to.equal('Ultrasound');
    expect(detail(el, 'Started')).to.include('23 Dec 2018');
    expect([detail(el, 'Series'), detail(el, 'Images (instances)')]).to.deep.equal(['1', '1']);
    expect(text(root(el).querySelector('[part="series"] tbody tr'))).to.equal(
      '1 Ultrasound thoracic Ultrasound Multiframe Image Storage 1',
    );
    await expect(el).to.be.accessible();
  });

  it('flags results by interpretation first, then by reference range, in words and icons', async () => {
    const store = await chart([...labResults(), labReport()]);
    const el = await viewer(store, 'DiagnosticReport/lab-1');
    await waitUntil(() => root(el).querySelectorAll('tbody tr[data-key]').length === 6);
    expect(row(el, 'Observation/hb')).to.deep.equal(['10.2 g/dL', '↓ Low', '13.5 g/dL–17.5 g/dL']);
    expect(row(el, 'Observation/wbc')).to.deep.equal([
      '14.1 ×10³/µL',
      '↑ High',
      '4 ×10³/µL–11 ×10³/µL',
    ]);
    expect(row(el, 'Observation/k')).to.deep.equal(['6.9 mmol/L', '⇈ Critically high', '—']);
    expect(row(el, 'Observation/plt')).to.deep.equal([
      '250 ×10³/µL',
      '✓ Normal',
      '150 ×10³/µL–400 ×10³/µL',
    ]);
    expect(row(el, 'Observation/abo')).to.deep.equal(['Group A', '—', '—']);
    expect(row(el, 'Observation/crp')).to.deep.equal(['No value: Specimen haemolysed', '—', '—']);
    expect(text(root(el).querySelector('tr.missing'))).to.equal(
      'Mean corpuscular volume Not on this device',
    );
    expect(text(root(el).querySelector('.missing-count'))).to.equal(
      '1 result listed by the report is not on this device.',
    );
    expect(detail(el, 'Issued')).to.include('4 Mar 2024');
    expect(detail(el, 'Performed by')).to.equal('City Hospital Laboratory');
    await expect(el).to.be.accessible();
  });

  it('shows a radiology report’s HTML sanitised: no script, handler, style, frame, image or javascript: link', async () => {
    const el = await viewer(await chart([radiologyReport()]), 'DiagnosticReport/rad-1');
    await waitUntil(() => root(el).querySelector('.html'));
    const body = root(el).querySelector('.html')!;
    expect(text(root(el).querySelector('.kind'))).to.equal('Radiology');
    expect(detail(el, 'Status')).to.equal('Amended');
    expect(text(root(el).querySelector('[part="conclusion"]'))).to.equal(
      'Conclusion No acute cardiopulmonary process. Coded diagnoses: Normal (17621005)',
    );
    expect(body.querySelectorAll('script, style, iframe, img, svg, h1')).to.have.length(0);
    const all = [body, ...body.querySelectorAll('*')];
    expect(all.flatMap((node) => [...node.attributes].map((a) => a.name))).to.not.include.members([
      'onclick',
      'onerror',
      'onmouseover',
      'style',
      'src',
    ]);
    const links = [...body.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      null,
      'https://pacs.example.org/study/42',
    ]);
    expect(links[1]!.rel).to.equal('noopener noreferrer');
    expect(text(body)).to.include('Lungs are clear.');
    expect(text(body.querySelector('td'))).to.equal('No effusion');
    expect(text(body)).not.to.include('__pwned');
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('sanitises without running or fetching anything, whatever the markup', () => {
    const fragment = sanitiseHtml(
      '<div><a href=" JaVaScRiPt:alert(1)">x</a><a href="data:text/html,hi">y</a><math><mi>z</mi></math><form><input value="q"></form><details open ontoggle="alert(1)">kept text</details></div>',
    );
    const box = document.createElement('div');
    box.append(fragment);
    expect(box.innerHTML).to.equal('<div><a>x</a><a>y</a>kept text</div>');
  });

  it('shows a pathology report’s text decoded as UTF-8, and its PDFs as links, never inlined', async () => {
    const el = await viewer(await chart([pathologyReport()]), 'DiagnosticReport/path-1');
    await waitUntil(() => root(el).querySelector('.text'));
    expect(text(root(el).querySelector('.kind'))).to.equal('Pathology');
    expect(root(el).querySelector('.text')!.textContent).to.equal(
      'Ménétrier disease excluded.\nNo dysplasia.',
    );
    const pdfs = [...root(el).querySelectorAll<HTMLAnchorElement>('[data-kind="pdf"] a')];
    expect(pdfs.map((a) => text(a))).to.deep.equal(['Open the PDF: Signed report', 'Open the PDF']);
    expect(pdfs[0]!.getAttribute('href')).to.match(/^data:application\/pdf;base64,/);
    expect(pdfs[0]!.getAttribute('download')).to.equal('Signed report.pdf');
    expect(pdfs[1]!.getAttribute('href')).to.equal('https://lab.example.org/reports/path-1.pdf');
    expect(root(el).querySelectorAll('iframe, embed, object')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows an imaging study’s counts from its series, and its endpoint as a link', async () => {
    const el = await viewer(await chart([imagingStudy()]), 'ImagingStudy/ct-1');
    await waitUntil(() => detail(el, 'Modality'));
    expect(text(root(el).querySelector('.title'))).to.equal('CT head without contrast');
    expect([detail(el, 'Series'), detail(el, 'Images (instances)')]).to.deep.equal(['2', '34']);
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('[part="endpoint"] a')];
    expect(links.map((a) => [text(a), a.getAttribute('href')])).to.deep.equal([
      ['Open Hospital PACS viewer', 'https://pacs.example.org/wado-rs'],
    ]);
    expect(text(root(el).querySelector('[part="endpoint"]'))).to.include(
      'Endpoint/elsewhere (no web address)',
    );
    // Reached from the keyboard: the link is the first stop of the page.
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(links[0]);
    await expect(el).to.be.accessible();
  });

  it('never shows a report’s results as not on this device before they are read', async () => {
    const store = await chart([...labResults(), labReport()]);
    // Every frame the element commits, seen as it commits it.
    const el = document.createElement('emr-report-viewer') as EmrReportViewer;
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(text(root(el).querySelector('tbody'))));
    el.store = store;
    el.key = 'DiagnosticReport/lab-1';
    document.body.append(el);
    try {
      observer.observe(root(el), { childList: true, subtree: true, characterData: true });
      await waitUntil(() => row(el, 'Observation/hb').length === 3, 'results not shown');
    } finally {
      observer.disconnect();
      el.remove();
    }
    // Only the result the store does not hold (mcv) ever says so.
    const wrong = seen.filter((frame) => (frame.match(/Not on this device/g) ?? []).length > 1);
    expect(wrong, 'a frame showed read results as missing').to.deep.equal([]);
  });

  it('says when the report is not found, not a report, entered in error, loading or failing', async () => {
    const store = await chart([erroneousReport()]);
    const missing = await viewer(store, 'DiagnosticReport/nowhere');
    expect(text(root(missing))).to.equal('This report is not on this device.');
    const patient = await viewer(store, `Patient/${REPORT_PATIENT}`);
    expect(text(root(patient))).to.equal(
      'This record is not a diagnostic report or an imaging study.',
    );
    const wrong = await viewer(store, 'DiagnosticReport/lab-wrong');
    await waitUntil(() => text(root(wrong)).includes('entered in error'));
    expect(text(root(wrong).querySelector('.notice'))).to.equal(
      'This report was entered in error: its contents are not shown.',
    );
    expect(root(wrong).querySelector('table, dl')).to.equal(null);
    await expect(wrong).to.be.accessible();
    const pending = await fixture<EmrReportViewer>(
      html`<emr-report-viewer
        .store=${pendingStore()}
        record-key="DiagnosticReport/x"
      ></emr-report-viewer>`,
    );
    expect(text(root(pending))).to.equal('Loading the report…');
    const failing = await viewer(
      failingStore('unavailable', 'Storage is switched off.'),
      'DiagnosticReport/x',
    );
    expect(text(root(failing))).to.include(
      'The report could not be loaded: Storage is switched off.',
    );
  });

  it('follows the record: a report changed in the store is shown changed', async () => {
    const store = await chart([radiologyReport()]);
    const el = await viewer(store, 'DiagnosticReport/rad-1');
    await waitUntil(() => detail(el, 'Status') === 'Amended');
    const [record] = await Promise.all([
      new Promise<import('../../model/index.js').ChartRecord | undefined>((resolve) => {
        const stop = store.chartRecord('DiagnosticReport/rad-1').subscribe({
          next: (value) => {
            resolve(value);
            queueMicrotask(stop);
          },
        });
      }),
    ]);
    await store.revise({ ...radiologyReport(), status: 'corrected' }, record!.heads[0]!.revisionId);
    await waitUntil(() => detail(el, 'Status') === 'Corrected', 'the change was not shown');
  });

  it('prints the whole report, with link addresses', async () => {
    const el = await viewer(await chart([pathologyReport()]), 'DiagnosticReport/path-1');
    await waitUntil(() => root(el).querySelector('.text'));
    try {
      await emulateMedia({ media: 'print' });
      await waitUntil(() => matchMedia('print').matches, 'print media not applied');
      const link = root(el).querySelectorAll('[data-kind="pdf"] a')[1]!;
      expect(getComputedStyle(link, '::after').content).to.equal(
        '" (https://lab.example.org/reports/path-1.pdf)"',
      );
      expect(getComputedStyle(root(el).querySelector('.text')!).display).to.equal('block');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
