import { expect } from '../../support/testing.js';
import { generateKeyPair } from 'jose';
import {
  cardOrigin,
  RXNORM,
  type AllergyIntolerance,
  type Card,
  type MedicationRequest,
} from '../../../model/index.js';
import {
  createDecisionSupport,
  discoverCdsServices,
  type CdsClientIdentity,
  type LocalChart,
} from '../../../ehr/index.js';
import { reviewChart } from '../../../clinical/index.js';
import { allergy } from '../../support/charts/allergies.js';
import { prescription, statement } from '../../support/charts/medications.js';
import { cdsService, trustedIdentity, type CdsServiceInfo } from '../../support/cds-hooks.js';
import { closeTestStores, DR_ADA, openTestStore } from '../../support/test-stores.js';
import type { DexieChartStore } from '../../../storage/index.js';

// The CDS Hooks client against the small CDS service of test/support (real
// HTTP on 127.0.0.1, JWTs verified there), with a real store holding a chart.

const PATIENT = 'pat-cds';

/** What the service received, as far as these tests read it. */
interface Entries {
  resourceType?: string;
  id?: string;
  type?: string;
  entry: Array<{ resource: { id: string } }>;
}
interface CallBody {
  hook: string;
  hookInstance: string;
  fhirServer?: string;
  context: {
    userId: string;
    patientId: string;
    selections?: string[];
    draftOrders: Entries;
  };
  prefetch: { patient: Entries; allergies: Entries; medications: Entries; conditions: Entries };
}
interface Claims {
  aud: string;
  iss: string;
  sub: string;
  exp: number;
  iat: number;
  jti: string;
}
interface FeedbackBody {
  feedback: Array<Record<string, unknown> & { outcomeTimestamp: string }>;
}

const localCritical: Card = {
  uuid: 'shared-uuid',
  summary: 'Penicillin allergy: amoxicillin is a penicillin',
  indicator: 'critical',
  source: { label: 'Drug–allergy check (penicillins)' },
};

const draft = (id = 'draft-1'): MedicationRequest =>
  prescription(id, 'Amoxicillin 500 MG Oral Capsule', 500, 'mg', { patientId: PATIENT });

async function chartStore(): Promise<DexieChartStore> {
  const store = await openTestStore();
  await store.recordAll([
    { resourceType: 'Patient', id: PATIENT, birthDate: '1960-04-02' },
    allergy(PATIENT, 'alg-pen', { name: 'Penicillin', snomed: '764146007' }),
    prescription('rx-1', 'Lisinopril 10 MG Oral Tablet', 10, 'mg', { patientId: PATIENT }),
    prescription('rx-2', 'Metformin 500 MG Oral Tablet', 500, 'mg', { patientId: PATIENT }),
    {
      ...statement('st-1', 'Ibuprofen 200 MG Oral Tablet', 200, 'mg'),
      subject: { reference: `Patient/${PATIENT}` },
      informationSource: { reference: `Patient/${PATIENT}`, display: 'the patient' },
    },
    {
      resourceType: 'Condition',
      id: 'cond-1',
      subject: { reference: `Patient/${PATIENT}` },
      code: { text: 'Hypertension' },
    },
  ]);
  return store;
}

describe('CDS Hooks client and createDecisionSupport', () => {
  let info: CdsServiceInfo;
  let identity: CdsClientIdentity;

  before(async () => {
    info = await cdsService.info();
    identity = trustedIdentity(info);
  });
  afterEach(() => closeTestStores());

  it('discovers the services with their prefetch templates, and names a service it cannot read and the field', async () => {
    const good = await discoverCdsServices(`${info.url}/hospital/`, { identity });
    expect(good.services.map((s) => [s.id, s.hook])).to.deep.equal([
      ['medication-safety', 'order-select'],
      ['medication-safety-sign', 'order-sign'],
      ['chart-review', 'patient-view'],
    ]);
    expect(good.services[0]!.prefetch!.allergies).to.equal(
      'AllergyIntolerance?patient={{context.patientId}}',
    );
    expect(good.problems).to.deep.equal([]);

    const bad = await discoverCdsServices(`${info.url}/bad-discovery`, { identity });
    expect(bad.services).to.have.length(3);
    expect(bad.problems).to.have.length(1);
    expect(bad.problems[0]).to.contain('“no-description”').and.contain('description missing');
  });

  it('calls order-select with context, prefetch from the store and a JWT the service verifies; merges local cards first, marked, each uuid once', async () => {
    const store = await chartStore();
    const seen: LocalChart[] = [];
    const support = createDecisionSupport({
      store,
      identity,
      services: [`${info.url}/hospital`],
      fhirServer: 'https://ehr.hospital.test/fhir',
      local: {
        medication: (_draft, chart) => {
          seen.push(chart);
          return [localCritical];
        },
      },
    });
    const from = (await cdsService.calls()).length;
    const answer = await support({ hook: 'order-select', patientId: PATIENT, draft: draft() });

    expect(answer.notes).to.deep.equal([]);
    expect(answer.cards.map((card) => card.uuid)).to.deep.equal(['shared-uuid', 'svc-renal-dose']);
    expect(cardOrigin(answer.cards[0]!)).to.equal(undefined);
    expect(cardOrigin(answer.cards[1]!)).to.deep.equal({
      serviceId: 'medication-safety',
      title: 'hospital medication safety',
      endpoint: `${info.url}/hospital/cds-services/medication-safety`,
    });
    expect(answer.cards[1]!.source.label).to.equal('Hospital renal dosing rules');
    expect(seen[0]!.allergies.map((a) => a.id)).to.deep.equal(['alg-pen']);
    expect(seen[0]!.medications.map((m) => m.id).sort()).to.deep.equal(['rx-1', 'rx-2', 'st-1']);

    const [call] = await cdsService.calls(from);
    const body = call!.body as unknown as CallBody;
    expect(call!.path).to.equal('/hospital/cds-services/medication-safety');
    expect(body.hook).to.equal('order-select');
    expect(body.hookInstance).to.match(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(body.fhirServer).to.equal('https://ehr.hospital.test/fhir');
    expect(body.context.userId).to.equal(`Practitioner/${DR_ADA.id}`);
    expect(body.context.patientId).to.equal(PATIENT);
    expect(body.context.selections).to.deep.equal(['MedicationRequest/draft-1']);
    expect(body.context.draftOrders.resourceType).to.equal('Bundle');
    expect(body.context.draftOrders.entry[0]!.resource.id).to.equal('draft-1');
    // Filled: what the store answers exactly; left out: a practitioner, a search with other parameters.
    expect(Object.keys(body.prefetch).sort()).to.deep.equal([
      'allergies',
      'conditions',
      'medications',
      'patient',
    ]);
    expect(body.prefetch.patient).to.include({ resourceType: 'Patient', id: PATIENT });
    expect(body.prefetch.allergies.type).to.equal('searchset');
    expect(body.prefetch.allergies.entry.map((e) => e.resource.id)).to.deep.equal(['alg-pen']);
    expect(body.prefetch.medications.entry.map((e) => e.resource.id).sort()).to.deep.equal([
      'rx-1',
      'rx-2',
    ]);
    expect(body.prefetch.conditions.entry[0]!.resource.id).to.equal('cond-1');

    expect(call!.header).to.include({ alg: 'ES384', typ: 'JWT', kid: info.keyId });
    const claims = call!.claims as unknown as Claims;
    expect(claims.aud).to.equal(`${info.url}/hospital/cds-services/medication-safety`);
    expect(claims.iss).to.equal(info.issuer);
    expect(claims.sub).to.equal(info.clientId);
    expect(claims.exp - claims.iat).to.be.at.most(300);
    expect(claims.jti).to.be.a('string').and.not.equal('');
  });

  it('checks a change of a recorded medication against the others, not against itself', async () => {
    const store = await chartStore();
    const seen: LocalChart[] = [];
    const support = createDecisionSupport({
      store,
      local: { medication: (_d, chart) => (seen.push(chart), []) },
    });
    const answer = await support({ hook: 'order-sign', patientId: PATIENT, draft: draft('rx-1') });
    expect(answer).to.deep.equal({ cards: [], notes: [] });
    expect(seen[0]!.medications.map((m) => m.id).sort()).to.deep.equal(['rx-2', 'st-1']);
  });

  it('says a forged signature was refused (401), and still gives the local cards', async () => {
    const store = await chartStore();
    const forged = await generateKeyPair('ES384');
    const refusedFrom = (await cdsService.refused()).length;
    const support = createDecisionSupport({
      store,
      identity: { ...identity, privateKey: forged.privateKey },
      services: [`${info.url}/hospital`],
      local: { medication: () => [localCritical] },
    });
    const answer = await support({ hook: 'order-sign', patientId: PATIENT, draft: draft() });
    expect(answer.cards).to.deep.equal([localCritical]);
    expect(answer.notes).to.have.length(1);
    expect(answer.notes[0]).to.contain('CDS services at');
    expect(answer.notes[0]).to.contain('refused').and.contain('HTTP 401');
    expect((await cdsService.refused(refusedFrom)).length).to.be.at.least(1);
  });

  it('goes on without a slow service after the time limit, with the local cards and a note that says so', async function () {
    // Long enough for discovery on a busy machine (the limit covers it too); the service takes 30 s to answer.
    this.timeout(20_000);
    const store = await chartStore();
    const support = createDecisionSupport({
      store,
      identity,
      services: [`${info.url}/slow`],
      timeoutMs: 5_000,
      local: { medication: () => [localCritical] },
    });
    const answer = await support({ hook: 'order-select', patientId: PATIENT, draft: draft() });
    expect(answer.cards).to.deep.equal([localCritical]);
    expect(answer.notes).to.deep.equal([
      "The hospital's CDS service “slow medication safety” did not answer within 5 s: its alerts are not shown.",
    ]);
  });

  it('notes a service that fails (500) or answers what is not JSON, and keeps the others', async () => {
    const store = await chartStore();
    const support = createDecisionSupport({
      store,
      identity,
      services: [`${info.url}/failing`, `${info.url}/malformed`, `${info.url}/hospital`],
    });
    const answer = await support({ hook: 'order-select', patientId: PATIENT, draft: draft() });
    expect(answer.cards.map((c) => c.uuid)).to.deep.equal(['svc-renal-dose', 'shared-uuid']);
    expect(answer.notes).to.have.length(2);
    expect(answer.notes[0]).to.contain('“failing medication safety”').and.contain('HTTP 500');
    expect(answer.notes[1]).to.contain('“malformed medication safety”').and.contain('not JSON');
  });

  it('drops a card it cannot read with a note naming the service and the field, and keeps the rest', async () => {
    const store = await chartStore();
    const support = createDecisionSupport({ store, identity, services: [`${info.url}/bad-cards`] });
    const answer = await support({ hook: 'order-select', patientId: PATIENT, draft: draft() });
    expect(answer.cards.map((c) => c.uuid)).to.deep.equal(['svc-renal-dose']);
    expect(answer.notes).to.have.length(1);
    expect(answer.notes[0])
      .to.contain('“bad-cards medication safety”')
      .and.contain('card 2: indicator missing');
  });

  it('sends feedback: a suggestion accepted, a card overridden with its reason and comment; nothing for the kit’s own card', async () => {
    const store = await chartStore();
    const support = createDecisionSupport({ store, identity, services: [`${info.url}/hospital`] });
    const { cards } = await support({ hook: 'order-select', patientId: PATIENT, draft: draft() });
    const renal = cards.find((c) => c.uuid === 'svc-renal-dose')!;
    const from = (await cdsService.feedback()).length;

    expect(await support.accepted(renal, renal.suggestions![0]!)).to.equal(true);
    expect(
      await support.overridden({
        card: renal,
        reason: renal.overrideReasons![1]!,
        comment: 'Took it last year without trouble',
      }),
    ).to.equal(true);
    expect(
      await support.overridden({
        card: localCritical,
        reason: { system: 'x', code: '2', display: 'Assessed Patient' },
      }),
    ).to.equal(false);

    const received = await cdsService.feedback(from);
    expect(received.map((r) => r.path)).to.deep.equal([
      '/hospital/cds-services/medication-safety/feedback',
      '/hospital/cds-services/medication-safety/feedback',
    ]);
    const [accepted = { outcomeTimestamp: '' }, overridden] = received.map(
      (r) => (r.body as unknown as FeedbackBody).feedback[0]!,
    );
    expect(accepted).to.deep.include({
      card: 'svc-renal-dose',
      outcome: 'accepted',
      acceptedSuggestions: [{ id: 'svc-halve' }],
    });
    expect(new Date(accepted.outcomeTimestamp).toISOString()).to.equal(accepted.outcomeTimestamp);
    expect(overridden).to.deep.include({
      card: 'svc-renal-dose',
      outcome: 'overridden',
      overrideReason: {
        reason: renal.overrideReasons![1],
        userComment: 'Took it last year without trouble',
      },
    });
    expect((received[0]!.claims as unknown as Claims).aud).to.equal(
      `${info.url}/hospital/cds-services/medication-safety/feedback`,
    );
  });

  it('asks the patient-view services on opening a chart', async () => {
    const store = await chartStore();
    const support = createDecisionSupport({ store, identity, services: [`${info.url}/hospital`] });
    const from = (await cdsService.calls()).length;
    const answer = await support.patientView(PATIENT);
    expect(answer.cards.map((c) => c.summary)).to.deep.equal(['Annual medication review is due']);
    const [call] = await cdsService.calls(from);
    expect((call!.body as unknown as CallBody).context).to.deep.equal({
      userId: `Practitioner/${DR_ADA.id}`,
      patientId: PATIENT,
    });
    expect((call!.body as unknown as CallBody).prefetch.patient.id).to.equal(PATIENT);
  });

  it('on opening a chart, the kit’s own review of it comes first, then the services’ cards', async () => {
    const store = await chartStore();
    await store.record({
      ...draft('rx-amox'),
      medicationCodeableConcept: {
        coding: [{ system: RXNORM, code: '308191', display: 'amoxicillin 500 MG Oral Capsule' }],
      },
    });
    const support = createDecisionSupport({
      store,
      identity,
      services: [`${info.url}/hospital`],
      local: { chart: (chart) => reviewChart(chart) },
    });
    const answer = await support.patientView(PATIENT);
    expect(answer.cards.map((c) => `${c.indicator}: ${c.summary}`)).to.deep.equal([
      'critical: Amoxicillin: patient is allergic to penicillin (penicillin class)',
      'info: Annual medication review is due',
    ]);
    expect(answer.notes).to.deep.equal([]);
  });

  it('checks a new allergy with the kit alone: it is not an order for the services', async () => {
    const store = await chartStore();
    const drafted: AllergyIntolerance[] = [];
    const support = createDecisionSupport({
      store,
      identity,
      services: [`${info.url}/hospital`],
      local: {
        allergy: (a, chart) => (drafted.push(a), chart.medications.length ? [localCritical] : []),
      },
    });
    const from = (await cdsService.calls()).length;
    const answer = await support({
      hook: 'order-sign',
      patientId: PATIENT,
      draft: allergy(PATIENT, 'alg-new', { name: 'Aspirin' }),
    });
    expect(answer.cards).to.deep.equal([localCritical]);
    expect(drafted.map((a) => a.id)).to.deep.equal(['alg-new']);
    expect(await cdsService.calls(from)).to.deep.equal([]);
  });

  it('says when the built-in checks could not run, so no alert never reads as all clear', async () => {
    const store = await chartStore();
    const support = createDecisionSupport({
      store,
      local: {
        medication: () => {
          throw new Error('rule data missing');
        },
      },
    });
    const answer = await support({ hook: 'order-select', patientId: PATIENT, draft: draft() });
    expect(answer.cards).to.deep.equal([]);
    expect(answer.notes).to.deep.equal([
      'The built-in checks could not run (rule data missing): problems they would find are not shown.',
    ]);
  });

  it('stops when the caller aborts, and refuses services without an identity to sign with', async () => {
    const store = await chartStore();
    const support = createDecisionSupport({ store, identity, services: [`${info.url}/slow`] });
    const controller = new AbortController();
    const asked = support(
      { hook: 'order-select', patientId: PATIENT, draft: draft() },
      controller.signal,
    );
    controller.abort();
    const error = await asked.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as DOMException).name).to.equal('AbortError');
    expect(() => createDecisionSupport({ store, services: [info.url] })).to.throw(/identity/);
  });
});
