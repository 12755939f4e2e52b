import type * as Y from 'yjs';

// A Yjs client id belongs to the user who first wrote with it. Yjs trusts
// client ids: a struct whose id the server already counts as held is
// skipped. So a clinician who wrote under a colleague's id (it is visible in
// every relayed update) would make the server drop the colleague's own later
// writes as already stored, while answering the colleague's sync as if all
// were well. The first user to write under an id owns it, for that
// document, for good (the binding is stored with the document); a struct
// under an id another user owns is refused.

export interface OwnershipCheck {
  /** The client id and its owner, when a struct is under another user's id. */
  taken?: { clientId: number; owner: string };
  /** Ids this write is the first to use: they become the writer's. */
  claims: number[];
}

export class ClientOwners {
  readonly #owners: Map<number, string>;

  constructor(owners: ReadonlyMap<number, string> = new Map()) {
    this.#owners = new Map(owners);
  }

  check(structs: ReadonlyArray<Y.Item | Y.GC>, userId: string): OwnershipCheck {
    const claims = new Set<number>();
    for (const { id } of structs) {
      const owner = this.#owners.get(id.client);
      if (owner === undefined) claims.add(id.client);
      else if (owner !== userId) return { taken: { clientId: id.client, owner }, claims: [] };
    }
    return { claims: [...claims] };
  }

  /** Owners another process recorded (ownership never changes, so one already known stays). */
  learn(owners: ReadonlyMap<number, string>): void {
    for (const [clientId, userId] of owners)
      if (!this.#owners.has(clientId)) this.#owners.set(clientId, userId);
  }

  /** Records ids as the user's, once the write that uses them is accepted. */
  claim(clientIds: readonly number[], userId: string): void {
    for (const clientId of clientIds) this.#owners.set(clientId, userId);
  }
}
