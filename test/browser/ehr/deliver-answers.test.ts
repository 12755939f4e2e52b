// What the EHR answers a change, kept at the record it concerns: a version
// changed in the EHR meanwhile (412) becomes a conflict in the chart, whose
// resolution is what is written next; a refusal of the content (422) is kept
// with the server's words; a token refused after its one refresh stops the
// link until the user signs in again; a write the token does not allow (403)
// is refused; a kind of change the hospital does not take stays local.
import { expect } from '../../support/testing.js';
import { bearerToken, deliverChanges, type FhirAuth } from '../../../ehr/index.js';
import type { AllergyIntolerance, MedicationRequest, ResourceKey } from '../../../model/index.js';
import { openTestStore, valueOf } from '../../support/test-stores.js';
import { demoEhr, type DemoEhr } from '../../support/ehr.js';
import { penicillinAllergy } from '../../support/resources.js';
import {
  pulledMedication,
  readFromEhr,
  recordingFetch,
  settled,
  until,
  type SentRequest,
  deliveryTestbed,
  withDose,
} from '../../support/delivery.js';

const bed = deliveryTestbed({
  allow: { MedicationRequest: ['create', 'update'], AllergyIntolerance: ['create', 'update'] },
  maxAttempts: 2,
});
let ehr: DemoEhr;
let patientId: string;
let token: string;
before(() => ({ ehr, patientId, token } = bed));
const options = bed.options;

describe('answers from the EHR', () => {
  it('a change made in the EHR meanwhile (412) stands beside the kit’s as a conflict; the resolution is written', async function () {
    this.timeout(60_000);
    const store = await openTestStore();
    const medication = await pulledMedication(store, ehr.fhirBaseUrl, token, patientId);
    const key = medication.key as ResourceKey;
    const path = `MedicationRequest/${medication.current.id}`;
    // A clinician at the EHR changes the order.
    const atEhr = await readFromEhr<MedicationRequest>(ehr.fhirBaseUrl, token, path);
    const changed = await demoEhr.update(withDose(atEhr, '50 mg daily (changed at the EHR)'));

    const sent: SentRequest[] = [];
    const delivery = deliverChanges(store, options({ fetch: recordingFetch(sent) }));
    await store.revise(
      withDose(medication.current, '30 mg daily'),
      medication.heads[0]!.revisionId,
    );
    await until(delivery, (s) => settled(s) && s.counts.conflict === 1);
    const states = await valueOf(store.deliveryStates(patientId));
    expect(states[key]?.state).to.equal('conflict');
    expect(states[key]?.message).to.match(/Changed in the hospital record/);
    const [conflict] = await valueOf(store.conflicts(patientId), (list) => list.length === 1);
    const doses = conflict!.heads.map(
      (head) => (head.resource as MedicationRequest).dosageInstruction?.[0]?.text,
    );
    expect(doses.sort()).to.deep.equal(['30 mg daily', '50 mg daily (changed at the EHR)']);

    // The clinician keeps the kit's dose: that is what the EHR receives, over its version.
    await store.resolveConflict(
      withDose(medication.current, '30 mg daily'),
      conflict!.heads.map((head) => head.revisionId),
    );
    await until(delivery, (s) => settled(s) && s.counts.sent === 1);
    delivery.stop();
    const onServer = await readFromEhr<MedicationRequest>(ehr.fhirBaseUrl, token, path);
    expect(onServer.dosageInstruction?.[0]?.text).to.equal('30 mg daily');
    const puts = sent.filter((r) => r.method === 'PUT');
    // The resolution was checked against the EHR's version it was made beside.
    expect(puts.at(-1)!.headers['if-match']).to.equal(`W/"${changed.versionId}"`);
    expect((await valueOf(store.deliveryStates(patientId)))[key]?.state).to.equal('sent');
  });

  it('a change the EHR does not accept (422) is kept, with the server’s words, at its record', async function () {
    this.timeout(30_000);
    const store = await openTestStore();
    await store.record({ resourceType: 'Patient', id: patientId });
    await demoEhr.fail({
      status: 422,
      method: 'POST',
      pathIncludes: 'AllergyIntolerance',
      message: 'AllergyIntolerance.code: the substance is not in the hospital formulary',
    });
    const delivery = deliverChanges(store, options());
    const id = crypto.randomUUID();
    await store.record(penicillinAllergy(patientId, id));
    await until(delivery, (s) => settled(s) && s.counts['not-accepted'] === 1);
    delivery.stop();
    const state = (await valueOf(store.deliveryStates(patientId)))[`AllergyIntolerance/${id}`];
    expect(state?.state).to.equal('not-accepted');
    expect(state?.message).to.equal(
      'AllergyIntolerance.code: the substance is not in the hospital formulary',
    );
    const [allergy] = await valueOf(store.allergies(patientId), (list) => list.length === 1);
    expect(allergy!.current.id).to.equal(id);
  });

  it('a token refused after its one refresh stops the link until the user signs in again', async function () {
    this.timeout(30_000);
    const store = await openTestStore();
    await store.record({ resourceType: 'Patient', id: patientId });
    let refreshes = 0;
    const lapsed: FhirAuth = {
      authorization: () => 'Bearer lapsed-token',
      refresh: async () => {
        refreshes++;
        return false;
      },
    };
    const delivery = deliverChanges(store, options({ auth: lapsed }));
    const id = crypto.randomUUID();
    await store.record(penicillinAllergy(patientId, id));
    // The counts follow the outbox a moment after each answer is written: the link may stop
    // before the Patient's answer (it stays here) is counted. Read once it is.
    const stopped = await until(
      delivery,
      (s) => s.link === 'sign-in-needed' && s.counts['local-only'] === 1,
    );
    expect(stopped.counts.waiting).to.equal(1);
    expect(stopped.problem).to.match(/401/);
    expect(refreshes).to.equal(1);

    delivery.signedIn(bearerToken(token));
    await until(delivery, (s) => settled(s) && s.counts.sent === 1);
    delivery.stop();
    expect(
      (await valueOf(store.deliveryStates(patientId)))[`AllergyIntolerance/${id}`]?.state,
    ).to.equal('sent');
  });

  it('a write the token does not allow (403) is refused, shown as such', async function () {
    this.timeout(30_000);
    const readOnly = (await demoEhr.token(patientId)).access_token;
    const store = await openTestStore();
    await store.record({ resourceType: 'Patient', id: patientId });
    const delivery = deliverChanges(store, options({ auth: bearerToken(readOnly) }));
    const id = crypto.randomUUID();
    await store.record(penicillinAllergy(patientId, id));
    await until(delivery, (s) => settled(s) && s.counts.refused === 1);
    delivery.stop();
    const state = (await valueOf(store.deliveryStates(patientId)))[`AllergyIntolerance/${id}`];
    expect(state?.state).to.equal('refused');
    expect(state?.message).to.match(/does not allow create of AllergyIntolerance/);
  });

  it('a kind of change the hospital does not take stays local, labelled so, and is never sent', async function () {
    this.timeout(60_000);
    const store = await openTestStore();
    const medication = await pulledMedication(store, ehr.fhirBaseUrl, token, patientId);
    const sent: SentRequest[] = [];
    const delivery = deliverChanges(
      store,
      options({ fetch: recordingFetch(sent), allow: { AllergyIntolerance: ['create'] } }),
    );
    await store.revise(
      withDose(medication.current, '60 mg daily'),
      medication.heads[0]!.revisionId,
    );
    const id = crypto.randomUUID();
    const allergy = await store.record(penicillinAllergy(patientId, id));
    await until(delivery, (s) => settled(s) && s.counts.sent === 1 && s.counts['local-only'] === 1);
    // An update of the allergy is not taken either: only new allergies are.
    await store.revise<AllergyIntolerance>(
      { ...allergy.resource, criticality: 'low' },
      allergy.revisionId,
    );
    await until(delivery, (s) => settled(s) && s.counts['local-only'] === 2);
    delivery.stop();
    expect(sent.filter((r) => r.method === 'PUT')).to.deep.equal([]);
    const states = await valueOf(store.deliveryStates(patientId));
    expect(states[medication.key as ResourceKey]?.state).to.equal('local-only');
    expect(states[medication.key as ResourceKey]?.message).to.match(
      /does not take changed MedicationRequest/,
    );
    expect(states[`AllergyIntolerance/${id}`]?.state).to.equal('local-only');
  });
});
