import {
  ChartStoreError,
  documentFor,
  patientOf,
  resourceKey,
  type ChartDocumentName,
  type ChartUser,
  type FhirResource,
  type Revision,
} from '../model/index.js';
import { clinicalDate, sortableDate } from './projection.js';

export function newRevision<R extends FhirResource>(
  resource: R,
  parents: string[],
  author: ChartUser,
  reason?: string,
): Revision<R> {
  return {
    revisionId: crypto.randomUUID(),
    key: resourceKey(resource),
    parents,
    author: { id: author.id, displayName: author.displayName, role: author.role },
    at: new Date().toISOString(),
    ...(reason ? { reason } : {}),
    resource,
  };
}

/** The document a new resource's revisions go to; refused when it belongs to no patient. */
export function documentOf(resource: FhirResource): ChartDocumentName {
  const patientId = patientOf(resource);
  if (!patientId) {
    const field =
      resource.resourceType === 'AllergyIntolerance' ||
      resource.resourceType === 'Immunization' ||
      resource.resourceType === 'DetectedIssue'
        ? 'patient'
        : 'subject';
    throw new ChartStoreError(
      'invalid',
      `${resourceKey(resource)} must name its patient: ${resource.resourceType}.${field} needs a reference "Patient/<id>".`,
      [
        {
          code: 'invalid',
          path: `${resource.resourceType}.${field}`,
          message: 'needs a reference to Patient/<id>',
          resourceType: resource.resourceType,
          id: resource.id,
        },
      ],
    );
  }
  return documentFor(patientId, resource, sortableDate(clinicalDate(resource)));
}
