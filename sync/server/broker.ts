import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { decodeBrokerMessage, encodeBrokerMessage, type BrokerMessage } from './broker-messages.js';
import type { NoticeRelay } from './change-notices.js';
import type { FanOut, RoomListener, StoredBatch } from './fan-out.js';
import type { LogEntry } from './log.js';

// The sync processes of one deployment tell each other what they stored,
// their connections' presence, and which chart documents changed, through
// Redis pub/sub: a channel per open document, one per patient whose core
// document has connections asking for change notices. Pub/sub keeps
// nothing: a message missed (Redis restarted, a connection dropped) is read
// from the store instead, since every stored update has its number there.
// When the subscription comes back, every open room reads what it missed.

/** Updates larger than this together go by number only (Redis's default limit on a subscriber's backlog is 8 MiB over a minute). */
const MAX_CARRIED_BYTES = 256 * 1024;

export interface RedisBrokerOptions {
  /** redis://host:port (rediss:// for TLS). */
  url: string;
  /** Channel names start with this, so that deployments can share a Redis. Default "emr-sync:". */
  prefix?: string;
  log: (entry: LogEntry) => void;
}

export class RedisBroker implements FanOut, NoticeRelay {
  /** This process, in the messages it sends; its own come back and are left out. */
  readonly node = randomUUID();
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #prefix: string;
  readonly #log: (entry: LogEntry) => void;
  readonly #rooms = new Map<string, RoomListener>();
  readonly #patients = new Map<string, (document: string) => void>();
  #everReady = false;
  #closed = false;

  private constructor(options: RedisBrokerOptions) {
    this.#prefix = options.prefix ?? 'emr-sync:';
    this.#log = options.log;
    // A message that cannot go now is not queued: the others read it from the store.
    this.#publisher = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    this.#subscriber = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: null });
    for (const [role, client] of [
      ['publisher', this.#publisher],
      ['subscriber', this.#subscriber],
    ] as const) {
      client.on('error', (error: Error) =>
        this.#log({ event: 'broker-error', connection: role, error: error.message }),
      );
    }
    this.#subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.#receive(channel.toString(), message),
    );
    this.#subscriber.on('ready', () => void this.#resubscribed());
  }

  /** Connects both connections; rejects when Redis cannot be reached at start. */
  static async connect(options: RedisBrokerOptions): Promise<RedisBroker> {
    const broker = new RedisBroker(options);
    try {
      await Promise.all([broker.#publisher.connect(), broker.#subscriber.connect()]);
    } catch (error) {
      broker.#publisher.disconnect();
      broker.#subscriber.disconnect();
      throw new Error(`Redis at ${options.url}: ${(error as Error).message}`, { cause: error });
    }
    return broker;
  }

  /** Whether both connections are up. */
  get reachable(): boolean {
    return this.#publisher.status === 'ready' && this.#subscriber.status === 'ready';
  }

  async open(room: RoomListener): Promise<void> {
    this.#rooms.set(room.name, room);
    const channel = this.#documentChannel(room.name);
    if (this.#subscriber.status === 'ready') {
      await this.#subscriber
        .subscribe(channel)
        .catch((error: unknown) =>
          this.#log({ event: 'broker-error', document: room.name, error: String(error) }),
        );
    }
    // The others' connections' presence, for this process's first connection.
    this.#publish(channel, { kind: 'presence-query', node: this.node });
  }

  close(room: RoomListener): void {
    if (this.#rooms.get(room.name) !== room) return;
    this.#rooms.delete(room.name);
    if (this.#subscriber.status === 'ready')
      void this.#subscriber.unsubscribe(this.#documentChannel(room.name)).catch(() => undefined);
  }

  stored(document: string, batch: StoredBatch): void {
    // A large batch is told by its numbers alone, and read from the store: Redis drops a subscriber whose unread messages pile up.
    const bytes = batch.updates.reduce((sum, update) => sum + update.byteLength, 0);
    const told = bytes > MAX_CARRIED_BYTES ? { ...batch, updates: [], owners: [] } : batch;
    this.#publish(this.#documentChannel(document), {
      kind: 'stored',
      node: this.node,
      batch: told,
    });
  }

  presence(document: string, update: Uint8Array): void {
    this.#publish(this.#documentChannel(document), { kind: 'presence', node: this.node, update });
  }

  follow(patientId: string, onChanged: (document: string) => void): void {
    this.#patients.set(patientId, onChanged);
    if (this.#subscriber.status === 'ready')
      void this.#subscriber.subscribe(this.#patientChannel(patientId)).catch(() => undefined);
  }

  unfollow(patientId: string): void {
    this.#patients.delete(patientId);
    if (this.#subscriber.status === 'ready')
      void this.#subscriber.unsubscribe(this.#patientChannel(patientId)).catch(() => undefined);
  }

  changed(patientId: string, document: string): void {
    this.#publish(this.#patientChannel(patientId), { kind: 'changed', node: this.node, document });
  }

  /** Leaves Redis. */
  async disconnect(): Promise<void> {
    this.#closed = true;
    await Promise.all([
      this.#publisher.quit().catch(() => undefined),
      this.#subscriber.quit().catch(() => undefined),
    ]);
  }

  #documentChannel(document: string): string {
    return `${this.#prefix}doc:${document}`;
  }

  #patientChannel(patientId: string): string {
    return `${this.#prefix}patient:${patientId}`;
  }

  #publish(channel: string, message: BrokerMessage): void {
    if (this.#publisher.status !== 'ready') return;
    this.#publisher
      .publish(channel, Buffer.from(encodeBrokerMessage(message)))
      .catch((error: unknown) => {
        this.#log({ event: 'broker-publish-failed', channel, error: String(error) });
      });
  }

  #receive(channel: string, bytes: Buffer): void {
    let message: BrokerMessage;
    try {
      message = decodeBrokerMessage(bytes);
    } catch (error) {
      this.#log({ event: 'broker-message-refused', channel, error: String(error) });
      return;
    }
    if (message.node === this.node) return;
    if (channel.startsWith(`${this.#prefix}patient:`)) {
      if (message.kind === 'changed')
        this.#patients.get(channel.slice(this.#prefix.length + 'patient:'.length))?.(
          message.document,
        );
      return;
    }
    const room = this.#rooms.get(channel.slice(this.#prefix.length + 'doc:'.length));
    if (!room) return;
    switch (message.kind) {
      case 'stored':
        return room.stored(message.batch);
      case 'presence':
        return room.presence(message.update);
      case 'presence-query': {
        const presence = room.localPresence();
        if (presence) this.presence(room.name, presence);
        return;
      }
      case 'changed':
        return;
    }
  }

  /** The subscription is (back) up: every channel is subscribed again, then every room reads what it may have missed. */
  async #resubscribed(): Promise<void> {
    if (this.#closed) return;
    const channels = [
      ...[...this.#rooms.keys()].map((name) => this.#documentChannel(name)),
      ...[...this.#patients.keys()].map((id) => this.#patientChannel(id)),
    ];
    try {
      if (channels.length > 0) await this.#subscriber.subscribe(...channels);
    } catch (error) {
      this.#log({ event: 'broker-error', error: String(error) });
      return;
    }
    if (!this.#everReady) {
      this.#everReady = true;
      return;
    }
    this.#log({ event: 'broker-reconnected', documents: this.#rooms.size });
    for (const room of this.#rooms.values()) room.catchUp();
  }
}
