// SMART App Launch 2.0 end to end in the browser, against oidc-provider set up
// as the demo EHR's authorization server: the EHR launch and the standalone
// launch, PKCE checked by the server, a state this tab did not send refused,
// the launch context and the EHR's style taken from the token response.
import { expect } from '../../support/testing.js';
import {
  applySmartStyle,
  completeSmartLaunch,
  ehrLaunchParameters,
  EhrError,
  pullChart,
  smartAuthorizationUrl,
} from '../../../ehr/index.js';
import { Dexie } from 'dexie';
import {
  closeTestStores,
  openTestStore,
  uniqueDatabaseName,
  valueOf,
} from '../../support/test-stores.js';
import { demoEhr, type DemoEhr } from '../../support/ehr.js';

let ehr: DemoEhr;
let client: { clientId: string; redirectUri: string; scope: string };

before(async () => {
  ehr = await demoEhr.start({ redirectUri: new URL('/callback', location.href).href });
  client = {
    clientId: ehr.clientId,
    redirectUri: ehr.redirectUri,
    scope: 'openid fhirUser offline_access patient/*.rs',
  };
});
after(() => demoEhr.stop());
afterEach(() => closeTestStores());

/** The app's launch URL as the EHR opens it, then the authorization server, back to the redirect URI. */
async function ehrLaunch(patient: string): Promise<string> {
  const launchUrl = new URL('/launch', location.href);
  launchUrl.search = new URLSearchParams({
    iss: ehr.fhirBaseUrl,
    launch: await demoEhr.launch(patient),
  }).toString();
  const { iss, launch } = ehrLaunchParameters(launchUrl)!;
  const authorize = await smartAuthorizationUrl(client, { fhirBaseUrl: iss, launch });
  return demoEhr.follow(authorize.href, client.redirectUri);
}

describe('SMART App Launch', () => {
  it('EHR launch: PKCE S256, the launch’s patient and context from the token response, and a pull with the session', async function () {
    this.timeout(60_000);
    const patient = ehr.patients[2]!;
    const authorize = new URL(
      await smartAuthorizationUrl(client, { fhirBaseUrl: ehr.fhirBaseUrl, launch: 'x' }),
    );
    expect(authorize.searchParams.get('code_challenge_method')).to.equal('S256');
    expect(authorize.searchParams.get('aud')).to.equal(ehr.fhirBaseUrl);
    expect(authorize.searchParams.get('scope')!.split(' ')).to.include.members([
      'launch',
      'openid',
      'fhirUser',
      'patient/*.rs',
    ]);

    const callback = await ehrLaunch(patient.id);
    const session = await completeSmartLaunch(callback);
    expect(session.context.patient).to.equal(patient.id);
    expect(session.context.fhirBaseUrl).to.equal(ehr.fhirBaseUrl);
    expect(session.context.scope.split(' ')).to.include('patient/*.rs');
    expect(session.context.fhirUser).to.match(/Practitioner\//);
    expect(session.context.needPatientBanner).to.be.a('boolean');
    expect(session.context.smartStyleUrl).to.be.a('string');
    expect(session.canRefresh).to.equal(true);

    const databaseName = uniqueDatabaseName();
    const store = await openTestStore(databaseName);
    await pullChart(store, {
      fhirBaseUrl: session.context.fhirBaseUrl,
      patientId: session.context.patient!,
      auth: session,
    });
    expect(await valueOf(store.chartPresence(patient.id))).to.equal('present');
    expect((await valueOf(store.patient(patient.id)))?.current.id).to.equal(patient.id);

    // The token lives in memory only: not in local or session storage, not in the chart's database.
    const token = (await session.authorization()).replace('Bearer ', '');
    expect(token.length).to.be.greaterThan(20);
    const stored = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    const raw = await new Dexie(databaseName).open();
    for (const table of raw.tables)
      stored.push(
        JSON.stringify(await table.toArray(), (_key, value: unknown) =>
          value instanceof Uint8Array ? new TextDecoder().decode(value) : value,
        ),
      );
    raw.close();
    expect(stored.length).to.be.greaterThan(5);
    expect(stored.filter((text) => text.includes(token))).to.deep.equal([]);
  });

  it('standalone launch: launch/patient, the patient picked at the EHR', async function () {
    this.timeout(60_000);
    const authorize = await smartAuthorizationUrl(client, { fhirBaseUrl: ehr.fhirBaseUrl });
    expect(authorize.searchParams.get('scope')!.split(' ')).to.include('launch/patient');
    expect(authorize.searchParams.has('launch')).to.equal(false);
    const session = await completeSmartLaunch(
      await demoEhr.follow(authorize.href, client.redirectUri),
    );
    expect(ehr.patients.map((p) => p.id)).to.include(session.context.patient);
    expect(session.context.encounter).to.equal(undefined);
  });

  it('refuses an answer whose state this tab did not send, and a state used twice', async function () {
    this.timeout(60_000);
    const callback = new URL(await ehrLaunch(ehr.patients[0]!.id));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'a-state-from-elsewhere');
    const refused = await completeSmartLaunch(forged).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(EhrError);
    expect((refused as EhrError).kind).to.equal('launch');
    expect((refused as Error).message).to.match(/state .* is not one this tab sent; refused/);
    await completeSmartLaunch(callback);
    const replayed = await completeSmartLaunch(callback).catch((e: unknown) => e);
    expect((replayed as Error).message).to.match(/not one this tab sent/);
  });

  it('the server checks PKCE: a code traded with another verifier is refused', async function () {
    this.timeout(60_000);
    const callback = new URL(await ehrLaunch(ehr.patients[0]!.id));
    const key = `emr-kit smart launch ${callback.searchParams.get('state')}`;
    const pending = JSON.parse(sessionStorage.getItem(key)!) as { codeVerifier: string };
    sessionStorage.setItem(key, JSON.stringify({ ...pending, codeVerifier: 'x'.repeat(64) }));
    const refused = await completeSmartLaunch(callback).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(EhrError);
    expect((refused as Error).message).to.match(/token endpoint refused: invalid_grant/);
  });

  it('an error from the authorization server (the user denies) is reported as such', async () => {
    const authorize = await smartAuthorizationUrl(client, { fhirBaseUrl: ehr.fhirBaseUrl });
    const denied = new URL(client.redirectUri);
    denied.search = new URLSearchParams({
      error: 'access_denied',
      error_description: 'The user refused',
      state: authorize.searchParams.get('state')!,
      iss: ehr.issuer,
    }).toString();
    const refused = await completeSmartLaunch(denied).catch((e: unknown) => e);
    expect((refused as Error).message).to.match(
      /authorization server refused: access_denied \(The user refused\)/,
    );
  });

  it('refuses a launch URL naming a FHIR server the app was not registered with, before any request', async () => {
    const asked: string[] = [];
    const watching: typeof fetch = (input, init) => (asked.push(String(input)), fetch(input, init));
    const guarded = { ...client, allowedIssuers: [`${ehr.fhirBaseUrl}/`], fetch: watching };
    const refused = await smartAuthorizationUrl(guarded, {
      fhirBaseUrl: 'https://ehr.attacker.example/fhir',
      launch: 'x',
    }).catch((e: unknown) => e);
    expect((refused as EhrError).kind).to.equal('launch');
    expect((refused as Error).message).to.match(
      /not one of the FHIR servers this app may be launched from/,
    );
    expect(asked).to.deep.equal([]);
    const allowed = await smartAuthorizationUrl(guarded, {
      fhirBaseUrl: ehr.fhirBaseUrl,
      launch: 'x',
    });
    expect(allowed.origin).to.equal(new URL(ehr.issuer).origin);
  });

  it('refuses to launch where the server does not offer PKCE S256', async () => {
    const noPkce: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/.well-known/smart-configuration')) return response;
      const { code_challenge_methods_supported: _dropped, ...config } =
        (await response.json()) as Record<string, unknown>;
      return new Response(JSON.stringify(config), { status: 200 });
    };
    const refused = await smartAuthorizationUrl(
      { ...client, fetch: noPkce },
      { fhirBaseUrl: ehr.fhirBaseUrl },
    ).catch((e: unknown) => e);
    expect((refused as Error).message).to.match(/does not offer PKCE with S256/);
  });

  it('applies the EHR’s smart_style_url to the kit’s tokens', async function () {
    this.timeout(60_000);
    const session = await completeSmartLaunch(await ehrLaunch(ehr.patients[1]!.id));
    const host = document.createElement('div');
    document.body.append(host);
    const style = (await (await fetch(session.context.smartStyleUrl!)).json()) as Record<
      string,
      string
    >;
    const tokens = await applySmartStyle(host, session.context.smartStyleUrl!);
    expect(tokens['--emr-color-surface']).to.equal(style.color_background);
    expect(host.style.getPropertyValue('--emr-color-surface')).to.equal(style.color_background);
    expect(host.style.getPropertyValue('--emr-color-danger')).to.equal('');
    host.remove();
  });
});
