// A pull outlives its access token (the demo EHR's last 4 seconds here): the
// SMART session renews it ahead of expiry with the refresh token, and a token
// the server no longer takes (401) is renewed once and the request retried.
import { expect } from '../../support/testing.js';
import {
  completeSmartLaunch,
  pullChart,
  smartAuthorizationUrl,
  type FhirAuth,
} from '../../../ehr/index.js';
import { closeTestStores, openTestStore, valueOf } from '../../support/test-stores.js';
import { demoEhr, type DemoEhr } from '../../support/ehr.js';

let ehr: DemoEhr;

before(async () => {
  ehr = await demoEhr.start({
    redirectUri: new URL('/callback', location.href).href,
    accessTokenLifetime: 4,
  });
});
after(() => demoEhr.stop());
afterEach(async () => {
  await closeTestStores();
  await demoEhr.delay(0);
});

async function launch(patient: string) {
  const client = {
    clientId: ehr.clientId,
    redirectUri: ehr.redirectUri,
    scope: 'openid fhirUser offline_access patient/*.rs',
  };
  const launchId = await demoEhr.launch(patient);
  const authorize = await smartAuthorizationUrl(client, {
    fhirBaseUrl: ehr.fhirBaseUrl,
    launch: launchId,
  });
  return completeSmartLaunch(await demoEhr.follow(authorize.href, client.redirectUri));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a token that expires mid-pull', () => {
  it('is renewed with the refresh token and the pull completes, no request refused', async function () {
    this.timeout(120_000);
    const patient = ehr.patients[0]!;
    const session = await launch(patient.id);
    const refreshesBefore = await demoEhr.refreshes();
    // Slow answers and small pages: the pull lasts several token lifetimes.
    await demoEhr.delay(250);
    const from = (await demoEhr.requests()).length;
    const store = await openTestStore();
    await pullChart(store, {
      fhirBaseUrl: ehr.fhirBaseUrl,
      patientId: patient.id,
      auth: session,
      pageSize: 10,
      maxInFlight: 2,
    });
    const requests = await demoEhr.requests(from);
    expect(requests.filter((r) => r.status === 401)).to.deep.equal([]);
    expect(await demoEhr.refreshes()).to.be.greaterThan(refreshesBefore);
    expect(await valueOf(store.chartPresence(patient.id))).to.equal('present');
  });

  it('a token refused with 401 is renewed once and the request retried', async function () {
    this.timeout(60_000);
    const patient = ehr.patients[1]!;
    const session = await launch(patient.id);
    const stale = await session.authorization();
    await sleep(4500); // the token's lifetime, so the server refuses it
    let renewed = 0;
    // A host that holds on to the token it was given until told otherwise.
    let current = stale;
    const auth: FhirAuth = {
      authorization: () => current,
      refresh: async () => {
        renewed++;
        const ok = await session.refresh();
        current = await session.authorization();
        return ok;
      },
    };
    const from = (await demoEhr.requests()).length;
    const store = await openTestStore();
    await pullChart(store, { fhirBaseUrl: ehr.fhirBaseUrl, patientId: patient.id, auth });
    const refusals = (await demoEhr.requests(from)).filter((r) => r.status === 401);
    expect(refusals.length).to.be.within(1, 4); // the requests in flight when it lapsed
    expect(renewed).to.be.within(1, refusals.length); // once per refused request at most, shared by those refused together
    expect(await valueOf(store.chartPresence(patient.id))).to.equal('present');
  });

  it('a token that cannot be renewed fails the pull as unauthorized, nothing saved', async function () {
    this.timeout(60_000);
    const patient = ehr.patients[1]!;
    const session = await launch(patient.id);
    const stale = await session.authorization();
    await sleep(4500);
    const store = await openTestStore();
    const error = await pullChart(store, {
      fhirBaseUrl: ehr.fhirBaseUrl,
      patientId: patient.id,
      auth: { authorization: () => stale },
    }).catch((e: unknown) => e);
    expect((error as Error).message).to.match(
      /answered 401: the server did not accept the authorisation/,
    );
    expect(await valueOf(store.chartPresence(patient.id))).to.equal('absent');
  });
});
