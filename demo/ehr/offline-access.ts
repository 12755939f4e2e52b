// OpenID Connect grants offline_access only with prompt=consent, and
// oidc-provider drops the scope otherwise; SMART apps ask for offline_access
// without it. This server asks for consent on every authorization anyway
// (see loadExistingGrant in provider-configuration.ts), so an authorization
// request that asks for offline_access is given prompt=consent before
// oidc-provider reads it.
import type { KoaContextWithOIDC } from 'oidc-provider';
import { ROUTES } from './smart-configuration.js';

export async function offlineAccessConsent(
  ctx: KoaContextWithOIDC,
  next: () => Promise<void>,
): Promise<void> {
  if (ctx.method === 'GET' && ctx.path === ROUTES.authorization) {
    const query = new URLSearchParams(ctx.querystring);
    const scopes = (query.get('scope') ?? '').split(' ');
    const prompts = (query.get('prompt') ?? '').split(' ').filter(Boolean);
    if (
      scopes.includes('offline_access') &&
      !prompts.includes('consent') &&
      !prompts.includes('none')
    ) {
      query.set('prompt', [...prompts, 'consent'].join(' '));
      ctx.querystring = query.toString();
    }
  }
  await next();
}
