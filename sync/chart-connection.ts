import {
  coreDocumentName,
  type LiveQuery,
  type PresenceUser,
  type SyncRefusal,
  type SyncState,
  type SyncStatusSource,
  type Unsubscribe,
} from '../model/index.js';
import { ChartTokens } from './chart-tokens.js';
import { discoverDocuments, followedByDefault } from './document-discovery.js';
import { DayVisits } from './day-visits.js';
import { DocumentLink } from './document-link.js';
import { LinkedDocuments, type HeldDocument } from './linked-documents.js';
import { watchNetwork, type NetworkWatch } from './network-watch.js';
import { NoteSharing, type NoteLink } from './note-sharing.js';
import { peersIn, presenceUser } from './presence.js';
import { SyncStateFeed } from './sync-state-feed.js';
import { syncStatus } from './chart-sync-state.js';

export type { HeldDocument } from './linked-documents.js';
export type { NoteLink } from './note-sharing.js';

export interface ConnectChartOptions {
  /** The sync server, e.g. `wss://sync.example.org`; a document's name is appended as the path. */
  serverUrl: string;
  patientId: string;
  /** Holds a chart document by name (the store's `holdDocument`): the same Y.Doc the rest of the page uses. */
  documents(name: string): Promise<HeldDocument>;
  /** The patient's document names on this device, now and whenever one is added (the store's `documentNames`). */
  names: LiveQuery<string[]>;
  /**
   * Local changes the server has not confirmed, by document, kept across reloads (the store's
   * `unsentChanges`): a chart opened offline then still says how many are waiting.
   */
  unsent?: LiveQuery<Readonly<Record<string, number>>>;
  /** A fresh token for the sync server; asked again before expiry and when the server refuses one. */
  token(): Promise<string>;
  /**
   * Who this device shows as in presence; read from the token (`sub`, `name`) when not given.
   * The kit's sync server replaces `id` and `name` with the token's, so others never see a name the token does not vouch for.
   */
  user?: { id: string; name: string; color?: string };
  /**
   * Which documents made elsewhere (listed by the server) to sync. Default: all but notes, which
   * sync when opened (`openNote`). A host may narrow it, to recent days of observations say.
   */
  follow?(name: string): boolean;
  /** How often to ask the server for documents made elsewhere, besides on every connection (ms). Default 30 s. */
  discoverEveryMs?: number;
  /**
   * Days of observations kept connected: the newest ones. Older days are synced in turn, connected
   * only while they catch up (a browser opens about 255 WebSockets in all). Default 14.
   */
  liveDays?: number;
  /** The rest between two rounds of catching up the older days (ms). Default 60 s. */
  visitEveryMs?: number;
  /** Presence goes out, and state comes in, at most this often (ms). Default 250. */
  throttleMs?: number;
  /** Connect at once (default), or wait for `connect()`. */
  connect?: boolean;
  WebSocketPolyfill?: typeof WebSocket;
}

/** Shares a patient's chart through the sync server. The connection is the status source for `<emr-sync-status>`. */
export function connectChart(options: ConnectChartOptions): ChartConnection {
  return new ChartConnection(options);
}

/**
 * One y-websocket provider per chart document of the patient: the core
 * document, every observation segment on this device or on the server, and
 * notes — while an editor has one open, and once at start for those on this
 * device, so that changes made offline go out. Presence (who else has the
 * chart open) comes from the core document.
 */
export class ChartConnection implements SyncStatusSource {
  readonly patientId: string;
  readonly #options: ConnectChartOptions;
  readonly #core: string;
  readonly #tokens: ChartTokens;
  readonly #documents: LinkedDocuments;
  readonly #notes: NoteSharing;
  readonly #network: NetworkWatch;
  readonly #feed: SyncStateFeed;
  readonly #visits: DayVisits;
  /** Settles once the first token is in (or on destroy): linking needs it, and the user it names. */
  readonly #ready: Promise<void>;
  #stopDiscovery: (() => void) | undefined;
  readonly #stopUnsent: Unsubscribe | undefined;
  /** The store's count of unsent local changes per document, as last told. */
  #unsent: Readonly<Record<string, number>> = {};
  #user: PresenceUser | undefined;
  #refusal: SyncRefusal | undefined;
  #wantOnline: boolean;
  #destroyed = false;

  constructor(options: ConnectChartOptions) {
    this.#options = options;
    this.patientId = options.patientId;
    this.#core = coreDocumentName(options.patientId);
    this.#wantOnline = options.connect ?? true;
    this.#tokens = new ChartTokens({
      fetch: options.token,
      onToken: (token) => this.#documents.forEach((link) => link.setToken(token)),
      onChange: () => this.#changed(),
      onRenewed: (link) => {
        if (!this.#destroyed && this.#online() && !this.#visits.rests(link.name)) link.connect();
      },
      onRefusal: (refusal) => this.#refuse(refusal),
    });
    this.#documents = new LinkedDocuments({
      hold: (name) => options.documents(name),
      link: (name, held) => this.#link(name, held),
      onChange: () => this.#changed(),
    });
    this.#visits = new DayVisits({
      liveDays: options.liveDays ?? 14,
      restMs: options.visitEveryMs ?? 60_000,
      concurrency: 4,
      visitTimeoutMs: 15_000,
      links: () => this.#documents.links,
      online: () => !this.#destroyed && this.#online(),
    });
    this.#notes = new NoteSharing({
      patientId: options.patientId,
      share: (name) => this.#ready.then(() => this.#documents.ensure(name)),
      unshare: (name) => this.#documents.drop(name),
      follows: (name) => this.#follows(name),
      onChange: () => this.#changed(),
    });
    this.#network = watchNetwork(() => this.#reconcile());
    this.#feed = new SyncStateFeed(options.throttleMs ?? 250, () => this.#compute());
    this.#stopUnsent = options.unsent?.subscribe({
      next: (unsent) => {
        this.#unsent = unsent;
        this.#changed();
      },
    });
    this.#ready = this.#firstToken();
    void this.#ready.then(() => this.#shareChart());
  }

  get state(): SyncState {
    return this.#feed.state;
  }

  subscribe(listener: (state: SyncState) => void): Unsubscribe {
    return this.#feed.subscribe(listener);
  }

  /** Goes online again after `disconnect()`. A refusal stays: it needs a new connection (a new sign-in). */
  connect(): void {
    this.#wantOnline = true;
    this.#reconcile();
  }

  /** Works offline: changes are still saved on this device, and count as waiting. */
  disconnect(): void {
    this.#wantOnline = false;
    this.#reconcile();
  }

  /** Shares a note while an editor has it open; the same note opened twice is shared once. */
  openNote(noteId: string): Promise<NoteLink> {
    return this.#notes.open(noteId);
  }

  /** Leaves every document (others see this user go) and lets the store unload them. Call before closing the store. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#tokens.stop();
    this.#visits.stop();
    this.#stopUnsent?.();
    this.#feed.stop();
    this.#network.stop();
    this.#stopDiscovery?.();
    this.#documents.close();
  }

  async #firstToken(): Promise<void> {
    await this.#tokens.first();
    this.#user = presenceUser(this.#options.user, this.#tokens.current);
  }

  /** Links the core document, then every other document of the chart as it is found. */
  async #shareChart(): Promise<void> {
    if (this.#destroyed) return;
    const core = await this.#documents.ensure(this.#core);
    if (!core || this.#destroyed) return;
    this.#stopDiscovery = discoverDocuments({
      serverUrl: this.#options.serverUrl,
      patientId: this.patientId,
      names: this.#options.names,
      // Notes on this device only until they are sent.
      wanted: (name) => !this.#notes.wasSent(name),
      follows: (name) => this.#follows(name),
      listingToken: () => (this.#destroyed || !this.#online() ? undefined : this.#tokens.current),
      link: (name) => void this.#documents.ensure(name),
      changedElsewhere: (name) => this.#visits.changedElsewhere(name),
      core: core.link.provider,
      everyMs: this.#options.discoverEveryMs ?? 30_000,
    });
    this.#changed();
  }

  #link(name: string, held: HeldDocument): DocumentLink {
    // A newer day may send an older one to rest.
    this.#visits.rebalance(this.#documents.names());
    return new DocumentLink({
      serverUrl: this.#options.serverUrl,
      name,
      doc: held.doc,
      ...(held.markSent && { markSent: held.markSent }),
      token: this.#tokens.current!,
      user: this.#user!,
      connect: this.#online() && !this.#visits.rests(name),
      awarenessIntervalMs: this.#options.throttleMs ?? 250,
      ...(this.#options.WebSocketPolyfill && {
        WebSocketPolyfill: this.#options.WebSocketPolyfill,
      }),
      onChange: () => {
        this.#changed();
        // A change made here to a resting day is sent at once.
        if (this.#visits.rests(name)) this.#visits.wake();
      },
      onRefused: (refused, code, reason) => void this.#tokens.retryRefused(refused, code, reason),
    });
  }

  #follows(name: string): boolean {
    return this.#options.follow ? this.#options.follow(name) : followedByDefault(name);
  }

  #online(): boolean {
    return this.#wantOnline && !this.#network.offline && !this.#refusal;
  }

  #refuse(refusal: SyncRefusal): void {
    if (this.#refusal) return;
    this.#refusal = refusal;
    this.#reconcile();
  }

  /** Brings every link in line with whether the chart should be online now. */
  #reconcile(): void {
    const online = this.#online();
    this.#documents.forEach((link) => {
      if (!online) link.disconnect();
      else if (this.#visits.rests(link.name))
        return; // connected by its visits
      else if (link.phase === 'offline' || (link.phase === 'stopped' && !this.#refusal))
        link.connect();
    });
    this.#visits.wake();
    this.#changed();
  }

  #changed(): void {
    if (this.#destroyed) return;
    this.#documents.settle((links) => {
      this.#notes.dropSent(links);
      this.#visits.wake(); // a day linked to rest is due for its first visit
      this.#feed.changed();
    });
  }

  /**
   * Per document, this session's count once the server has confirmed what the
   * device had; before that (or with no link at all, offline since a reload)
   * the store's count, which includes earlier sessions.
   */
  #waiting(links: readonly DocumentLink[]): number {
    const byName = new Map(links.map((link) => [link.name, link]));
    let waiting = 0;
    for (const name of new Set([...byName.keys(), ...Object.keys(this.#unsent)])) {
      const link = byName.get(name);
      waiting += link?.confirmedOnce
        ? link.waiting
        : Math.max(link?.waiting ?? 0, this.#unsent[name] ?? 0);
    }
    return waiting;
  }

  #compute(): SyncState {
    const links = this.#documents.links;
    const core = links.find((link) => link.name === this.#core);
    return syncStatus({
      // Resting days are offline between visits by design; what they hold of this device's counts in `waiting`.
      phases: links.filter((link) => !this.#visits.rests(link.name)).map((link) => link.phase),
      waiting: this.#waiting(links),
      peers: core && this.#user ? peersIn(core.awareness, this.#user.id) : [],
      refusal: this.#refusal,
      offline: !this.#wantOnline || this.#network.offline,
      token: this.#tokens.phase,
    });
  }
}
