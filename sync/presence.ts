import type { Awareness } from 'y-protocols/awareness';
import type { PresenceUser } from '../model/index.js';
import { peerColor } from './peer-color.js';
import { readTokenClaims } from './token-claims.js';

/** A colour another device sends goes into a style: a hex colour or nothing. */
const HEX_COLOR = /^#[0-9a-f]{3,8}$/i;

/**
 * Who else has the document open, from its awareness: one entry per user
 * (a user in two tabs is one person here), never the signed-in user, sorted
 * by name. States without a well-formed `user` field are left out.
 */
export function peersIn(awareness: Awareness, selfUserId: string): PresenceUser[] {
  const byId = new Map<string, PresenceUser>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = (state as { user?: Partial<PresenceUser> }).user;
    if (
      !user ||
      typeof user.id !== 'string' ||
      typeof user.name !== 'string' ||
      typeof user.color !== 'string'
    )
      continue;
    if (user.id === selfUserId || byId.has(user.id)) continue;
    byId.set(user.id, {
      id: user.id,
      name: user.name,
      color: HEX_COLOR.test(user.color) ? user.color : peerColor(user.id),
    });
  }
  return [...byId.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

/** Who this device shows as: what the host gave, else what the token names, else `unknown`. */
export function presenceUser(
  given: Partial<PresenceUser> | undefined,
  token: string | undefined,
): PresenceUser {
  const claims = readTokenClaims(token ?? '');
  const id = given?.id ?? claims.userId ?? 'unknown';
  return { id, name: given?.name ?? claims.name ?? id, color: given?.color ?? peerColor(id) };
}
