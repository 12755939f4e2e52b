// The pure pieces of the CDS Hooks client: prefetch templates, hook
// contexts, the client JWT's claims, and the markdown subset cards are shown
// with. (The client against a real service: test/browser/ehr/cds-hooks.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { clientJwt } from '../../../ehr/index.js';
import { hookContext, prefetchTokens } from '../../../ehr/cds-hooks/hook-context.js';
import { fillTemplate, parsePrefetchQuery } from '../../../ehr/cds-hooks/prefetch.js';
import { parseSafeMarkdown } from '../../../components/cds-cards/safe-markdown.js';

test('prefetch tokens are filled from the context; a template with an unknown token is left out', () => {
  const tokens = prefetchTokens({
    userId: 'Practitioner/p-1',
    patientId: 'pat-1',
    draftOrders: {},
  });
  assert.deepEqual(tokens, {
    'context.userId': 'Practitioner/p-1',
    'context.patientId': 'pat-1',
    userPractitionerId: 'p-1',
  });
  assert.equal(fillTemplate('Patient/{{context.patientId}}', tokens), 'Patient/pat-1');
  assert.equal(fillTemplate('{{context.userId}}', tokens), 'Practitioner/p-1');
  assert.equal(fillTemplate('Practitioner/{{userPractitionerId}}', tokens), 'Practitioner/p-1');
  assert.equal(fillTemplate('PractitionerRole?_id={{userPractitionerRoleId}}', tokens), undefined);
});

test('the store answers a read of the patient and a search by patient alone; anything else is left to the service', () => {
  const q = (query: string) => parsePrefetchQuery(query, 'pat-1');
  assert.deepEqual(q('Patient/pat-1'), { kind: 'patient' });
  assert.equal(q('Patient/other'), undefined);
  assert.deepEqual(q('AllergyIntolerance?patient=pat-1'), {
    kind: 'search',
    type: 'AllergyIntolerance',
  });
  assert.deepEqual(q('Condition?subject=Patient/pat-1'), { kind: 'search', type: 'Condition' });
  assert.deepEqual(q('MedicationRequest?patient=Patient/pat-1'), {
    kind: 'search',
    type: 'MedicationRequest',
  });
  assert.equal(q('MedicationRequest?patient=pat-1&status=active'), undefined);
  assert.equal(q('Observation?patient=pat-1'), undefined);
  assert.equal(q('Practitioner/p-1'), undefined);
});

test('each hook has its context: selections and draft orders for order-select, draft orders for order-sign', () => {
  const draft = {
    resourceType: 'MedicationRequest' as const,
    id: 'd-1',
    status: 'draft' as const,
    intent: 'order' as const,
    subject: { reference: 'Patient/pat-1' },
    medicationCodeableConcept: { text: 'Amoxicillin' },
  };
  assert.deepEqual(hookContext('patient-view', 'Practitioner/p', 'pat-1'), {
    userId: 'Practitioner/p',
    patientId: 'pat-1',
  });
  const select = hookContext('order-select', 'Practitioner/p', 'pat-1', draft);
  assert.deepEqual(select.selections, ['MedicationRequest/d-1']);
  assert.deepEqual(select.draftOrders, {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: draft }],
  });
  assert.equal('selections' in hookContext('order-sign', 'Practitioner/p', 'pat-1', draft), false);
});

test('the client JWT: ES384, kid, typ and jku; iss, sub, aud, a fresh jti and at most five minutes', async () => {
  const { privateKey } = await generateKeyPair('ES384');
  const identity = {
    issuer: 'https://app.test',
    clientId: 'app',
    keyId: 'k1',
    privateKey,
    jwksUrl: 'https://app.test/jwks.json',
  };
  const token = await clientJwt(identity, 'https://cds.test/cds-services/x');
  assert.deepEqual(decodeProtectedHeader(token), {
    alg: 'ES384',
    typ: 'JWT',
    kid: 'k1',
    jku: 'https://app.test/jwks.json',
  });
  const claims = decodeJwt(token);
  assert.equal(claims.iss, 'https://app.test');
  assert.equal(claims.sub, 'app');
  assert.equal(claims.aud, 'https://cds.test/cds-services/x');
  assert.ok((claims.exp ?? 0) - (claims.iat ?? 0) <= 300);
  const again = decodeJwt(await clientJwt(identity, 'https://cds.test/cds-services/x'));
  assert.notEqual(again.jti, claims.jti);
  await assert.rejects(
    clientJwt({ ...identity, algorithm: 'HS256' }, 'https://cds.test'),
    /forbids/,
  );
});

test('markdown: paragraphs, lists, emphasis and http(s) links; markup and other links stay text', () => {
  assert.deepEqual(parseSafeMarkdown('**Stop** <b>now</b>\n\n- one\n- [two](javascript:x)'), [
    {
      kind: 'paragraph',
      inlines: [
        { kind: 'strong', children: [{ kind: 'text', text: 'Stop' }] },
        { kind: 'text', text: ' <b>now</b>' },
      ],
    },
    {
      kind: 'list',
      ordered: false,
      items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]],
    },
  ]);
  assert.deepEqual(parseSafeMarkdown('see [guide](https://x.test/a) or snake_case_name'), [
    {
      kind: 'paragraph',
      inlines: [
        { kind: 'text', text: 'see ' },
        { kind: 'link', href: 'https://x.test/a', children: [{ kind: 'text', text: 'guide' }] },
        { kind: 'text', text: ' or snake_case_name' },
      ],
    },
  ]);
});
