// Notes given back to the demo EHR (Medplum's FHIR engine on 127.0.0.1): a
// note goes when it is signed, as one new record carrying its text, never
// as drafts; an addendum names the note as the EHR knows it.
import { expect } from '../../support/testing.js';
import { deliverChanges } from '../../../ehr/index.js';
import {
  DEFAULT_NOTE_TYPE,
  draftNoteReference,
  signedAttachments,
  signedNoteReference,
} from '../../../clinical/index.js';
import type { DocumentReference } from '../../../model/index.js';
import { waitingChanges, type DexieChartStore } from '../../../storage/index.js';
import { DR_ADA, openTestStore } from '../../support/test-stores.js';
import {
  deliveryTestbed,
  readFromEhr,
  recordingFetch,
  settled,
  until,
  type SentRequest,
} from '../../support/delivery.js';

const bed = deliveryTestbed({ allow: { DocumentReference: ['create', 'update'] }, maxAttempts: 3 });
const writes = (sent: SentRequest[]) => sent.filter((request) => request.method !== 'GET');

/** A note drafted, changed once, then signed with `text`: its three revisions. */
async function writeAndSign(store: DexieChartStore, text: string, appendsTo?: string) {
  const draft = draftNoteReference({
    id: crypto.randomUUID(),
    patientId: bed.patientId,
    type: DEFAULT_NOTE_TYPE,
    author: DR_ADA,
    date: new Date().toISOString(),
    ...(appendsTo && { appendsTo }),
  });
  const first = await store.record(draft);
  const changed = await store.revise({ ...draft, description: 'Ward round' }, first.revisionId);
  const drafts = await waitingChanges(store);
  const signed = await signedNoteReference(changed.resource, {
    text,
    html: `<p>${text}</p>`,
    signer: DR_ADA,
    date: new Date().toISOString(),
  });
  return { drafts, signed: await store.revise(signed, changed.revisionId) };
}

async function fromEhr(noteId: string): Promise<DocumentReference & { id: string }> {
  const found = await readFromEhr<{
    entry?: Array<{ resource: DocumentReference & { id: string } }>;
  }>(
    bed.ehr.fhirBaseUrl,
    bed.token,
    `DocumentReference?identifier=${encodeURIComponent(`urn:emr-kit:record|${noteId}`)}`,
  );
  expect(found.entry ?? [], `DocumentReference ${noteId} in the EHR`).to.have.length(1);
  return found.entry![0]!.resource;
}

const decoded = (data: string | undefined) =>
  new TextDecoder().decode(Uint8Array.from(atob(data ?? ''), (c) => c.charCodeAt(0)));

describe('deliverChanges: notes', () => {
  it('sends a note when it is signed, once, as a conditional create carrying its text; its drafts stay here', async function () {
    this.timeout(60_000);
    const store = await openTestStore();
    const sent: SentRequest[] = [];
    const delivery = deliverChanges(store, bed.options({ fetch: recordingFetch(sent) }));
    const text = 'Chest clear on auscultation. Plan: continue oral amoxicillin.';
    const { drafts, signed } = await writeAndSign(store, text);
    expect(drafts, 'drafts queued for the EHR').to.have.length(0);
    await until(delivery, (s) => settled(s) && s.counts.sent === 1);
    delivery.stop();

    const noteId = signed.resource.id!;
    expect(writes(sent).map((r) => `${r.method} ${new URL(r.url).pathname}`)).to.deep.equal([
      'POST /fhir/DocumentReference',
    ]);
    expect(writes(sent)[0]!.headers['if-none-exist']).to.equal(
      `identifier=urn:emr-kit:record|${noteId}`,
    );
    const held = await fromEhr(noteId);
    expect(held.docStatus).to.equal('final');
    const { plain, html } = signedAttachments(held);
    expect(decoded(plain?.data)).to.equal(text);
    expect(decoded(html?.data)).to.equal(`<p>${text}</p>`);
    // The hashes the kit signed travel with the text.
    expect(plain?.hash).to.equal(signedAttachments(signed.resource).plain?.hash);
  });

  it('an addendum names its note by the id the EHR gave it; entering the note in error is a PUT over the version its creation answered', async function () {
    this.timeout(60_000);
    const store = await openTestStore();
    const sent: SentRequest[] = [];
    const delivery = deliverChanges(store, bed.options({ fetch: recordingFetch(sent) }));
    const note = await writeAndSign(store, 'Reviewed overnight: stable.');
    await until(delivery, (s) => settled(s) && s.counts.sent === 1);
    const noteId = note.signed.resource.id!;
    const inEhr = await fromEhr(noteId);

    const addendum = await writeAndSign(store, 'Addendum: potassium 3.2, replaced.', noteId);
    await until(delivery, (s) => settled(s) && s.counts.sent === 2);
    const addendumInEhr = await fromEhr(addendum.signed.resource.id!);
    expect(addendumInEhr.relatesTo?.[0]?.target.reference).to.equal(
      `DocumentReference/${inEhr.id}`,
    );

    await store.enterInError(
      `DocumentReference/${noteId}`,
      note.signed.revisionId,
      'wrong patient',
    );
    await until(delivery, (s) => settled(s) && s.counts.sent === 3);
    delivery.stop();
    const put = writes(sent).find((r) => r.method === 'PUT');
    expect(new URL(put!.url).pathname).to.equal(`/fhir/DocumentReference/${inEhr.id}`);
    expect(put!.headers['if-match']).to.equal(`W/"${inEhr.meta!.versionId}"`);
    const after = await readFromEhr<DocumentReference>(
      bed.ehr.fhirBaseUrl,
      bed.token,
      `DocumentReference/${inEhr.id}`,
    );
    expect(after.status).to.equal('entered-in-error');
  });

  it('a draft thrown away unsigned is never sent: nothing waits, nothing is written', async function () {
    this.timeout(60_000);
    const store = await openTestStore();
    const sent: SentRequest[] = [];
    const delivery = deliverChanges(store, bed.options({ fetch: recordingFetch(sent) }));
    const draft = draftNoteReference({
      id: crypto.randomUUID(),
      patientId: bed.patientId,
      type: DEFAULT_NOTE_TYPE,
      author: DR_ADA,
      date: new Date().toISOString(),
    });
    const first = await store.record(draft);
    await store.enterInError(
      `DocumentReference/${draft.id}`,
      first.revisionId,
      'started by mistake',
    );
    await delivery.drain();
    delivery.stop();
    expect(await waitingChanges(store)).to.have.length(0);
    expect(delivery.status.counts.sent).to.equal(0);
    expect(writes(sent)).to.have.length(0);
  });
});
