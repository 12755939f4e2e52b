import type { DeliveryAllowance, SmartClient } from '../ehr/index.js';

// The portal as an app registered with the hospital EHR: one public client
// (PKCE, no secret) whose redirect URIs are the two pages that finish a
// launch, the portal itself and the standalone page. The portal's dev server
// registers it (demo/server/demo-api-plugin.ts); the pages launch with it.

export const PORTAL_CLIENT_ID = 'northfield-portal';
export const PORTAL_CLIENT_NAME = 'Northfield clinician portal';

/** Where each launch comes back to (the redirect URIs), from the portal's origin. */
export const REDIRECT_PAGES = { portal: '/', standalone: '/standalone.html' } as const;

/** The EHR launch's launch URL: the EHR opens it with `iss` and `launch`. */
export const LAUNCH_PAGE = '/launch.html';

/**
 * What the hospital takes back from the portal, as a hospital might set it
 * for an embedded app: new sets of vital signs, allergies, medication orders
 * and signed notes (a note goes when it is signed; its drafts stay in the
 * kit). Other changes stay in the kit, labelled "kept here only": a
 * medication the patient reports.
 */
export const HOSPITAL_TAKES: DeliveryAllowance = {
  Observation: ['create'],
  AllergyIntolerance: ['create', 'update'],
  MedicationRequest: ['create', 'update'],
  DocumentReference: ['create', 'update'],
};

/** Read the patient's chart, know who the user is, and stay signed in through a long pull. */
const READ_SCOPE = 'openid fhirUser offline_access patient/*.rs';

/**
 * Write what the hospital takes. As the user (`user/`), not only in the
 * launched chart: the store sends every change this user made on this
 * device, to whichever chart, and the EHR records each write as theirs.
 * Read and search go with each (a conditional create searches, a conflict
 * reads the EHR's version back).
 */
const WRITE_SCOPES = Object.entries(HOSPITAL_TAKES).map(
  ([type, interactions]) =>
    `user/${type}.${interactions.includes('create') ? 'c' : ''}r${interactions.includes('update') ? 'u' : ''}s`,
);

/** The scopes each page asks for: the portal gives changes back, the standalone app only reads. */
export const SCOPES: Record<keyof typeof REDIRECT_PAGES, string> = {
  portal: [READ_SCOPE, ...WRITE_SCOPES].join(' '),
  standalone: READ_SCOPE,
};

export function portalClient(page: keyof typeof REDIRECT_PAGES): SmartClient {
  return {
    clientId: PORTAL_CLIENT_ID,
    redirectUri: new URL(REDIRECT_PAGES[page], location.origin).href,
    scope: SCOPES[page],
  };
}
