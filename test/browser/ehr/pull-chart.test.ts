// pullChart against the demo EHR: Medplum's FHIR engine and oidc-provider as
// the SMART authorization server, on 127.0.0.1, seeded with the six Synthea
// patients. What a pull saves must be what importBundle saves of the same
// bundle; what goes wrong on the way (429, a server that dies, a refusal, a
// record changed on both sides) must never leave half a chart that looks whole.
import { expect } from '../../support/testing.js';
import {
  bearerToken,
  EhrError,
  keepChartFresh,
  pullChart,
  PullError,
  type PullOptions,
} from '../../../ehr/index.js';
import { importBundle, type DexieChartStore } from '../../../storage/index.js';
import type { FhirResource } from '../../../model/index.js';
import {
  closeTestStores,
  openTestStore,
  PATIENT_VIEWER,
  valueOf,
} from '../../support/test-stores.js';
import { demoEhr, type DemoEhr } from '../../support/ehr.js';

let ehr: DemoEhr;
let token: string;

before(async () => {
  ehr = await demoEhr.start({ redirectUri: new URL('/callback', location.href).href });
});
after(() => demoEhr.stop());
afterEach(async () => {
  await closeTestStores();
  await demoEhr.revive();
});

async function tokenFor(patient: string, scope?: string): Promise<string> {
  return (await demoEhr.token(patient, scope)).access_token;
}

function options(patientId: string, extra: Partial<PullOptions> = {}): PullOptions {
  return {
    fhirBaseUrl: ehr.fhirBaseUrl,
    patientId,
    auth: bearerToken(token),
    backoff: { baseMs: 50, maxMs: 2000 },
    ...extra,
  };
}

/** The patient's chart as the store exports it, keyed by Type/id, without what the FHIR server adds of its own (its version and time). */
async function chartOf(store: DexieChartStore, patientId: string): Promise<Map<string, unknown>> {
  const bundle = await store.exportPatient(patientId);
  return new Map(
    (bundle.entry ?? []).map(({ resource }) => {
      const { meta, ...rest } = resource as FhirResource & { meta?: Record<string, unknown> };
      const { versionId: _v, lastUpdated: _l, ...otherMeta } = meta ?? {};
      return [
        `${resource.resourceType}/${resource.id}`,
        Object.keys(otherMeta).length > 0 ? { ...rest, meta: otherMeta } : rest,
      ];
    }),
  );
}

async function importedChart(patient: DemoEhr['patients'][number]): Promise<Map<string, unknown>> {
  const store = await openTestStore();
  const text = await (await fetch(`/@fixtures/synthea/${encodeURIComponent(patient.file)}`)).text();
  await importBundle(store, text);
  return chartOf(store, patient.id);
}

function expectSameChart(pulled: Map<string, unknown>, imported: Map<string, unknown>): void {
  expect([...pulled.keys()].sort()).to.deep.equal([...imported.keys()].sort());
  for (const [key, resource] of imported) expect(pulled.get(key), key).to.deep.equal(resource);
}

describe('pullChart', () => {
  for (let i = 0; i < 6; i++) {
    it(`pulls Synthea patient ${i + 1} into the store exactly as importBundle saves the same bundle`, async function () {
      this.timeout(120_000);
      const patient = ehr.patients[i]!;
      token = await tokenFor(patient.id);
      const store = await openTestStore();
      const phases = new Set<string>();
      const summary = await pullChart(
        store,
        options(patient.id, { onProgress: ({ phase }) => phases.add(phase) }),
      );
      expect(summary.notOffered).to.deep.equal([]);
      expect([...phases]).to.include.members(['fetching', 'writing', 'done']);
      expectSameChart(await chartOf(store, patient.id), await importedChart(patient));
      // Each record keeps the server's version and time.
      const bundle = await store.exportPatient(patient.id);
      for (const { resource } of bundle.entry ?? []) {
        expect(resource.meta?.versionId, `${resource.resourceType}/${resource.id}`).to.be.a(
          'string',
        );
        expect(resource.meta?.lastUpdated).to.be.a('string');
      }
    });
  }

  it('follows next links page by page with a page size of 5, every record once', async function () {
    this.timeout(120_000);
    const patient = smallest();
    token = await tokenFor(patient.id);
    const from = (await demoEhr.requests()).length;
    const store = await openTestStore();
    await pullChart(store, options(patient.id, { pageSize: 5 }));
    // The patient's searches (the names of who and what they point to come by id, 50 at a time).
    const searches = (await demoEhr.requests(from)).filter(
      (r) => r.method === 'GET' && /[?&]patient=/.test(r.path),
    );
    expect(searches.filter((r) => r.status !== 200)).to.deep.equal([]);
    expect(searches.filter((r) => !/_count=5\b/.test(r.path))).to.deep.equal([]);
    const records = (await store.exportPatient(patient.id)).entry!.length - 1;
    expect(searches.length).to.be.at.least(Math.ceil(records / 5));
    expectSameChart(await chartOf(store, patient.id), await importedChart(patient));
  });

  it('waits as a 429 or 503 asks (Retry-After) and carries on', async function () {
    this.timeout(60_000);
    const patient = smallest();
    token = await tokenFor(patient.id);
    await demoEhr.fail({ status: 429, retryAfter: 1, times: 2, pathIncludes: '/Condition?' });
    await demoEhr.fail({
      status: 503,
      retryAfter: 1,
      times: 1,
      pathIncludes: '/AllergyIntolerance?',
    });
    const from = (await demoEhr.requests()).length;
    const store = await openTestStore();
    await pullChart(store, options(patient.id));
    const conditions = (await demoEhr.requests(from)).filter((r) => r.path.includes('/Condition?'));
    expect(conditions.map((r) => r.status).slice(0, 3)).to.deep.equal([429, 429, 200]);
    expectSameChart(await chartOf(store, patient.id), await importedChart(patient));
  });

  it('gives up on a server that stays busy, names the type, and saves nothing of the chart', async function () {
    this.timeout(60_000);
    const patient = smallest();
    token = await tokenFor(patient.id);
    await demoEhr.fail({ status: 503, times: 100, pathIncludes: '/MedicationRequest?' });
    const store = await openTestStore();
    const error = await pullChart(store, options(patient.id, { maxAttempts: 3 })).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(PullError);
    const failed = (error as PullError).failed;
    expect(failed.map((f) => f.resourceType)).to.deep.equal(['MedicationRequest']);
    expect((failed[0]!.error as EhrError).kind).to.equal('unavailable');
    expect((error as Error).message).to.match(/MedicationRequest .*503.*nothing of it saved/);
    expect(await valueOf(store.chartPresence(patient.id))).to.equal('absent');
    expect(await valueOf(store.allergies(patient.id))).to.deep.equal([]);
  });

  it('a server that dies while the chart is fetched leaves nothing; the next pull completes', async function () {
    this.timeout(120_000);
    const patient = smallest();
    token = await tokenFor(patient.id);
    await demoEhr.dieAfter(4);
    const store = await openTestStore();
    const error = await pullChart(store, options(patient.id, { maxAttempts: 2 })).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(PullError);
    expect((error as PullError).completed).to.deep.equal([]);
    expect(
      (error as PullError).failed.some(({ error }) => (error as EhrError).kind === 'network'),
    ).to.equal(true);
    expect(await valueOf(store.chartPresence(patient.id))).to.equal('absent');
    await demoEhr.revive();
    await pullChart(store, options(patient.id));
    expectSameChart(await chartOf(store, patient.id), await importedChart(patient));
  });

  it('a server that dies while older observations arrive keeps the chart and the newest of them, says how far back, and the next pull resumes', async function () {
    this.timeout(180_000);
    const patient = largest();
    token = await tokenFor(patient.id);
    let chartSaved = false;
    let historyPages = 0;
    // The host's fetch: once the chart is saved, the third page of history kills the server.
    const fetcher: typeof fetch = async (input, init) => {
      if (chartSaved && String(input).includes('Observation') && ++historyPages === 3)
        await demoEhr.dieAfter(0);
      return fetch(input, init);
    };
    const store = await openTestStore();
    const error = await pullChart(
      store,
      options(patient.id, {
        fetch: fetcher,
        pageSize: 50,
        historyChunk: 50,
        maxAttempts: 2,
        onProgress: ({ phase }) => (chartSaved ||= phase === 'done'),
      }),
    ).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(PullError);
    const { completed, failed } = error as PullError;
    expect(completed).to.include.members(['AllergyIntolerance', 'MedicationRequest', 'Condition']);
    expect(failed.map((f) => f.resourceType)).to.deep.equal(['Observation']);
    const savedBackTo = failed[0]!.partialFrom!;
    expect(savedBackTo).to.be.a('string');
    expect((error as Error).message).to.contain(`saved only back to ${savedBackTo}`);
    expect(await valueOf(store.chartPresence(patient.id))).to.equal('present');
    const partial = await chartOf(store, patient.id);
    const imported = await importedChart(patient);
    const observations = (chart: Map<string, unknown>) =>
      [...chart.keys()].filter((key) => key.startsWith('Observation/')).length;
    expect(observations(partial)).to.be.within(1, observations(imported) - 1);
    await demoEhr.revive();
    const from = (await demoEhr.requests()).length;
    await pullChart(store, options(patient.id, { pageSize: 50, historyChunk: 50 }));
    // Resumed where it stopped: the first history request is the link it kept, not page one again.
    const resumed = (await demoEhr.requests(from)).filter((r) => r.path.includes('Observation'));
    expect(
      resumed.some(
        (r) =>
          !r.path.includes('_lastUpdated') &&
          !/_offset=0\b/.test(r.path) &&
          /_offset=|page=|cursor=/.test(r.path),
      ),
    ).to.equal(true);
    expectSameChart(await chartOf(store, patient.id), imported);
  });

  it('a 403 names the type the user may not read, and nothing is saved', async function () {
    this.timeout(60_000);
    const patient = smallest();
    token = await tokenFor(
      patient.id,
      'launch/patient openid fhirUser patient/Patient.rs patient/Observation.rs',
    );
    const store = await openTestStore();
    const error = (await pullChart(store, options(patient.id)).catch(
      (e: unknown) => e,
    )) as PullError;
    expect(error).to.be.instanceOf(PullError);
    const refused = error.failed.find((f) => f.resourceType === 'AllergyIntolerance')!;
    expect((refused.error as EhrError).kind).to.equal('forbidden');
    expect((refused.error as EhrError).status).to.equal(403);
    expect(refused.error.message).to.match(
      /^AllergyIntolerance: GET AllergyIntolerance\?patient=.* answered 403/,
    );
    expect(await valueOf(store.chartPresence(patient.id))).to.equal('absent');
  });

  it('a reader’s store is refused before anything is fetched', async () => {
    const from = (await demoEhr.requests()).length;
    const store = await openTestStore(undefined, PATIENT_VIEWER);
    const error = await pullChart(store, options(smallest().id)).catch((e: unknown) => e);
    expect((error as { code?: string }).code).to.equal('read-only');
    expect((error as Error).message).to.match(/cannot pull one into this device/);
    expect(await demoEhr.requests(from)).to.deep.equal([]);
  });

  it('a 404 for a patient the server does not have is a clear error', async () => {
    token = await tokenFor(smallest().id);
    const store = await openTestStore();
    const error = (await pullChart(store, options('no-such-patient')).catch(
      (e: unknown) => e,
    )) as PullError;
    expect(error).to.be.instanceOf(PullError);
    expect(error.failed.map((f) => (f.error as EhrError).kind)).to.include.oneOf([
      'not-found',
      'forbidden',
    ]);
    expect(await valueOf(store.chartPresence('no-such-patient'))).to.equal('absent');
  });

  it('refuses a record of another patient in the answer, and a next link that leads off the server, saving nothing', async () => {
    const patient = smallest();
    token = await tokenFor(patient.id);
    const offServer: string[] = [];
    const tamper =
      (rewrite: (body: Record<string, unknown>) => void, path: string): typeof fetch =>
      async (input, init) => {
        if (!String(input).startsWith(ehr.fhirBaseUrl)) offServer.push(String(input));
        const response = await fetch(input, init);
        if (!String(input).includes(path)) return response;
        const body = (await response.json()) as Record<string, unknown>;
        rewrite(body);
        return new Response(JSON.stringify(body), {
          status: response.status,
          headers: response.headers,
        });
      };
    const store = await openTestStore();
    const otherPatient = tamper((bundle) => {
      const entry = (bundle.entry as Array<{ resource: { subject?: unknown } }>)[0]!;
      entry.resource.subject = { reference: 'Patient/someone-else' };
    }, '/Condition?');
    const mixed = (await pullChart(store, options(patient.id, { fetch: otherPatient })).catch(
      (e: unknown) => e,
    )) as PullError;
    expect(mixed.failed[0]!.error.message).to.match(
      /Condition\/.* belongs to patient someone-else; nothing of it was saved/,
    );
    const offLink = tamper((bundle) => {
      bundle.link = [{ relation: 'next', url: 'https://elsewhere.example/fhir/Condition?page=2' }];
    }, '/Condition?');
    const led = (await pullChart(store, options(patient.id, { fetch: offLink })).catch(
      (e: unknown) => e,
    )) as PullError;
    expect(led.failed[0]!.error.message).to.match(/leads off the FHIR server .* not followed/);
    expect(offServer).to.deep.equal([]);
    expect(await valueOf(store.chartPresence(patient.id))).to.equal('absent');
  });

  it('a second pull asks only for what changed ($everything with _since), and a change on the server replaces the version pulled before', async function () {
    this.timeout(60_000);
    const patient = smallest();
    token = await tokenFor(patient.id);
    const store = await openTestStore();
    await pullChart(store, options(patient.id));
    const [condition] = await valueOf(store.conditions(patient.id), (list) => list.length > 0);
    const pulledRevision = condition!.heads[0]!.revisionId;
    const changed = { ...condition!.current, note: [{ text: 'Reviewed at the EHR' }] };
    const version = await demoEhr.update(changed);
    const from = (await demoEhr.requests()).length;
    const summary = await pullChart(store, options(patient.id));
    expect(summary.pulled).to.deep.equal(
      Object.fromEntries(Object.keys(summary.pulled).map((type) => [type, 'changes'])),
    );
    const asked = (await demoEhr.requests(from))
      .filter((r) => r.method === 'GET')
      .map((r) => r.path);
    expect(asked.filter((path) => /[?&]patient=/.test(path))).to.deep.equal(
      [],
      'no search per type',
    );
    expect(
      asked
        .filter((path) => path.includes('/$everything?'))
        .every((path) => /[?&]_since=/.test(path)),
    ).to.equal(true);
    expect(asked.some((path) => path.includes('/$everything?'))).to.equal(true);
    expect(summary.received.Condition).to.equal(1);
    const key = `Condition/${condition!.current.id}` as const;
    const [now] = (await valueOf(store.conditions(patient.id))).filter(
      (record) => record.key === key,
    );
    expect(now!.heads).to.have.length(1);
    expect(now!.current.meta?.versionId).to.equal(version.versionId);
    expect(now!.heads[0]!.parents).to.deep.equal([pulledRevision]);
  });

  it('a second pull reads the Patient as the server holds it now, never the browser’s copy of the first', async function () {
    this.timeout(60_000);
    const patient = smallest();
    token = await tokenFor(patient.id);
    const store = await openTestStore();
    await pullChart(store, options(patient.id));
    const pulled = (await valueOf(store.patient(patient.id), (record) => !!record))!;
    const version = await demoEhr.update({
      ...pulled.current,
      telecom: [{ system: 'phone', value: '+44 20 7946 0000', use: 'mobile' }],
    });
    await pullChart(store, options(patient.id));
    const now = await valueOf(
      store.patient(patient.id),
      (record) => record?.current.meta?.versionId === version.versionId,
    );
    expect(now!.current.telecom?.[0]?.value).to.equal('+44 20 7946 0000');
  });

  it('where the server offers no $everything, a second pull searches each type with _lastUpdated', async function () {
    this.timeout(60_000);
    const patient = smallest();
    token = await tokenFor(patient.id);
    // The same server, its CapabilityStatement without the operation.
    const without: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/metadata')) return response;
      const statement = JSON.stringify(await response.json())
        .replaceAll('"everything"', '"not-offered"')
        .replaceAll('Patient-everything', 'not-offered');
      return new Response(statement, {
        status: 200,
        headers: { 'content-type': 'application/fhir+json' },
      });
    };
    const store = await openTestStore();
    await pullChart(store, options(patient.id, { fetch: without }));
    const from = (await demoEhr.requests()).length;
    const summary = await pullChart(store, options(patient.id, { fetch: without }));
    expect(summary.pulled).to.deep.equal(
      Object.fromEntries(Object.keys(summary.pulled).map((type) => [type, 'changes'])),
    );
    const asked = (await demoEhr.requests(from))
      .filter((r) => r.method === 'GET')
      .map((r) => r.path);
    expect(asked.filter((path) => path.includes('$everything'))).to.deep.equal([]);
    const searches = asked.filter((path) => /[?&]patient=/.test(path));
    expect(searches.length).to.equal(Object.keys(summary.pulled).length);
    expect(searches.filter((path) => !path.includes('_lastUpdated=ge'))).to.deep.equal([]);
  });

  it('keepChartFresh pulls on its interval, one pull at a time, until stopped', async function () {
    this.timeout(60_000);
    const patient = smallest();
    token = await tokenFor(patient.id);
    const store = await openTestStore();
    const outcomes: Array<{ error?: Error }> = [];
    const fresh = keepChartFresh(store, {
      ...options(patient.id),
      everyMs: 300,
      onRefresh: (outcome) => outcomes.push(outcome),
    });
    const [condition] = await valueOf(store.conditions(patient.id), (list) => list.length > 0);
    const version = await demoEhr.update({
      ...condition!.current,
      note: [{ text: 'Changed at the EHR, seen without asking' }],
    });
    const changed = await valueOf(store.conditions(patient.id), (list) =>
      list.some((record) => record.current.meta?.versionId === version.versionId),
    );
    expect(changed.find((record) => record.key === condition!.key)!.heads).to.have.length(1);
    // A pull asked for while one runs is that same pull.
    expect(fresh.refreshNow()).to.equal(fresh.refreshNow());
    fresh.stop();
    const count = outcomes.length;
    expect(count).to.be.at.least(2);
    expect(outcomes.filter((outcome) => outcome.error)).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(outcomes.length).to.be.at.most(count + 1, 'no pull after stop but the one running');
  });

  it('a record changed on the server and in the kit meanwhile becomes a conflict, both versions kept', async function () {
    this.timeout(60_000);
    const patient = smallest();
    token = await tokenFor(patient.id);
    const store = await openTestStore();
    await pullChart(store, options(patient.id));
    const [allergyOrCondition] = await valueOf(
      store.conditions(patient.id),
      (list) => list.length > 0,
    );
    const record = allergyOrCondition!;
    const pulled = record.heads[0]!.revisionId;
    await store.revise({ ...record.current, note: [{ text: 'Changed in the kit' }] }, pulled);
    await demoEhr.update({ ...record.current, note: [{ text: 'Changed at the EHR' }] });
    await pullChart(store, options(patient.id));
    const conflicts = await valueOf(store.conflicts(patient.id), (list) => list.length > 0);
    const conflict = conflicts.find((c) => c.key === record.key)!;
    expect(
      conflict.heads
        .map((head) => (head.resource as { note?: Array<{ text: string }> }).note?.[0]?.text)
        .sort(),
    ).to.deep.equal(['Changed at the EHR', 'Changed in the kit']);
    for (const head of conflict.heads) expect(head.parents).to.deep.equal([pulled]);
  });
});

function smallest(): DemoEhr['patients'][number] {
  return ehr.patients.reduce((a, b) => (a.size <= b.size ? a : b));
}

function largest(): DemoEhr['patients'][number] {
  return ehr.patients.reduce((a, b) => (a.size >= b.size ? a : b));
}
