// SMART puts the launch context at the top level of the token response
// (`patient`, `encounter`, `need_patient_banner`, `smart_style_url`) and
// lists every granted scope in `scope`. oidc-provider has no setting for
// extra token response members, so a middleware adds them after its token
// endpoint has answered (the "pre- and post-middleware" of its docs).
import type { KoaContextWithOIDC } from 'oidc-provider';
import { tokenResponseContext, type LaunchContexts } from './launch-contexts.js';

export function tokenResponseMiddleware(options: {
  launches: LaunchContexts;
  fhirBaseUrl: () => string | undefined;
}): (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void> {
  return async (ctx, next) => {
    await next();
    if (ctx.status !== 200 || !('oidc' in ctx) || ctx.oidc.route !== 'token') return;
    const body = ctx.body;
    const grant = ctx.oidc.entities.Grant;
    if (typeof body !== 'object' || body === null || !('access_token' in body) || !grant) return;
    const context = options.launches.grant(grant.jti);

    // oidc-provider's `scope` is the access token's: the resource scopes only.
    const source = ctx.oidc.entities.RefreshToken ?? ctx.oidc.entities.AuthorizationCode;
    const asked = ctx.oidc.params.scope
      ? ctx.oidc.requestParamScopes
      : (source?.scopes ?? new Set<string>());
    const base = options.fhirBaseUrl();
    const scope = [
      ...grant.getOIDCScopeFiltered(asked).split(' '),
      ...(base === undefined ? [] : grant.getResourceScopeFiltered(base, asked).split(' ')),
    ].filter(Boolean);

    ctx.body = {
      ...body,
      scope: [...new Set(scope)].join(' '),
      ...(context === undefined ? {} : tokenResponseContext(context)),
    };
  };
}
