// The authorization server's interactions: sign-in, consent, and the
// patient picker of a standalone launch, through oidc-provider's
// interaction API. The interaction is bound to a cookie oidc-provider sets
// (SameSite=Lax, so another site cannot post a form into it), and a page
// answers only for the interaction its URL names.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type InteractionDetails, type Provider } from 'oidc-provider';
import { consentPage, errorPage, loginPage, type Choice } from './interaction-pages.js';
import { grantContext, type LaunchContexts } from './launch-contexts.js';

/** A demo EHR user: who signs in, and the FHIR resource that is them. */
export interface DemoUser {
  id: string;
  name: string;
  /** `Practitioner/…` (relative to the FHIR base) or an absolute URL. */
  fhirUser: string;
}

export interface InteractionOptions {
  provider: Provider;
  users: ReadonlyMap<string, DemoUser>;
  patients: readonly Choice[];
  launches: LaunchContexts;
  defaultStyleUrl: string;
  /** Signs in as this user and consents without showing a page. */
  autoLogin?: string;
  /** With `autoLogin`, the patient a standalone launch picks without showing a page. */
  autoPatient?: string;
}

const PATH = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|consent|abort))?$/;
const MAX_FORM_BYTES = 16 * 1024;

export function interactionHandler(
  options: InteractionOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { provider, users, patients, launches } = options;

  const finishLogin = (req: IncomingMessage, res: ServerResponse, userId: string) =>
    provider.interactionFinished(
      req,
      res,
      { login: { accountId: userId } },
      { mergeWithLastSubmission: false },
    );

  const needsPatientPick = (details: InteractionDetails) => {
    const scopes = scopesOf(details);
    const launch = launches.launch(details.params.launch);
    return scopes.has('launch/patient') && !(launch && scopes.has('launch'));
  };

  const finishConsent = async (
    req: IncomingMessage,
    res: ServerResponse,
    details: InteractionDetails,
    patient: string | undefined,
  ) => {
    const accountId = details.session?.accountId;
    const clientId = details.params.client_id;
    if (!accountId || !clientId)
      throw new errors.SessionNotFound('no signed-in user for this consent');
    const grant = new provider.Grant({ accountId, clientId });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {}))
      grant.addResourceScope(resource, scopes.join(' '));
    const grantId = await grant.save();
    launches.setGrant(
      grantId,
      grantContext({
        scopes: scopesOf(details),
        launch: launches.launch(details.params.launch),
        pickedPatient: patient,
        defaultStyleUrl: options.defaultStyleUrl,
      }),
    );
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  };

  const knownPatient = (id: string | undefined) =>
    id !== undefined && id !== '' && (patients.length === 0 || patients.some((p) => p.id === id));

  const showLogin = async (res: ServerResponse, details: InteractionDetails, status = 200) =>
    html(
      res,
      status,
      loginPage({
        uid: details.uid,
        clientName: await clientName(provider, details),
        users: [...users.values()],
      }),
    );

  const showConsent = async (res: ServerResponse, details: InteractionDetails, status = 200) =>
    html(
      res,
      status,
      consentPage({
        uid: details.uid,
        clientName: await clientName(provider, details),
        userName: users.get(details.session?.accountId ?? '')?.name ?? 'unknown user',
        scopes: [...scopesOf(details)],
        ...(needsPatientPick(details) ? { patients: [...patients] } : {}),
      }),
    );

  const show = async (req: IncomingMessage, res: ServerResponse, details: InteractionDetails) => {
    switch (details.prompt.name) {
      case 'login': {
        // An EHR launch comes from a signed-in EHR session: its user is the one who signs in.
        const userId = launches.launch(details.params.launch)?.user ?? options.autoLogin;
        if (userId !== undefined && users.has(userId)) return finishLogin(req, res, userId);
        return showLogin(res, details);
      }
      case 'consent': {
        if (options.autoLogin !== undefined) {
          if (!needsPatientPick(details)) return finishConsent(req, res, details, undefined);
          if (knownPatient(options.autoPatient))
            return finishConsent(req, res, details, options.autoPatient);
        }
        return showConsent(res, details);
      }
      default:
        return html(
          res,
          400,
          errorPage(`This server has no page for the "${details.prompt.name}" step.`),
        );
    }
  };

  const submit = async (
    req: IncomingMessage,
    res: ServerResponse,
    details: InteractionDetails,
    action: string,
  ) => {
    const form = await readForm(req);
    if (form === undefined) return html(res, 413, errorPage('The form sent was too large.'));
    if (action === 'abort') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'the user did not allow access' },
        { mergeWithLastSubmission: false },
      );
    }
    if (action === 'login' && details.prompt.name === 'login') {
      const userId = form.get('user') ?? '';
      if (!users.has(userId)) return showLogin(res, details, 400);
      return finishLogin(req, res, userId);
    }
    if (action === 'consent' && details.prompt.name === 'consent') {
      const patient = form.get('patient') ?? undefined;
      if (needsPatientPick(details) && !knownPatient(patient))
        return showConsent(res, details, 400);
      return finishConsent(req, res, details, needsPatientPick(details) ? patient : undefined);
    }
    return html(
      res,
      400,
      errorPage(
        'This form does not belong to the current step; go back to the app and start again.',
      ),
    );
  };

  return async (req, res) => {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://host').pathname);
    if (!match) return html(res, 404, errorPage('No such page.'));
    const [, uid, action] = match;
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) {
        return html(
          res,
          400,
          errorPage('This page belongs to another sign-in; go back to the app and start again.'),
        );
      }
      if (action === undefined) {
        if (req.method !== 'GET') return html(res, 405, errorPage('Use the form on the page.'));
        return await show(req, res, details);
      }
      if (req.method !== 'POST') return html(res, 405, errorPage('Use the form on the page.'));
      return await submit(req, res, details, action);
    } catch (error) {
      if (error instanceof errors.SessionNotFound) {
        return html(
          res,
          400,
          errorPage(
            'This sign-in has expired or was opened in another browser; go back to the app and start again.',
          ),
        );
      }
      throw error;
    }
  };
}

function scopesOf(details: InteractionDetails): Set<string> {
  return new Set((details.params.scope ?? '').split(' ').filter(Boolean));
}

async function clientName(provider: Provider, details: InteractionDetails): Promise<string> {
  const id = details.params.client_id ?? '';
  const client = await provider.Client.find(id);
  return client?.clientName ?? id;
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // No form-action: browsers apply it to the redirect back to the app too.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'",
  });
  res.end(body);
}

/** The urlencoded form posted, or undefined when it is larger than any form of these pages. */
async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    // Read to the end (leaving early would destroy the socket the answer goes on), keep nothing past the limit.
    if (size <= MAX_FORM_BYTES) chunks.push(buffer);
  }
  if (size > MAX_FORM_BYTES) return undefined;
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
