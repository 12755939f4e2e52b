// Changes made in the kit given back to the demo EHR (Medplum's FHIR engine
// on 127.0.0.1): each kind of change with the right interaction and version,
// in order after a time offline, after a reload, and never twice when an
// answer is lost.
import { expect } from '../../support/testing.js';
import {
  bearerToken,
  deliverChanges,
  pullChart,
  KIT_RECORD_SYSTEM,
  type DeliveryAllowance,
} from '../../../ehr/index.js';
import type { MedicationRequest, Observation } from '../../../model/index.js';
import { openTestStore, valueOf } from '../../support/test-stores.js';
import { waitingChanges } from '../../../storage/index.js';
import type { DemoEhr } from '../../support/ehr.js';
import { heartRate, penicillinAllergy } from '../../support/resources.js';
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

const EVERYTHING: DeliveryAllowance = {
  MedicationRequest: ['create', 'update'],
  AllergyIntolerance: ['create', 'update'],
  Observation: ['create', 'update'],
};

const bed = deliveryTestbed({ allow: EVERYTHING, maxAttempts: 3 });
let ehr: DemoEhr;
let patientId: string;
let token: string;
before(() => ({ ehr, patientId, token } = bed));
const options = bed.options;

/** The observations the EHR holds under the kit's identifier for the record `id`. */
async function kitRecords(id: string): Promise<Array<Observation & { id: string }>> {
  const found = await readFromEhr<{ entry?: Array<{ resource: Observation & { id: string } }> }>(
    ehr.fhirBaseUrl,
    token,
    `Observation?identifier=${encodeURIComponent(`${KIT_RECORD_SYSTEM}|${id}`)}`,
  );
  return (found.entry ?? []).map((entry) => entry.resource);
}

describe('deliverChanges', () => {
  it('sends a dose change as a PUT checked against the version pulled, then the next against the version the EHR answered', async function () {
    this.timeout(60_000);
    const store = await openTestStore();
    const medication = await pulledMedication(store, ehr.fhirBaseUrl, token, patientId);
    const pulledVersion = medication.current.meta!.versionId!;
    const sent: SentRequest[] = [];
    const delivery = deliverChanges(store, options({ fetch: recordingFetch(sent) }));
    const first = await store.revise(
      withDose(medication.current, '10 mg daily'),
      medication.heads[0]!.revisionId,
    );
    await until(delivery, (s) => settled(s) && s.counts.sent === 1);
    await store.revise(withDose(medication.current, '20 mg daily'), first.revisionId);
    await until(delivery, (s) => settled(s) && s.counts.sent === 2);
    delivery.stop();

    const puts = sent.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => new URL(r.url).pathname)).to.deep.equal([
      `/fhir/MedicationRequest/${medication.current.id}`,
      `/fhir/MedicationRequest/${medication.current.id}`,
    ]);
    expect(puts[0]!.headers['if-match']).to.equal(`W/"${pulledVersion}"`);
    const onServer = await readFromEhr<MedicationRequest>(
      ehr.fhirBaseUrl,
      token,
      `MedicationRequest/${medication.current.id}`,
    );
    expect(onServer.dosageInstruction?.[0]?.text).to.equal('20 mg daily');
    // The second was made from the version the first became on the server.
    const history = await readFromEhr<{ entry: Array<{ resource: MedicationRequest }> }>(
      ehr.fhirBaseUrl,
      token,
      `MedicationRequest/${medication.current.id}/_history`,
    );
    const afterFirst = history.entry.find(
      (e) => e.resource.dosageInstruction?.[0]?.text === '10 mg daily',
    );
    expect(puts[1]!.headers['if-match']).to.equal(`W/"${afterFirst!.resource.meta!.versionId}"`);
    const states = await valueOf(store.deliveryStates(patientId));
    expect(states[medication.key as `MedicationRequest/${string}`]?.state).to.equal('sent');
  });

  it('sends a new allergy as a conditional create on the identifier the kit gives it', async function () {
    this.timeout(30_000);
    const store = await openTestStore();
    await store.record({ resourceType: 'Patient', id: patientId });
    const sent: SentRequest[] = [];
    const delivery = deliverChanges(store, options({ fetch: recordingFetch(sent) }));
    const localId = crypto.randomUUID();
    await store.record(penicillinAllergy(patientId, localId));
    await until(delivery, (s) => settled(s) && s.counts.sent === 1);
    delivery.stop();

    const post = sent.find((r) => r.method === 'POST' && r.url.endsWith('/AllergyIntolerance'));
    expect(post?.headers['if-none-exist']).to.equal(`identifier=${KIT_RECORD_SYSTEM}|${localId}`);
    const found = await readFromEhr<{ entry?: Array<{ resource: { id: string } }> }>(
      ehr.fhirBaseUrl,
      token,
      `AllergyIntolerance?identifier=${encodeURIComponent(`${KIT_RECORD_SYSTEM}|${localId}`)}`,
    );
    expect(found.entry).to.have.length(1);
    // The Patient record was not sent: the hospital does not take Patients from the kit here.
    const states = await valueOf(store.deliveryStates(patientId));
    expect(states[`Patient/${patientId}`]?.state).to.equal('local-only');
    expect(states[`AllergyIntolerance/${localId}`]?.state).to.equal('sent');
  });

  it('sends only the changes of the patients it is given: another chart’s wait for a token of their own', async function () {
    this.timeout(30_000);
    const store = await openTestStore();
    await store.record({ resourceType: 'Patient', id: patientId });
    await store.record({ resourceType: 'Patient', id: 'another-patient' });
    const theirs = await store.record(penicillinAllergy('another-patient', crypto.randomUUID()));
    const sent: SentRequest[] = [];
    const delivery = deliverChanges(
      store,
      options({ fetch: recordingFetch(sent), patients: [patientId] }),
    );
    const localId = crypto.randomUUID();
    await store.record(penicillinAllergy(patientId, localId));
    // The other chart's changes still wait: the counts are the device's.
    await until(delivery, (s) => s.link === 'idle' && s.counts.sent === 1);
    delivery.stop();

    expect(sent.filter((r) => r.method === 'POST')).to.have.length(1);
    const still = (await waitingChanges(store)).map(({ row }) => row.revisionId);
    expect(still).to.include(theirs.revisionId);
    expect(
      (await waitingChanges(store, Infinity, ['another-patient'])).every(
        ({ row }) => row.patientId === 'another-patient',
      ),
    ).to.equal(true);
  });

  it('sends a set of vital signs recorded together as one transaction of conditional creates', async function () {
    this.timeout(30_000);
    const store = await openTestStore();
    const sent: SentRequest[] = [];
    const delivery = deliverChanges(store, options({ fetch: recordingFetch(sent) }));
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    await store.recordAll<Observation>([
      heartRate(patientId, ids[0], 72, '2024-05-01T08:00:00Z'),
      {
        ...heartRate(patientId, ids[1], 16, '2024-05-01T08:00:00Z'),
        code: {
          coding: [{ system: 'http://loinc.org', code: '9279-1', display: 'Respiratory rate' }],
        },
      },
    ]);
    await until(delivery, (s) => settled(s) && s.counts.sent === 2);
    delivery.stop();

    const writes = sent.filter((r) => r.method !== 'GET');
    expect(writes).to.have.length(1);
    const bundle = writes[0]!.body as {
      type: string;
      entry: Array<{ request: { method: string; url: string; ifNoneExist: string } }>;
    };
    expect(bundle.type).to.equal('transaction');
    expect(bundle.entry.map((e) => e.request)).to.deep.equal(
      ids.map((id) => ({
        method: 'POST',
        url: 'Observation',
        ifNoneExist: `identifier=${KIT_RECORD_SYSTEM}|${id}`,
      })),
    );
    for (const id of ids) {
      const found = await readFromEhr<{ entry?: unknown[] }>(
        ehr.fhirBaseUrl,
        token,
        `Observation?identifier=${encodeURIComponent(`${KIT_RECORD_SYSTEM}|${id}`)}`,
      );
      expect(found.entry, id).to.have.length(1);
    }
  });

  it('a value derived from others of its set names them, in the EHR, by the ids the EHR gave them', async function () {
    this.timeout(30_000);
    const store = await openTestStore();
    const delivery = deliverChanges(store, options());
    const [rateId, derivedId] = [crypto.randomUUID(), crypto.randomUUID()];
    await store.recordAll<Observation>([
      heartRate(patientId, rateId, 72, '2024-05-01T08:00:00Z'),
      {
        ...heartRate(patientId, derivedId, 72, '2024-05-01T08:00:00Z'),
        derivedFrom: [{ reference: `Observation/${rateId}` }],
      },
    ]);
    await until(delivery, (s) => settled(s) && s.counts.sent === 2);
    delivery.stop();

    const [rate, derived] = [(await kitRecords(rateId))[0]!, (await kitRecords(derivedId))[0]!];
    expect(derived.derivedFrom?.[0]?.reference).to.equal(`Observation/${rate.id}`);
  });

  it('a round waits for the answers of the round before to be saved: the id a creation was given, the version an update made', async function () {
    this.timeout(30_000);
    const store = await openTestStore();
    const [rateId, derivedId] = [crypto.randomUUID(), crypto.randomUUID()];
    const rate = await store.record(heartRate(patientId, rateId, 72, '2024-05-02T08:00:00Z'));
    await store.record<Observation>({
      ...heartRate(patientId, derivedId, 72, '2024-05-02T08:00:00Z'),
      derivedFrom: [{ reference: `Observation/${rateId}` }],
    });
    await store.revise(heartRate(patientId, rateId, 74, '2024-05-02T08:00:00Z'), rate.revisionId);
    // One change a round: each round is sent while the one before is still being saved.
    const delivery = deliverChanges(store, { ...options(), roundSize: 1 });
    await until(delivery, (s) => settled(s) && s.counts.sent === 3);
    delivery.stop();

    const [rates, derived] = [await kitRecords(rateId), await kitRecords(derivedId)];
    expect(rates, 'one record, still found by the identifier it was created under').to.have.length(
      1,
    );
    expect(rates[0]!.valueQuantity?.value, 'the update went over the created version').to.equal(74);
    expect(rates[0]!.meta?.versionId).to.not.equal('1');
    expect(derived[0]!.derivedFrom?.[0]?.reference).to.equal(`Observation/${rates[0]!.id}`);
  });

  it('a pull after delivery brings back what was sent as the same records: no conflict, no second record', async function () {
    this.timeout(60_000);
    const store = await openTestStore();
    const medication = await pulledMedication(store, ehr.fhirBaseUrl, token, patientId);
    const delivery = deliverChanges(store, options());
    await store.revise(
      withDose(medication.current, '35 mg daily'),
      medication.heads[0]!.revisionId,
    );
    const allergyId = crypto.randomUUID();
    await store.record(penicillinAllergy(patientId, allergyId));
    await until(delivery, (s) => settled(s) && s.counts.sent === 2);
    delivery.stop();
    const allergiesBefore = (await valueOf(store.allergies(patientId))).length;

    await pullChart(store, {
      fhirBaseUrl: ehr.fhirBaseUrl,
      patientId,
      auth: bearerToken(token),
      types: ['MedicationRequest', 'AllergyIntolerance'],
    });
    expect(await valueOf(store.conflicts(patientId))).to.deep.equal([]);
    const allergies = await valueOf(store.allergies(patientId));
    expect(allergies.length).to.equal(allergiesBefore);
    expect(allergies.some((a) => a.key === `AllergyIntolerance/${allergyId}`)).to.equal(true);
    const medications = await valueOf(store.medications(patientId));
    const pulled = medications.find((m) => m.key === medication.key)!;
    expect((pulled.current as MedicationRequest).dosageInstruction?.[0]?.text).to.equal(
      '35 mg daily',
    );
  });
});
