// A host page as a portal would write it: a local store, the chart shared
// through the sync server, and the kit's elements. The end-to-end test opens
// it in two browser contexts (two clinicians) with
// ?server=<ws url>&patient=<id>&user=<dev user id>&note=<note id>, and drives
// it through the elements, or through `window.chart` for set-up.
import type { MedicationRequest } from '../../../model/index.js';
import { importBundle, openChartStore } from '../../../storage/index.js';
import { connectChart } from '../../../sync/index.js';
import '../../../components/sync-status/emr-sync-status.js';
import '../../../components/medication-list/emr-medication-list.js';
import '../../../components/note-editor/emr-note-editor.js';

const params = new URLSearchParams(location.search);
const patientId = params.get('patient')!;
const userId = params.get('user')!;
const noteId = params.get('note')!;
const name = params.get('name') ?? userId;

const store = await openChartStore({
  databaseName: `e2e-${userId}`,
  user: { id: userId, displayName: name, role: 'clinician' },
});
const connection = connectChart({
  serverUrl: params.get('server')!,
  patientId,
  documents: (doc) => store.holdDocument(doc),
  names: store.documentNames(patientId),
  unsent: store.unsentChanges(patientId),
  token: async () =>
    (
      await fetch(
        `/token?user=${encodeURIComponent(userId)}&patient=${encodeURIComponent(patientId)}`,
      )
    ).text(),
});

const status = document.querySelector('emr-sync-status')!;
status.source = connection;
const medications = document.querySelector('emr-medication-list')!;
medications.store = store;
medications.patientId = patientId;
const editor = document.querySelector('emr-note-editor')!;
editor.store = store;
editor.patientId = patientId;
editor.noteId = noteId;
editor.awareness = (await connection.openNote(noteId)).awareness;

/** Set-up steps the test takes without the interface. */
const chart = {
  state: () => connection.state,
  record: (resource: MedicationRequest | { resourceType: 'Patient'; id: string }) =>
    store.record(resource as MedicationRequest).then((r) => r.revisionId),
  revise: (resource: MedicationRequest, from: string) =>
    store.revise(resource, from).then((r) => r.revisionId),
  importBundle: (text: string) => importBundle(store, text).then(() => undefined),
  /** How many of the patient's records are in conflict now. */
  conflicts: () =>
    new Promise<number>((resolve, reject) => {
      const stop = store.conflicts(patientId).subscribe({
        next: (records) => {
          resolve(records.length);
          queueMicrotask(() => stop());
        },
        error: reject,
      });
    }),
};
Object.assign(window, { chart });
document.body.dataset.ready = 'true';
