import { ehrLaunchParameters, smartAuthorizationUrl } from '../ehr/index.js';
import { demoApi } from './demo-api.js';
import { portalClient } from './smart-app.js';

// The launch URL of an EHR launch: the EHR opened this page with `iss` (its
// FHIR server) and `launch` (the chart on its screen). The portal trusts
// only the hospital's own FHIR server, then goes to its authorization
// server; the launch comes back to the portal's page (the redirect URI).

const status = document.getElementById('launch-status')!;

try {
  const launched = ehrLaunchParameters(location.href);
  if (!launched)
    throw new Error(
      'this page is opened by the hospital EHR, with iss and launch; open a patient from the ward list instead.',
    );
  const { fhirBaseUrl } = await demoApi.config();
  // The kit refuses any other server named in `iss`.
  const client = { ...portalClient('portal'), allowedIssuers: fhirBaseUrl ? [fhirBaseUrl] : [] };
  location.assign(
    await smartAuthorizationUrl(client, { fhirBaseUrl: launched.iss, launch: launched.launch }),
  );
} catch (error) {
  status.textContent = `The chart could not be opened: ${(error as Error).message}`;
  status.classList.add('error');
}
