import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  encodeRevision,
  parseRevision,
  type DetectedIssue,
  type Revision,
} from '../../../model/index.js';
import { ONE_NODE, type Deployment } from './deployments.js';
import { token, until } from './support.js';

// An override of a decision-support warning is a FHIR DetectedIssue in the
// chart's revision log: it validates, belongs to its patient's chart, and
// the sync server takes it and relays it like any other revision.

function overrideIssue(patientId: string, id: string): DetectedIssue {
  return {
    resourceType: 'DetectedIssue',
    id,
    status: 'final',
    code: { text: 'Drug–allergy by class' },
    severity: 'high',
    patient: { reference: `Patient/${patientId}` },
    identifiedDateTime: '2024-03-01T09:30:00Z',
    author: { display: 'Dr Ada Okafor' },
    implicated: [
      { reference: 'MedicationRequest/med-1' },
      { reference: 'AllergyIntolerance/alg-1' },
    ],
    detail: 'Penicillin allergy recorded: amoxicillin is a penicillin',
    mitigation: [
      {
        action: {
          coding: [{ system: 'urn:reasons', code: 'tolerated', display: 'Tolerated before' }],
        },
        date: '2024-03-01T09:30:00Z',
        author: { display: 'Dr Ada Okafor' },
      },
    ],
  };
}

function revision(authorId: string, resource: DetectedIssue): Revision {
  return {
    revisionId: `rev-${resource.id}`,
    key: `DetectedIssue/${resource.id}`,
    parents: [],
    author: { id: authorId, displayName: 'Dr Ada Okafor', role: 'clinician' },
    at: '2024-03-01T09:30:00Z',
    resource,
  };
}

describe('DetectedIssue revisions', () => {
  it('validate, and belong to the chart of the patient they name', () => {
    const encoded = encodeRevision(revision('dr-okafor', overrideIssue('pat-1', 'di-1')));
    assert.equal(parseRevision(encoded, 'pat-1').ok, true);
    const elsewhere = parseRevision(encoded, 'pat-2');
    assert.equal(!elsewhere.ok && elsewhere.otherPatient, true);
    const bad = parseRevision(
      encodeRevision(
        revision('dr-okafor', { ...overrideIssue('pat-1', 'di-2'), status: 'done' as never }),
      ),
      'pat-1',
    );
    assert.match(bad.ok ? '' : bad.message, /status/);
  });

  describe(`through the sync server (${ONE_NODE.name})`, () => {
    let d: Deployment;
    before(async () => {
      d = await ONE_NODE.start();
    });
    after(() => d.stop());

    it('are taken and relayed to a second clinician', async () => {
      const doc = 'emr/pat-1/core';
      const a = d.a.connect(doc, await token('dr-okafor'));
      const b = d.a.connect(doc, await token('dr-lindqvist'));
      await Promise.all([a.synced, b.synced]);
      const encoded = encodeRevision(revision('dr-okafor', overrideIssue('pat-1', 'di-3')));
      a.doc.getArray<string>('revisions').push([encoded]);
      await until(b.doc, () => b.doc.getArray('revisions').length === 1);
      assert.deepEqual(b.doc.getArray('revisions').toArray(), [encoded]);
      for (const node of d.nodes) node.closeClients();
      await d.assertUnaffected();
    });
  });
});
