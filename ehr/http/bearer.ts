import type { FhirAuth } from './fhir-http.js';

/** A token the host already holds: sent as it is; a 401 is the host's to handle (sign in again). */
export function bearerToken(token: string): FhirAuth {
  return { authorization: () => `Bearer ${token}` };
}
