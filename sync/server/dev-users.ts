import { signingSecret } from './keys.js';
import { mintToken, type SyncRole } from './access-tokens.js';

// Users for the demo and for local development, with tokens signed by the
// DEVELOPMENT key: a server started with the development key (`emr-kit serve
// --dev`) accepts them, a production server refuses them.

export interface DevUser {
  id: string;
  name: string;
  role: SyncRole;
}

export const DEV_USERS: readonly DevUser[] = [
  { id: 'dr-okafor', name: 'Dr Ada Okafor', role: 'clinician' },
  { id: 'dr-lindqvist', name: 'Dr Erik Lindqvist', role: 'clinician' },
  // A patient reading their own chart through the portal: read-only.
  { id: 'portal-viewer', name: 'Patient portal viewer', role: 'viewer' },
];

/** A development-key token for one of DEV_USERS, allowed the given patients. */
export async function devToken(
  userId: string,
  patients: readonly string[],
  lifetime = '8h',
): Promise<string> {
  const user = DEV_USERS.find((u) => u.id === userId);
  if (!user)
    throw new Error(
      `no development user ${userId}; they are ${DEV_USERS.map((u) => u.id).join(', ')}`,
    );
  return mintToken(
    { userId: user.id, name: user.name, role: user.role, patients, lifetime },
    signingSecret({ dev: true }),
  );
}
