// oidc-provider's configuration for SMART App Launch 2.0. Each setting names
// the SMART rule it serves; oidc-provider's documentation (docs/README.md,
// "Configuration options") describes the settings themselves.
import {
  errors,
  type Account,
  type ClientMetadata,
  type Client,
  type Configuration,
  type KoaContextWithOIDC,
  type ResourceServerInfo,
  type Token,
} from 'oidc-provider';
import type { DemoUser } from './interactions.js';
import type { LaunchContexts } from './launch-contexts.js';
import { ROUTES } from './smart-configuration.js';
import { NAMED_SCOPES, resourceScopes } from './smart-scopes.js';

export interface ProviderSettings {
  adapter: new (model: string) => unknown;
  clients: ClientMetadata[];
  /** The private signing key (RS256), as a JWK. */
  signingKey: Record<string, unknown>;
  cookieKey: string;
  fhirBaseUrl: () => string | undefined;
  accessTokenLifetime: number;
  refreshTokenLifetime: number;
  users: ReadonlyMap<string, DemoUser>;
  absoluteFhirUser: (reference: string) => string;
  launches: LaunchContexts;
}

const sameResource = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function providerConfiguration(settings: ProviderSettings): Configuration {
  const { fhirBaseUrl, users, launches } = settings;

  // The FHIR server is the one resource server. Its scopes are whichever
  // SMART resource scopes the request, the code or the refresh token carry:
  // SMART's scopes are a grammar, not a list, and oidc-provider grants a
  // resource scope only if the resource server offers it.
  const getResourceServerInfo = async (
    ctx: KoaContextWithOIDC,
    indicator: string,
  ): Promise<ResourceServerInfo> => {
    const base = fhirBaseUrl();
    if (base === undefined || !sameResource(indicator, base)) {
      throw new errors.InvalidTarget('this server issues tokens for its FHIR server only');
    }
    const { params, entities } = ctx.oidc;
    const offered = new Set([
      ...resourceScopes(text(params.scope)),
      ...resourceScopes(entities.AuthorizationCode?.scope),
      ...resourceScopes(entities.RefreshToken?.scope),
      ...resourceScopes(entities.Grant?.getResourceScope(indicator)),
    ]);
    return {
      scope: [...offered].join(' '),
      audience: base,
      accessTokenTTL: settings.accessTokenLifetime,
      accessTokenFormat: 'jwt',
      jwt: { sign: { alg: 'RS256' } },
    };
  };

  return {
    adapter: settings.adapter,
    clients: settings.clients,
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      id_token_signed_response_alg: 'RS256',
    },
    jwks: { keys: [settings.signingKey] },
    // Signed cookies; `secure` follows the request (plain http here), SameSite=Lax.
    cookies: { keys: [settings.cookieKey] },
    routes: { ...ROUTES },
    responseTypes: ['code'],
    // SMART: PKCE for every client, public or confidential (oidc-provider knows S256 only).
    pkce: { required: () => true },
    scopes: [...NAMED_SCOPES],
    claims: { openid: ['sub'], fhirUser: ['fhirUser'], profile: ['name'] },
    // SMART reads fhirUser from the id_token, not from a userinfo endpoint.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // SMART names the FHIR server with `aud`, not RFC 8707's `resource`.
        defaultResource: async (ctx: KoaContextWithOIDC, _client: Client, oneOf?: string[]) => {
          if (oneOf) return oneOf;
          const base = fhirBaseUrl();
          return sameResource(text(ctx.oidc.params.aud), base) ? base : undefined;
        },
        useGrantedResource: async () => true,
        getResourceServerInfo,
      },
    },
    extraParams: {
      aud: async (ctx: KoaContextWithOIDC, value: string | undefined) => {
        if (ctx.oidc.route !== 'authorization') return;
        if (!value)
          throw new errors.InvalidRequest(
            'aud is required: the base URL of the FHIR server the app wants to use',
          );
        if (!sameResource(value, fhirBaseUrl()))
          throw new errors.InvalidRequest(
            'aud is not the FHIR server this authorization server issues tokens for',
          );
      },
      launch: async (ctx: KoaContextWithOIDC, value: string | undefined) => {
        if (ctx.oidc.route !== 'authorization') return;
        const scopes = ctx.oidc.requestParamScopes;
        if (value !== undefined && !launches.launch(value))
          throw new errors.InvalidRequest('launch is not a launch this EHR started, or has ended');
        if (value === undefined && scopes.has('launch'))
          throw new errors.InvalidRequest(
            'the launch scope needs the launch parameter of an EHR launch',
          );
      },
    },
    findAccount: async (_ctx: KoaContextWithOIDC, id: string): Promise<Account | undefined> => {
      const user = users.get(id);
      if (!user) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          fhirUser: settings.absoluteFhirUser(user.fhirUser),
          name: user.name,
        }),
      };
    },
    // The launch context and the user ride in the access token, for the FHIR server.
    extraTokenClaims: async (_ctx: KoaContextWithOIDC, token: Token) => {
      const context = launches.grant(token.grantId);
      const user = token.accountId === undefined ? undefined : users.get(token.accountId);
      return {
        ...(context?.patient === undefined ? {} : { patient: context.patient }),
        ...(context?.encounter === undefined ? {} : { encounter: context.encounter }),
        ...(user === undefined ? {} : { fhirUser: settings.absoluteFhirUser(user.fhirUser) }),
      };
    },
    // Every authorization asks for consent and makes its own grant, so that
    // each launch carries its own patient (see interactions.ts).
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId === undefined ? undefined : ctx.oidc.provider.Grant.find(grantId);
    },
    // SMART: offline_access gives a refresh token that outlives the session,
    // online_access one that ends with it (expiresWithSession's default).
    issueRefreshToken: async (_ctx: KoaContextWithOIDC, client: Client, code: Token) =>
      client.grantTypeAllowed('refresh_token') &&
      (code.scopes.has('offline_access') || code.scopes.has('online_access')),
    ttl: {
      AccessToken: settings.accessTokenLifetime,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 12 * 3600,
      Grant: settings.refreshTokenLifetime,
      // A public client's refresh token rotates on use; the new one lives no
      // longer than the one it replaces (as oidc-provider's default does).
      RefreshToken: (ctx: KoaContextWithOIDC | undefined, _token: Token, client: Client) => {
        const rotated = ctx?.oidc.entities.RotatedRefreshToken as
          { remainingTTL: number } | undefined;
        return rotated && client.clientAuthMethod === 'none'
          ? rotated.remainingTTL
          : settings.refreshTokenLifetime;
      },
    },
    // Browser apps call the token endpoint with fetch: allowed from the origins of the app's redirect URIs.
    clientBasedCORS: (_ctx: KoaContextWithOIDC, origin: string, client: Client) =>
      origin !== 'null' && client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin),
    interactions: {
      url: async (_ctx: KoaContextWithOIDC, interaction: { uid: string }) =>
        `/interaction/${interaction.uid}`,
    },
  };
}
