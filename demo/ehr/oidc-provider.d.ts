// The part of oidc-provider 9 (which ships no types) that the demo EHR's
// authorization server uses. Names and shapes follow the library's
// documentation (its docs/README.md, "Configuration options").
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    application_type?: 'web' | 'native';
    scope?: string;
  }

  export interface Client {
    clientId: string;
    clientName?: string;
    clientAuthMethod: string;
    redirectUris: string[];
    grantTypeAllowed(type: string): boolean;
  }

  /** A stored token or code: an authorization code, a refresh token, an access token. */
  export interface Token {
    jti: string;
    kind: string;
    accountId?: string;
    grantId?: string;
    clientId?: string;
    scope?: string;
    readonly scopes: Set<string>;
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    jti: string;
    accountId: string;
    clientId: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    getOIDCScopeFiltered(filter: Set<string>): string;
    getResourceScopeFiltered(resource: string, filter: Set<string> | string[]): string;
    getResourceScope(resource: string): string;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export interface OIDCContext {
    readonly provider: Provider;
    readonly route: string;
    readonly params: Record<string, string | string[] | undefined>;
    readonly client?: Client;
    readonly entities: {
      readonly Grant?: Grant;
      readonly AuthorizationCode?: Token;
      readonly RefreshToken?: Token;
      readonly AccessToken?: Token;
      readonly [name: string]: unknown;
    };
    readonly requestParamScopes: Set<string>;
    readonly result?: { consent?: { grantId?: string } };
  }

  /** Koa's context, as far as the configuration helpers and middleware here read it. */
  export interface KoaContextWithOIDC {
    oidc: OIDCContext;
    method: string;
    path: string;
    status: number;
    body: unknown;
    querystring: string;
    get(header: string): string;
    set(header: string, value: string): void;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: {
      name: string;
      reasons: string[];
      details: {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
    };
    params: Record<string, string | undefined>;
    session?: { accountId: string; uid: string };
    grantId?: string;
  }

  export type InteractionResult =
    | { login?: { accountId: string; remember?: boolean }; consent?: { grantId?: string } }
    | { error: string; error_description?: string };

  export interface ResourceServerInfo {
    scope: string;
    audience?: string;
    accessTokenTTL?: number;
    accessTokenFormat?: 'opaque' | 'jwt';
    jwt?: { sign?: { alg?: string; kid?: string } };
  }

  /** The configuration, loosely typed: oidc-provider validates it at construction. */
  export type Configuration = Record<string, unknown>;

  type Middleware = (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>;

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Grant: typeof Grant;
    readonly Client: { find(id: string): Promise<Client | undefined> };
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    use(middleware: Middleware): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResult,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }

  /** oidc-provider's error classes: the `error` code is the OAuth error the response carries. */
  export interface OIDCProviderErrorClass {
    new (
      description?: string,
    ): Error & { status: number; error: string; error_description?: string };
  }

  export const errors: {
    InvalidRequest: OIDCProviderErrorClass;
    InvalidTarget: OIDCProviderErrorClass;
    InvalidScope: OIDCProviderErrorClass;
    SessionNotFound: OIDCProviderErrorClass;
  };

  export default Provider;
}
