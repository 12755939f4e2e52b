// The scopes of SMART App Launch 2.0 that the demo EHR grants.

/** Scopes with a fixed name: identity, launch context and refresh tokens. */
export const NAMED_SCOPES = [
  'openid',
  'fhirUser',
  'profile',
  'launch',
  'launch/patient',
  'launch/encounter',
  'offline_access',
  'online_access',
] as const;

/** Examples of resource scopes, for `scopes_supported`: the grammar below accepts any resource type. */
export const RESOURCE_SCOPE_EXAMPLES = [
  'patient/*.rs',
  'patient/*.cruds',
  'user/*.rs',
  'user/*.cruds',
  'patient/Observation.rs',
];

// SMART v2: `patient|user|system` / `*` or a resource type / permissions
// `c r u d s`, each at most once and in that order, at least one, then an
// optional query (`patient/Observation.rs?category=laboratory`). SMART v1's
// `.read`, `.write` and `.*` are accepted too.
const RESOURCE_SCOPE =
  /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.((?=[cruds])c?r?u?d?s?|read|write|\*)(\?[^\s]+)?$/;

/** Whether a scope grants access to FHIR resources (as opposed to identity or launch context). */
export function isResourceScope(scope: string): boolean {
  return RESOURCE_SCOPE.test(scope);
}

/** The resource scopes among a space-separated list (or a set) of scopes. */
export function resourceScopes(scopes: Iterable<string> | string | undefined): string[] {
  if (scopes === undefined) return [];
  const list = typeof scopes === 'string' ? scopes.split(' ') : [...scopes];
  return list.filter(isResourceScope);
}
