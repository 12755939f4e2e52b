// The outbox outlives what goes wrong between the kit and the EHR: a time
// offline (sent in order once the EHR is back), a reload with changes still
// waiting, an answer lost after the EHR saved the change (sent again,
// never saved twice), and two tabs of one device draining one outbox (each
// change sent once).
import { expect } from '../../support/testing.js';
import { deliverChanges, KIT_RECORD_SYSTEM } from '../../../ehr/index.js';
import type { MedicationRequest } from '../../../model/index.js';
import { openTestStore, uniqueDatabaseName } from '../../support/test-stores.js';
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

async function historyOf(path: string): Promise<MedicationRequest[]> {
  const bundle = await readFromEhr<{ entry?: Array<{ resource: MedicationRequest }> }>(
    ehr.fhirBaseUrl,
    token,
    `${path}/_history`,
  );
  return (bundle.entry ?? []).map((e) => e.resource);
}

describe('delivery through trouble', () => {
  it('keeps changes made while the EHR is down and sends them in order once it is back', async function () {
    this.timeout(60_000);
    const store = await openTestStore();
    const medication = await pulledMedication(store, ehr.fhirBaseUrl, token, patientId);
    const path = `MedicationRequest/${medication.current.id}`;
    const versionsBefore = (await historyOf(path)).length;
    await demoEhr.dieAfter(0);
    const sent: SentRequest[] = [];
    const delivery = deliverChanges(store, options({ fetch: recordingFetch(sent) }));
    let from = medication.heads[0]!.revisionId;
    for (const dose of ['5 mg daily', '10 mg daily', '15 mg daily'])
      from = (await store.revise(withDose(medication.current, dose), from)).revisionId;
    const allergyId = crypto.randomUUID();
    await store.record(penicillinAllergy(patientId, allergyId));
    const down = await until(delivery, (s) => s.link === 'unreachable' && s.counts.waiting === 4);
    expect(down.problem).to.match(/no answer/);

    await demoEhr.revive();
    await until(delivery, (s) => settled(s) && s.counts.sent === 4);
    delivery.stop();
    // Each dose once, in the order given, each checked against the one before.
    const doses = (await historyOf(path)).map((r) => r.dosageInstruction?.[0]?.text);
    expect(doses.length).to.equal(versionsBefore + 3);
    expect(doses.slice(0, 3).reverse()).to.deep.equal(['5 mg daily', '10 mg daily', '15 mg daily']);
    const log = await demoEhr.requests();
    expect(log.filter((r) => r.status === 412)).to.deep.equal([]);
    const found = await readFromEhr<{ entry?: unknown[] }>(
      ehr.fhirBaseUrl,
      token,
      `AllergyIntolerance?identifier=${encodeURIComponent(`${KIT_RECORD_SYSTEM}|${allergyId}`)}`,
    );
    expect(found.entry).to.have.length(1);
  });

  it('sends after a reload what an earlier session left waiting', async function () {
    this.timeout(60_000);
    const name = uniqueDatabaseName('outbox');
    const before = await openTestStore(name);
    const medication = await pulledMedication(before, ehr.fhirBaseUrl, token, patientId);
    const revised = await before.revise(
      withDose(medication.current, '40 mg at night'),
      medication.heads[0]!.revisionId,
    );
    const allergyId = crypto.randomUUID();
    await before.record(penicillinAllergy(patientId, allergyId));
    await before.close();

    const after = await openTestStore(name);
    const delivery = deliverChanges(after, options());
    const done = await until(delivery, (s) => settled(s) && s.counts.sent === 2);
    delivery.stop();
    expect(done.counts.waiting).to.equal(0);
    const onServer = await readFromEhr<MedicationRequest>(
      ehr.fhirBaseUrl,
      token,
      `MedicationRequest/${medication.current.id}`,
    );
    expect(onServer.dosageInstruction?.[0]?.text).to.equal('40 mg at night');
    expect(revised.revisionId).to.be.a('string');
  });

  it('never saves a change twice when the answer is lost after the EHR saved it', async function () {
    this.timeout(60_000);
    const store = await openTestStore();
    const medication = await pulledMedication(store, ehr.fhirBaseUrl, token, patientId);
    const path = `MedicationRequest/${medication.current.id}`;
    const versionsBefore = (await historyOf(path)).length;
    // The request reaches the server and is handled; its answer never arrives.
    const lost = new Set<string>();
    const losing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const method = init?.method ?? 'GET';
      if (method !== 'GET' && !lost.has(method)) {
        lost.add(method); // the first answer to a PUT, and to a POST
        throw new TypeError('Failed to fetch (the answer was lost)');
      }
      return response;
    };
    const from = (await demoEhr.requests()).length;
    const delivery = deliverChanges(store, options({ fetch: losing, maxInFlight: 1 }));
    await store.revise(
      withDose(medication.current, '25 mg daily'),
      medication.heads[0]!.revisionId,
    );
    await until(delivery, (s) => settled(s) && s.counts.sent === 1);
    const allergyId = crypto.randomUUID();
    await store.record(penicillinAllergy(patientId, allergyId));
    await until(delivery, (s) => settled(s) && s.counts.sent === 2);
    delivery.stop();

    expect([...lost]).to.deep.equal(['PUT', 'POST']);
    expect((await historyOf(path)).length).to.equal(versionsBefore + 1);
    const found = await readFromEhr<{ entry?: unknown[] }>(
      ehr.fhirBaseUrl,
      token,
      `AllergyIntolerance?identifier=${encodeURIComponent(`${KIT_RECORD_SYSTEM}|${allergyId}`)}`,
    );
    expect(found.entry).to.have.length(1);
    // The repeated PUT met the version it had made itself (412), read it and took it as its own.
    const writes = (await demoEhr.requests(from)).filter(
      (r) => r.method === 'PUT' || r.method === 'POST',
    );
    expect(writes.map((r) => `${r.method} ${r.status}`)).to.deep.equal([
      'PUT 200',
      'PUT 412',
      'POST 201',
      'POST 200',
    ]);
  });

  it('two tabs of one device, each delivering: every change is sent once', async function () {
    this.timeout(60_000);
    const name = uniqueDatabaseName('tabs');
    const first = await openTestStore(name);
    const medication = await pulledMedication(first, ehr.fhirBaseUrl, token, patientId);
    const second = await openTestStore(name);
    const from = (await demoEhr.requests()).length;
    const tabs = [deliverChanges(first, options()), deliverChanges(second, options())];
    const one = await first.revise(
      withDose(medication.current, '5 mg daily'),
      medication.heads[0]!.revisionId,
    );
    await second.revise(withDose(medication.current, '7.5 mg daily'), one.revisionId);
    await Promise.all(tabs.map((tab) => until(tab, (s) => settled(s) && s.counts.sent === 2)));
    tabs.forEach((tab) => tab.stop());
    const puts = (await demoEhr.requests(from)).filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.status)).to.deep.equal([200, 200], 'two changes, two PUTs');
  });
});
