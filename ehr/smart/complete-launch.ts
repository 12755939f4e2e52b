import * as oauth from 'oauth4webapi';
import { EhrError } from '../errors.js';
import { authorizationServer, type SmartConfiguration } from './smart-discovery.js';
import { PENDING_PREFIX, storageOf, type PendingLaunch, type SmartClient } from './smart-launch.js';
import { requestOptions, SmartSession, tokensOf, type LaunchContext } from './smart-session.js';

/**
 * The second half of a SMART launch, at the redirect URI: checks the state
 * against the launch this tab began (a state it did not begin is refused:
 * another site's code must not sign this user in), trades the code and the
 * PKCE verifier for a token, and reads the launch context from the token
 * response. The pending launch is used once.
 */
export async function completeSmartLaunch(
  url: string | URL,
  client: Pick<SmartClient, 'storage' | 'fetch'> = {},
): Promise<SmartSession> {
  const callback = new URL(url);
  const state = callback.searchParams.get('state');
  const storage = storageOf(client);
  const saved = state ? storage.getItem(PENDING_PREFIX + state) : null;
  if (!state || !saved) {
    throw new EhrError(
      'launch',
      `SMART launch: the answer's state ${state ? `"${state.slice(0, 16)}…"` : '(none)'} is not one this tab sent; refused (start the launch again)`,
    );
  }
  storage.removeItem(PENDING_PREFIX + state);
  const pending = JSON.parse(saved) as PendingLaunch;
  const as = authorizationServer(pending.configuration);
  const oauthClient: oauth.Client = { client_id: pending.clientId };
  const options = requestOptions(pending.configuration, client.fetch);
  let result: oauth.TokenEndpointResponse;
  try {
    const params = oauth.validateAuthResponse(as, oauthClient, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      oauthClient,
      oauth.None(),
      params,
      pending.redirectUri,
      pending.codeVerifier,
      options,
    );
    result = await oauth.processAuthorizationCodeResponse(as, oauthClient, response);
  } catch (error) {
    throw new EhrError('launch', `SMART launch: ${describe(error)}`, { cause: error });
  }
  return new SmartSession(
    launchContext(result, pending),
    tokensOf(result),
    pending.configuration,
    pending.clientId,
    client.fetch,
  );
}

function launchContext(
  response: oauth.TokenEndpointResponse,
  pending: { fhirBaseUrl: string; configuration: SmartConfiguration },
): LaunchContext {
  const text = (name: string) =>
    typeof response[name] === 'string' ? (response[name] as string) : undefined;
  const claims = oauth.getValidatedIdTokenClaims(response);
  const fhirUser = typeof claims?.fhirUser === 'string' ? claims.fhirUser : undefined;
  return {
    fhirBaseUrl: pending.fhirBaseUrl,
    patient: text('patient'),
    encounter: text('encounter'),
    needPatientBanner:
      typeof response.need_patient_banner === 'boolean' ? response.need_patient_banner : undefined,
    smartStyleUrl: text('smart_style_url'),
    fhirUser,
    scope: response.scope ?? '',
  };
}

function describe(error: unknown): string {
  if (error instanceof oauth.AuthorizationResponseError)
    return `the authorization server refused: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`;
  if (error instanceof oauth.ResponseBodyError)
    return `the token endpoint refused: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}`;
  return (error as Error).message;
}
