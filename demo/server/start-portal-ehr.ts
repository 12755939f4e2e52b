import { startDemoEhr, type DemoEhr, type DemoEhrOptions } from '../ehr/demo-ehr.js';
import { setRunningEhr } from './running-ehr.js';

// The demo EHR as the portal uses it: the FHIR server seeded with the
// Synthea patients and the SMART authorization server, handed to the
// portal's dev server (which registers the portal as an app once it knows
// its own port). Fixed ports are a preference, so that addresses stay the
// same from one run to the next: when one is taken, any free ports.

export const PREFERRED_PORTS = { fhirPort: 8103, authPort: 8104 };

export async function startPortalEhr(
  ports: { fhirPort: number; authPort: number } = PREFERRED_PORTS,
  options: Pick<DemoEhrOptions, 'onAnswer'> = {},
): Promise<DemoEhr> {
  const ehr = await startDemoEhr({ ...ports, ...options }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    return startDemoEhr({ fhirPort: 0, authPort: 0, ...options });
  });
  setRunningEhr(ehr);
  return {
    ...ehr,
    close: async () => {
      setRunningEhr(undefined);
      await ehr.close();
    },
  };
}
