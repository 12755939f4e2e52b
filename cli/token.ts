import {
  KeyConfigError,
  mintToken,
  ROLES,
  signingSecret,
  type SyncRole,
} from '../sync/server/index.js';
import { EXIT, UsageError, type Io } from './io.js';

export interface TokenOptions {
  user?: string;
  name?: string;
  role?: string;
  patients?: string;
  lifetime: string;
  dev: boolean;
}

/** Prints a sync-server token signed with the development key (--dev) or EMR_SYNC_SECRET. */
export async function tokenCommand(options: TokenOptions, io: Io): Promise<number> {
  if (!options.user) throw new UsageError('token needs --user ID');
  if (!options.role || !ROLES.includes(options.role as SyncRole))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const patients = (options.patients ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (patients.length === 0) throw new UsageError('token needs --patients ID[,ID...]');
  if (!/^\d+[smhd]$/.test(options.lifetime))
    throw new UsageError(
      `--lifetime must be a number and a unit (s, m, h or d), e.g. 8h, not ${options.lifetime}`,
    );
  let secret: Uint8Array;
  try {
    secret = signingSecret({ dev: options.dev });
  } catch (error) {
    if (error instanceof KeyConfigError) throw new UsageError(error.message);
    throw error;
  }
  const token = await mintToken(
    {
      userId: options.user,
      name: options.name ?? options.user,
      role: options.role as SyncRole,
      patients,
      lifetime: options.lifetime,
    },
    secret,
  );
  io.out.write(`${token}\n`);
  return EXIT.ok;
}
