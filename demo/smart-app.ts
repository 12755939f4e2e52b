import type { SmartClient } from '../ehr/index.js';

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

/** Read the patient's chart, know who the user is, and stay signed in through a long pull. */
export const PORTAL_SCOPE = 'openid fhirUser offline_access patient/*.rs';

export function portalClient(page: keyof typeof REDIRECT_PAGES): SmartClient {
  return {
    clientId: PORTAL_CLIENT_ID,
    redirectUri: new URL(REDIRECT_PAGES[page], location.origin).href,
    scope: PORTAL_SCOPE,
  };
}
