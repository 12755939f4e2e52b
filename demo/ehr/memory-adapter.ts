// Storage for one authorization server's codes, tokens, grants, sessions and
// interactions, in memory. oidc-provider's own in-memory adapter keeps one
// store for the whole process, so two servers in one test run would share
// it; this one is per server, and lets clients be registered at run time.

type Payload = Record<string, unknown> & {
  grantId?: string;
  uid?: string;
  userCode?: string;
  consumed?: number;
};

interface Entry {
  payload: Payload;
  expiresAt: number | undefined;
}

export interface AdapterStore {
  /** Saves a client's metadata, as a registration would. */
  registerClient(metadata: Record<string, unknown>): void;
  /** The adapter class to pass as oidc-provider's `adapter` option. */
  readonly Adapter: new (model: string) => unknown;
}

export function memoryAdapterStore(): AdapterStore {
  const entries = new Map<string, Entry>();
  const grantKeys = new Map<string, Set<string>>();

  const read = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  class MemoryAdapter {
    readonly #model: string;

    constructor(model: string) {
      this.#model = model;
    }

    #key(id: string): string {
      return `${this.#model}:${id}`;
    }

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      const key = this.#key(id);
      const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : undefined;
      entries.set(key, { payload, expiresAt });
      if (payload.grantId) {
        const keys = grantKeys.get(payload.grantId) ?? new Set<string>();
        keys.add(key);
        grantKeys.set(payload.grantId, keys);
      }
      if (payload.uid) entries.set(this.#key(`uid:${payload.uid}`), { payload: { id }, expiresAt });
      if (payload.userCode)
        entries.set(this.#key(`userCode:${payload.userCode}`), { payload: { id }, expiresAt });
    }

    async find(id: string): Promise<Payload | undefined> {
      return read(this.#key(id))?.payload;
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      const id = read(this.#key(`uid:${uid}`))?.payload.id;
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      const id = read(this.#key(`userCode:${userCode}`))?.payload.id;
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async consume(id: string): Promise<void> {
      const entry = read(this.#key(id));
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      entries.delete(this.#key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of grantKeys.get(grantId) ?? []) entries.delete(key);
      grantKeys.delete(grantId);
    }
  }

  return {
    Adapter: MemoryAdapter,
    registerClient(metadata) {
      entries.set(`Client:${String(metadata.client_id)}`, {
        payload: { ...metadata },
        expiresAt: undefined,
      });
    },
  };
}
