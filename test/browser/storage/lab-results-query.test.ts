import { expect } from '../../support/testing.js';
import { ChartStoreError, writeBundle, type FhirResource } from '../../../model/index.js';
import { importBundle } from '../../../storage/index.js';
import { labChart } from '../../../bench/generators/lab-chart.js';
import { closeTestStores, openTestStore, valueOf } from '../../support/test-stores.js';

// ChartStore.labResults on a real store: laboratory observations only,
// newest first, a window of the newest `limit`, and the reports of its span.

const PATIENT = 'lab-q';

afterEach(closeTestStores);

describe('ChartStore.labResults', () => {
  it('returns laboratory results newest first with their reports, a limit at a time', async () => {
    const store = await openTestStore();
    const chart = labChart({ patientId: PATIENT, months: 3, panels: 2, testsPerPanel: 3 });
    const survey = {
      resourceType: 'Observation',
      id: 'survey-1',
      status: 'final',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/observation-category',
              code: 'survey',
            },
          ],
        },
      ],
      code: { text: 'A survey answer' },
      subject: { reference: `Patient/${PATIENT}` },
      effectiveDateTime: '2015-03-06T00:00:00Z',
      valueString: 'yes',
    } as FhirResource;
    await importBundle(store, writeBundle([...chart, survey]));

    const all = await valueOf(store.labResults(PATIENT));
    expect(all.observations.length).to.equal(18);
    expect(all.observations.map((r) => r.key)).not.to.include('Observation/survey-1');
    expect(all.reports.length).to.equal(6);
    expect(all.more).to.equal(false);
    const dates = all.observations.map((r) => r.current.effectiveDateTime!);
    expect(dates).to.deep.equal([...dates].sort().reverse());

    const newest = await valueOf(store.labResults(PATIENT, { limit: 6 }));
    expect(newest.observations.length).to.equal(6);
    expect(newest.more).to.equal(true);
    expect(new Set(newest.observations.map((r) => r.current.effectiveDateTime))).to.deep.equal(
      new Set(['2015-03-05T08:30:00.000Z']),
    );
    expect(newest.reports.map((r) => r.current.effectiveDateTime)).to.deep.equal([
      '2015-03-05T08:30:00.000Z',
      '2015-03-05T08:30:00.000Z',
    ]);

    const ranged = await valueOf(
      store.labResults(PATIENT, { from: '2015-02-01', to: '2015-03-01' }),
    );
    expect(ranged.observations.length).to.equal(6);
    expect(ranged.observations[0]!.current.effectiveDateTime).to.equal('2015-02-05T08:30:00.000Z');
  });

  it('refuses a limit that is not a whole number above 0', async () => {
    const store = await openTestStore();
    const error = await valueOf(store.labResults(PATIENT, { limit: 0 })).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ChartStoreError);
    expect((error as ChartStoreError).code).to.equal('invalid');
  });
});
