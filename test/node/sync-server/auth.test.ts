import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { CLOSE } from '../../../sync/server/index.js';
import { DEPLOYMENTS, type Deployment } from './deployments.js';
import { closeOf, customToken, token } from './support.js';

// Every refusal: the close code y-websocket treats as final, and one log line
// that says why, from where, for whom and which document, without the token;
// on one node, and on one of two, the other node and its clients untouched.

for (const deployment of DEPLOYMENTS)
  describe(`sync server: authentication (${deployment.name})`, () => {
    let d: Deployment;
    before(async () => {
      d = await deployment.start();
    });
    afterEach(async () => {
      for (const node of d.nodes) node.closeClients();
      await d.assertUnaffected();
    });
    after(() => d.stop());

    const refusal = async (
      path: string,
      tokenValue: string | undefined,
      code: number,
      reason: RegExp,
    ) => {
      const url = `${d.a.server.url}/${path}${tokenValue === undefined ? '' : `?token=${encodeURIComponent(tokenValue)}`}`;
      const closed = await closeOf(url);
      assert.equal(closed.code, code);
      assert.match(closed.reason, reason);
      const line = await d.a.logged(
        (l) => l.event === 'connection-refused' && reason.test(String(l.reason)) && l.code === code,
      );
      assert.equal(line.remote, '127.0.0.1');
      assert.match(line.time, /^\d{4}-\d{2}-\d{2}T/);
      if (tokenValue)
        for (const node of d.nodes)
          assert.ok(!JSON.stringify(node.log).includes(tokenValue), 'the token is never logged');
      return line;
    };

    it('refuses a connection without a token: 4401', async () => {
      const line = await refusal('emr/pat-1/core', undefined, CLOSE.unauthenticated, /^no token$/);
      assert.equal(line.document, 'emr/pat-1/core');
    });

    it('refuses a malformed token: 4401', async () => {
      await refusal('emr/pat-1/core', 'not-a-jwt', CLOSE.unauthenticated, /token malformed/);
    });

    it('refuses a forged token (signed with another key): 4401', async () => {
      const forged = await customToken(
        { sub: 'dr-okafor', name: 'Dr Ada Okafor', role: 'clinician', patients: ['pat-1'] },
        Date.now() + 3_600_000,
        new TextEncoder().encode('an attacker key that is long enough for HS256'),
      );
      await refusal('emr/pat-1/core', forged, CLOSE.unauthenticated, /signature does not verify/);
    });

    it('refuses an expired token: 4401', async () => {
      const expired = await customToken(
        { sub: 'dr-okafor', name: 'Dr Ada Okafor', role: 'clinician', patients: ['pat-1'] },
        Date.now() - 60_000,
      );
      await refusal('emr/pat-1/core', expired, CLOSE.unauthenticated, /token expired/);
    });

    it('refuses a token with an unknown role: 4401', async () => {
      const odd = await customToken(
        { sub: 'u1', name: 'U', role: 'administrator', patients: ['pat-1'] },
        Date.now() + 60_000,
      );
      await refusal('emr/pat-1/core', odd, CLOSE.unauthenticated, /claim role/);
    });

    it('refuses a token for another patient: 4403, naming the user', async () => {
      const line = await refusal(
        'emr/pat-2/core',
        await token('dr-okafor', ['pat-1']),
        CLOSE.forbidden,
        /does not allow this patient/,
      );
      assert.equal(line.user, 'dr-okafor');
      assert.equal(line.document, 'emr/pat-2/core');
    });

    it('refuses a path that is not a chart document name: 4404', async () => {
      const line = await refusal(
        'some/room',
        await token('dr-okafor'),
        CLOSE.badDocument,
        /not a chart document name/,
      );
      assert.equal(line.document, 'some/room');
    });

    it('a stock y-websocket client that is refused stops retrying and reports the code', async () => {
      const expired = await customToken(
        { sub: 'dr-okafor', name: 'Dr Ada Okafor', role: 'clinician', patients: ['pat-1'] },
        Date.now() - 1000,
      );
      const client = d.a.connect('emr/pat-1/core', expired);
      const closed = await client.closed;
      assert.equal(closed.code, CLOSE.unauthenticated);
      assert.equal(client.provider.shouldConnect, false);
    });

    it('closes a connection when its token expires: 4401, logged', async () => {
      const shortLived = await customToken(
        { sub: 'dr-okafor', name: 'Dr Ada Okafor', role: 'clinician', patients: ['pat-1'] },
        Date.now() + 2500,
      );
      const client = d.a.connect('emr/pat-1/note/n-expiry', shortLived);
      await client.synced;
      const closed = await client.closed;
      assert.deepEqual(closed, { code: CLOSE.unauthenticated, reason: 'token expired' });
      const line = await d.a.logged(
        (l) => l.event === 'connection-closed' && l.document === 'emr/pat-1/note/n-expiry',
      );
      assert.equal(line.user, 'dr-okafor');
    });

    it('admits a valid token and serves the document', async () => {
      const client = d.a.connect('emr/pat-1/note/n-1', await token('dr-okafor'));
      await client.synced;
      assert.equal(client.provider.wsconnected, true);
    });
  });
