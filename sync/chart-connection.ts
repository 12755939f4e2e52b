import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import {
  coreDocumentName, noteDocumentName, parseDocumentName,
  type LiveQuery, type Peer, type SyncRefusal, type SyncState, type SyncStatusSource, type Unsubscribe,
} from '../model/index.js';
import { DocumentLink } from './document-link.js';
import { watchNetwork, type NetworkWatch } from './network-watch.js';
import { peerColor } from './peer-color.js';
import { peersIn } from './presence.js';
import { meaningOf } from './refusal.js';
import { listServerDocuments } from './server-documents.js';
import { syncStatus } from './sync-status.js';
import { Throttle } from './throttle.js';
import { readTokenClaims } from './token-claims.js';
import { TokenKeeper } from './token-keeper.js';

/** A document the store keeps loaded until `release()`: the store saves every update of `doc`. */
export interface HeldDoc {
  doc: Y.Doc;
  release(): void;
}

export interface ConnectChartOptions {
  /** The sync server, e.g. `wss://sync.example.org`; a document's name is appended as the path. */
  serverUrl: string;
  patientId: string;
  /** Holds a chart document by name (the store's `holdDocument`): the same Y.Doc the rest of the page uses. */
  documents(name: string): Promise<HeldDoc>;
  /** The patient's document names on this device, now and whenever one is added (the store's `documentNames`). */
  names: LiveQuery<string[]>;
  /** A fresh token for the sync server; asked again before expiry and when the server refuses one. */
  token(): Promise<string>;
  /** Who this device shows as in presence; read from the token (`sub`, `name`) when not given. */
  user?: { id: string; name: string; color?: string };
  /**
   * Which documents made elsewhere (listed by the server) to sync. Default: all but notes, which
   * sync when opened (`openNote`). A host may narrow it, to recent days of observations say.
   */
  follow?(name: string): boolean;
  /** How often to ask the server for documents made elsewhere, besides on every connection (ms). Default 30 s. */
  discoverEveryMs?: number;
  /** Presence goes out, and state comes in, at most this often (ms). Default 250. */
  throttleMs?: number;
  /** Connect at once (default), or wait for `connect()`. */
  connect?: boolean;
  WebSocketPolyfill?: typeof WebSocket;
}

/** A note document shared while an editor has it open. */
export interface NoteLink {
  /** Presence in the note: give it to the note editor's `awareness` (co-editors' cursors). */
  readonly awareness: Awareness;
  /** The editor closed the note; its changes still go out before the link is dropped. */
  close(): void;
}

interface Entry {
  held: HeldDoc;
  link: DocumentLink;
}

/** After a failed fetch of the first token (offline, say), the next try. */
const TOKEN_RETRY_MS = 5_000;

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
  readonly #entries = new Map<string, Promise<Entry | undefined>>();
  /** Links in place, as of the last change (those still opening are left out). */
  #settled: Entry[] = [];
  /** Open note editors per note document. */
  readonly #openNotes = new Map<string, number>();
  /** Notes sent and closed since: not linked again by this connection. */
  readonly #sent = new Set<string>();
  readonly #keeper: TokenKeeper;
  readonly #listeners = new Set<(state: SyncState) => void>();
  readonly #publish: Throttle;
  readonly #network: NetworkWatch;
  readonly #stops: Array<() => void> = [];
  /** Tokens fetched because one was refused: if one of these is refused too, give up. */
  readonly #fetchedOnRefusal = new Set<string>();
  #user: Peer | undefined;
  #token: 'fetching' | 'failed' | 'ready' = 'fetching';
  #refusal: SyncRefusal | undefined;
  #wantOnline: boolean;
  #destroyed = false;
  #state: SyncState;

  constructor(options: ConnectChartOptions) {
    this.#options = options;
    this.patientId = options.patientId;
    this.#core = coreDocumentName(options.patientId);
    this.#wantOnline = options.connect ?? true;
    this.#keeper = new TokenKeeper(options.token, (token) => this.#forEach((link) => link.setToken(token)));
    this.#publish = new Throttle(options.throttleMs ?? 250, () => this.#emit());
    this.#network = watchNetwork(() => this.#reconcile());
    this.#state = this.#compute();
    void this.#start();
  }

  get state(): SyncState {
    return this.#state;
  }

  subscribe(listener: (state: SyncState) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
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
  async openNote(noteId: string): Promise<NoteLink> {
    const name = noteDocumentName(this.patientId, noteId);
    this.#openNotes.set(name, (this.#openNotes.get(name) ?? 0) + 1);
    this.#sent.delete(name);
    let open = true;
    const close = () => {
      if (!open) return;
      open = false;
      const left = (this.#openNotes.get(name) ?? 1) - 1;
      if (left > 0) this.#openNotes.set(name, left);
      else this.#openNotes.delete(name);
      this.#changed();
    };
    const entry = await this.#whenReady().then(() => this.#ensure(name));
    if (!entry) {
      close();
      throw new Error(`note ${noteId} cannot be shared: the connection is closed or the note could not be opened`);
    }
    return { awareness: entry.link.awareness, close };
  }

  /** Leaves every document (others see this user go) and lets the store unload them. Call before closing the store. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#keeper.stop();
    this.#publish.cancel();
    this.#network.stop();
    for (const stop of this.#stops.splice(0)) stop();
    for (const name of [...this.#entries.keys()]) this.#drop(name);
    this.#listeners.clear();
  }

  #ready: Promise<void> | undefined;
  #whenReady(): Promise<void> {
    return this.#ready ?? Promise.resolve();
  }

  async #start(): Promise<void> {
    let ready!: () => void;
    this.#ready = new Promise((resolve) => (ready = resolve));
    while (!this.#destroyed && !(await this.#keeper.refresh().then(() => true, () => false))) {
      this.#token = 'failed';
      this.#changed();
      await this.#sleep(TOKEN_RETRY_MS);
    }
    this.#token = 'ready';
    this.#user = this.#presenceUser();
    ready();
    if (this.#destroyed) return;
    const core = await this.#ensure(this.#core);
    if (!core || this.#destroyed) return;
    // Documents on this device; notes among them only until they are sent.
    this.#stops.push(this.#options.names.subscribe({
      next: (names) => {
        for (const name of names) if (this.#mine(name) && !this.#sent.has(name)) void this.#ensure(name);
      },
    }));
    // Documents made elsewhere: asked on every connection of the core document, and now and again.
    core.link.provider.on('sync', (synced) => synced && void this.#discover());
    const every = setInterval(() => void this.#discover(), this.#options.discoverEveryMs ?? 30_000);
    this.#stops.push(() => clearInterval(every));
    this.#changed();
  }

  async #discover(): Promise<void> {
    const token = this.#keeper.current;
    if (this.#destroyed || this.#refusal || !token || !this.#online()) return;
    try {
      const names = await listServerDocuments(this.#options.serverUrl, this.patientId, token);
      for (const name of names) if (this.#mine(name) && this.#follows(name)) void this.#ensure(name);
    } catch {
      // Offline, or a server without the listing: documents made elsewhere wait for the next try.
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#stops.push(() => (clearTimeout(timer), resolve()));
    });
  }

  #presenceUser(): Peer {
    const given = this.#options.user;
    const claims = readTokenClaims(this.#keeper.current ?? '');
    const id = given?.id ?? claims.userId ?? 'unknown';
    return { id, name: given?.name ?? claims.name ?? id, color: given?.color ?? peerColor(id) };
  }

  #mine(name: string): boolean {
    return parseDocumentName(name)?.patientId === this.patientId;
  }

  #follows(name: string): boolean {
    return this.#options.follow ? this.#options.follow(name) : parseDocumentName(name)?.kind !== 'note';
  }

  #online(): boolean {
    return this.#wantOnline && !this.#network.offline && !this.#refusal;
  }

  /** The entry of a document, linking it first when it has none. */
  #ensure(name: string): Promise<Entry | undefined> {
    let entry = this.#entries.get(name);
    if (!entry) {
      entry = this.#link(name);
      this.#entries.set(name, entry);
    }
    return entry;
  }

  async #link(name: string): Promise<Entry | undefined> {
    const held = await this.#options.documents(name).catch(() => undefined);
    if (!held || this.#destroyed || !this.#entries.has(name)) {
      held?.release();
      if (!this.#destroyed) this.#entries.delete(name); // the next listing tries again
      return undefined;
    }
    const link = new DocumentLink({
      serverUrl: this.#options.serverUrl,
      name,
      doc: held.doc,
      token: this.#keeper.current!,
      user: this.#user!,
      connect: this.#online(),
      awarenessIntervalMs: this.#options.throttleMs ?? 250,
      ...(this.#options.WebSocketPolyfill && { WebSocketPolyfill: this.#options.WebSocketPolyfill }),
      onChange: () => this.#changed(),
      onRefused: (refused, code, reason) => void this.#onRefused(refused, code, reason),
    });
    // The store closed: nothing left to share.
    held.doc.once('destroy', () => this.#drop(name));
    this.#changed();
    return { held, link };
  }

  #drop(name: string): void {
    const entry = this.#entries.get(name);
    this.#entries.delete(name);
    void entry?.then((e) => {
      e?.link.destroy();
      e?.held.release();
    });
    this.#changed();
  }

  async #onRefused(link: DocumentLink, code: number, reason: string): Promise<void> {
    const meaning = meaningOf(code, reason);
    if (!meaning.retryWithNewToken) return this.#refuse(meaning.refusal);
    const used = link.tokenInUse;
    if (used && this.#fetchedOnRefusal.has(used)) return this.#refuse({ reason: 'unauthenticated', message: reason });
    let token = this.#keeper.current;
    if (!token || token === used) {
      try {
        token = await this.#keeper.refresh();
      } catch {
        return; // offline, or the token service is down: the keeper tries again, and its token reconnects this link below
      }
      this.#fetchedOnRefusal.add(token);
    }
    link.setToken(token);
    if (!this.#destroyed && this.#online()) link.connect();
  }

  #refuse(refusal: SyncRefusal): void {
    if (this.#refusal) return;
    this.#refusal = refusal;
    this.#keeper.stop();
    this.#reconcile();
  }

  /** Brings every link in line with whether the chart should be online now. */
  #reconcile(): void {
    const online = this.#online();
    this.#forEach((link) => {
      if (!online) link.disconnect();
      else if (link.phase === 'offline' || (link.phase === 'stopped' && !this.#refusal)) link.connect();
    });
    this.#changed();
  }

  #forEach(work: (link: DocumentLink) => void): void {
    for (const entry of this.#entries.values()) void entry.then((e) => e && !this.#destroyed && work(e.link));
  }

  #changed(): void {
    if (this.#destroyed) return;
    void Promise.all(this.#entries.values()).then((entries) => {
      if (this.#destroyed) return;
      this.#settled = entries.filter((e): e is Entry => e !== undefined);
      this.#dropSentNotes();
      this.#publish.request();
    });
  }

  /** A note no editor has open, not followed, whose changes the server has confirmed. */
  #dropSentNotes(): void {
    for (const { link } of this.#settled) {
      if (parseDocumentName(link.name)?.kind !== 'note' || this.#openNotes.has(link.name) || this.#follows(link.name)) continue;
      if (link.phase !== 'synced' || link.waiting > 0) continue;
      this.#sent.add(link.name);
      this.#drop(link.name);
    }
  }

  #compute(): SyncState {
    const links = this.#settled.filter((e) => this.#entries.has(e.link.name)).map((e) => e.link);
    const core = links.find((link) => link.name === this.#core);
    return syncStatus({
      phases: links.map((link) => link.phase),
      waiting: links.reduce((sum, link) => sum + link.waiting, 0),
      peers: core && this.#user ? peersIn(core.awareness, this.#user.id) : [],
      refusal: this.#refusal,
      offline: !this.#wantOnline || this.#network.offline,
      token: this.#token,
    });
  }

  #emit(): void {
    const next = this.#compute();
    if (sameState(next, this.#state)) return;
    this.#state = next;
    for (const listener of [...this.#listeners]) listener(next);
  }
}

function sameState(a: SyncState, b: SyncState): boolean {
  return a.status === b.status && a.waiting === b.waiting && a.refusal === b.refusal && a.peers.length === b.peers.length &&
    a.peers.every((p, i) => p.id === b.peers[i]!.id && p.name === b.peers[i]!.name && p.color === b.peers[i]!.color);
}
