// Launch contexts: what the EHR knew when it launched an app (EHR launch),
// and what each grant carries to the token response and the access token.
import { randomBytes } from 'node:crypto';

/** What the EHR puts behind a `launch` id: the chart open on screen, and who is signed in. */
export interface LaunchInput {
  /** The Patient's id on the FHIR server. */
  patient: string;
  /** The Encounter's id, when the chart is open on one. */
  encounter?: string;
  /** The id of the demo user signed in to the EHR; the app's sign-in is then done as this user. */
  user?: string;
  /** Whether the app should show its own patient banner; the default is true. */
  needPatientBanner?: boolean;
  /** A style JSON for the app to match the EHR; the default is the server's own. */
  styleUrl?: string;
}

/** The context a grant gives: SMART's token response parameters and access token claims. */
export interface GrantContext {
  patient?: string;
  encounter?: string;
  needPatientBanner?: boolean;
  styleUrl: string;
}

/** The SMART launch-context parameters at the top level of a token response. */
export interface TokenResponseContext {
  patient?: string;
  encounter?: string;
  need_patient_banner?: boolean;
  smart_style_url: string;
}

export class LaunchContexts {
  readonly #launches = new Map<string, LaunchInput>();
  readonly #grants = new Map<string, GrantContext>();

  /** Records an EHR launch and returns its opaque id, for the app's launch URL (`launch=`). */
  createLaunch(input: LaunchInput): string {
    const id = randomBytes(16).toString('base64url');
    this.#launches.set(id, { ...input });
    return id;
  }

  launch(id: string | undefined): LaunchInput | undefined {
    return id === undefined ? undefined : this.#launches.get(id);
  }

  setGrant(grantId: string, context: GrantContext): void {
    this.#grants.set(grantId, context);
  }

  grant(grantId: string | undefined): GrantContext | undefined {
    return grantId === undefined ? undefined : this.#grants.get(grantId);
  }

  forgetGrant(grantId: string): void {
    this.#grants.delete(grantId);
  }
}

/**
 * The context a new grant carries. An EHR launch (the `launch` scope with a
 * known `launch` id) gives the launch's patient and encounter; a standalone
 * launch asking for `launch/patient` gives the patient picked at consent.
 */
export function grantContext(options: {
  scopes: Set<string>;
  launch: LaunchInput | undefined;
  pickedPatient: string | undefined;
  defaultStyleUrl: string;
}): GrantContext {
  const { scopes, launch, pickedPatient, defaultStyleUrl } = options;
  if (launch && scopes.has('launch')) {
    return {
      patient: launch.patient,
      encounter: launch.encounter,
      needPatientBanner: launch.needPatientBanner ?? true,
      styleUrl: launch.styleUrl ?? defaultStyleUrl,
    };
  }
  if (pickedPatient !== undefined && scopes.has('launch/patient')) {
    return { patient: pickedPatient, needPatientBanner: true, styleUrl: defaultStyleUrl };
  }
  return { styleUrl: defaultStyleUrl };
}

export function tokenResponseContext(context: GrantContext): TokenResponseContext {
  return {
    ...(context.patient === undefined ? {} : { patient: context.patient }),
    ...(context.encounter === undefined ? {} : { encounter: context.encounter }),
    ...(context.needPatientBanner === undefined
      ? {}
      : { need_patient_banner: context.needPatientBanner }),
    smart_style_url: context.styleUrl,
  };
}
