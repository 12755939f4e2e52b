import { EhrError } from '../errors.js';
import type { FhirHttp } from '../http/fhir-http.js';
import type { FhirObject } from './search-pages.js';

/**
 * The Patient resource, read by id, past the browser's HTTP cache: it is the
 * one read every pull repeats at the same URL (searches carry `_since`, pages
 * their own links), and a server that sends an ETag without Cache-Control
 * lets the browser answer it from an earlier pull.
 */
export async function readPatient(http: FhirHttp, patientId: string): Promise<FhirObject> {
  const { body, request } = await http.get(`Patient/${encodeURIComponent(patientId)}`, 'Patient', {
    fresh: true,
  });
  const patient = body as FhirObject;
  if (
    typeof body !== 'object' ||
    body === null ||
    patient.resourceType !== 'Patient' ||
    patient.id !== patientId
  ) {
    throw new EhrError(
      'invalid-response',
      `Patient: GET ${request} did not answer Patient/${patientId}`,
      { url: request, resourceType: 'Patient' },
    );
  }
  return patient;
}
