import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_CLINICIANS } from './demo-clinicians.js';
import { startAuthServer, type AuthClient, type AuthServer } from './auth-server.js';
import { EhrRepository } from './ehr-repository.js';
import { startFhirServer, type FhirServer, type FhirServerOptions } from './fhir-server.js';
import { seedSynthea, syntheaFixturesDir } from './seed.js';

// The demo EHR as a whole: the FHIR server (Medplum's engine) seeded with the
// Synthea patients, behind the SMART authorization server (oidc-provider)
// that issues its tokens. What tests, benchmarks and `npm start` run.

export { DEMO_CLINICIANS };

export interface DemoEhrOptions {
  fhirPort?: number;
  authPort?: number;
  clients?: AuthClient[];
  /** Seconds an access token lives (3600 by default). */
  accessTokenLifetime?: number;
  /** Signs in as this user and consents with no page (tests). */
  autoLogin?: string;
  /** With autoLogin: the patient a standalone launch picks. */
  autoPatient?: string | 'first';
  /** Where the Synthea bundles are; none loaded when null. */
  fixturesDir?: string | null;
  /** Told of every request the FHIR server answered. */
  onAnswer?: FhirServerOptions['onAnswer'];
}

export interface DemoPatient {
  id: string;
  name: string;
  /** The fixture file it came from. */
  file: string;
  /** Resources in its bundle that the server holds. */
  size: number;
}

export interface DemoEhr {
  fhir: FhirServer;
  auth: AuthServer;
  patients: DemoPatient[];
  close(): Promise<void>;
}

export async function startDemoEhr(options: DemoEhrOptions = {}): Promise<DemoEhr> {
  const repository = new EhrRepository();
  const dir = options.fixturesDir === undefined ? syntheaFixturesDir() : options.fixturesDir;
  const patients = dir ? await seedPatients(repository, dir) : [];
  const auth = await startAuthServer({
    port: options.authPort ?? 0,
    clients: options.clients ?? [],
    users: DEMO_CLINICIANS,
    patients: patients.map(({ id, name }) => ({ id, name })),
    accessTokenLifetime: options.accessTokenLifetime,
    autoLogin: options.autoLogin,
    autoPatient: options.autoPatient === 'first' ? patients[0]?.id : options.autoPatient,
  });
  const fhir = await startFhirServer({
    port: options.fhirPort ?? 0,
    repository,
    onAnswer: options.onAnswer,
    authorize: (token) => (token ? auth.authorize(token) : Promise.resolve(undefined)),
    smartConfiguration: (fhirBaseUrl) =>
      auth.smartConfiguration(fhirBaseUrl) as unknown as Record<string, unknown>,
  }).catch(async (error: unknown) => {
    // The FHIR server's port was taken, say: the authorization server must not stay behind.
    await auth.close();
    throw error;
  });
  return {
    fhir,
    auth,
    patients,
    close: async () => {
      await Promise.allSettled([fhir.close(), auth.close()]);
    },
  };
}

async function seedPatients(repository: EhrRepository, dir: string): Promise<DemoPatient[]> {
  const seeded = await seedSynthea(repository, dir);
  const patients: DemoPatient[] = [];
  for (const [file, result] of seeded) {
    const bundle = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as {
      entry?: Array<{
        resource?: {
          resourceType?: string;
          id?: string;
          name?: Array<{ given?: string[]; family?: string }>;
        };
      }>;
    };
    const patient = bundle.entry?.find(
      (entry) => entry.resource?.resourceType === 'Patient',
    )?.resource;
    if (!patient?.id) continue;
    const name = patient.name?.[0];
    const size = Object.values(result.created).reduce((sum, n) => sum + n, 0);
    patients.push({
      id: patient.id,
      name: [...(name?.given ?? []), name?.family].filter(Boolean).join(' ').replace(/\d+/g, ''),
      file,
      size,
    });
  }
  return patients;
}
