// SMART on FHIR scopes as the demo EHR enforces them.
//
// v2: `patient/Observation.rs`, `user/*.cruds`, `system/*.r` (c create,
// r read, u update, d delete, s search). v1: `.read` (= rs), `.write`
// (= cud), `.*` (= cruds). Scopes with a query (`?category=...`) grant
// nothing here: the demo does not filter by them. Other scopes (`openid`,
// `launch/patient`, `offline_access`) grant no data access.

export type ScopeAction = 'c' | 'r' | 'u' | 'd' | 's';

/** What the token allows for one resource type and action. */
export type Grant =
  /** user/ or system/ scope: any resource of the type. */
  | 'any'
  /** patient/ scope only: the resources of the patient in context (resources of types outside any patient compartment, too). */
  | 'patient'
  | 'none';

interface Scope {
  context: 'patient' | 'user' | 'system';
  type: string;
  actions: Set<ScopeAction>;
}

const SCOPE = /^(patient|user|system)\/([A-Za-z]+|\*)\.([cruds]+|read|write|\*)$/;

export function parseScopes(scopes: readonly string[]): Scope[] {
  const out: Scope[] = [];
  for (const text of scopes) {
    const match = SCOPE.exec(text);
    if (!match) continue;
    const [, context, type, permission] = match as unknown as [
      string,
      Scope['context'],
      string,
      string,
    ];
    const actions =
      permission === 'read'
        ? 'rs'
        : permission === 'write'
          ? 'cud'
          : permission === '*'
            ? 'cruds'
            : permission;
    out.push({ context, type, actions: new Set(actions.split('') as ScopeAction[]) });
  }
  return out;
}

export function grantFor(
  scopes: readonly Scope[],
  resourceType: string,
  action: ScopeAction,
): Grant {
  let grant: Grant = 'none';
  for (const scope of scopes) {
    if ((scope.type !== '*' && scope.type !== resourceType) || !scope.actions.has(action)) continue;
    if (scope.context !== 'patient') return 'any';
    grant = 'patient';
  }
  return grant;
}

export const ACTION_NAMES: Record<ScopeAction, string> = {
  c: 'create',
  r: 'read',
  u: 'update',
  d: 'delete',
  s: 'search',
};
