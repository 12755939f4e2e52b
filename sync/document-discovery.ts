import type { WebsocketProvider } from 'y-websocket';
import { parseDocumentName, type LiveQuery } from '../model/index.js';
import { CHANGE_NOTICE, readChangeNotice, watchChangesMessage } from './change-notice.js';
import { readServerListing } from './server-documents.js';

// Which of the patient's documents a connection links besides the core one:
// those on this device (the store's names, now and as they are added), and
// those made elsewhere: listed by the server on every connection of the core
// document and now and again, and named by a server that offers it the
// moment another device changes one (sync/change-notice.ts).

export interface DocumentDiscoveryOptions {
  serverUrl: string;
  patientId: string;
  /** The patient's document names on this device. */
  names: LiveQuery<string[]>;
  /** Whether a document on this device is to be linked. */
  wanted(name: string): boolean;
  /** Whether a document the server lists is to be linked. */
  follows(name: string): boolean;
  /** The token to ask the server with; undefined while it is not to be asked (offline, refused, closed). */
  listingToken(): string | undefined;
  link(name: string): void;
  /** Another device changed a document of the chart: one resting between visits is due now. */
  changedElsewhere(name: string): void;
  /** The core document's provider: every time it syncs, it has just (re)connected. */
  core: WebsocketProvider;
  everyMs: number;
}

/** What a connection follows unless the host says otherwise: all but notes, which sync when opened. */
export function followedByDefault(name: string): boolean {
  return parseDocumentName(name)?.kind !== 'note';
}

/** Links the documents found, from now until the returned stop is called. */
export function discoverDocuments(options: DocumentDiscoveryOptions): () => void {
  const mine = (name: string) => parseDocumentName(name)?.patientId === options.patientId;
  const unsubscribe = options.names.subscribe({
    next: (names) => {
      for (const name of names) if (mine(name) && options.wanted(name)) options.link(name);
    },
  });

  const { core } = options;
  core.messageHandlers[CHANGE_NOTICE] = (_encoder, decoder) => {
    const name = readChangeNotice(decoder);
    if (!mine(name)) return;
    if (options.follows(name)) options.link(name);
    options.changedElsewhere(name);
  };
  /** The core socket notices were last asked for on: each new socket (a reconnection) asks again. */
  let watching: WebSocket | null = null;

  const askServer = async () => {
    const token = options.listingToken();
    if (!token) return;
    try {
      const listing = await readServerListing(options.serverUrl, options.patientId, token);
      for (const name of listing.documents)
        if (mine(name) && options.follows(name)) options.link(name);
      const socket = core.ws;
      if (listing.changeNotices && core.wsconnected && socket && socket !== watching) {
        watching = socket;
        socket.send(watchChangesMessage());
      }
    } catch {
      // Offline, or a server without the listing: documents made elsewhere wait for the next try.
    }
  };
  core.on('sync', (synced) => synced && void askServer());
  const every = setInterval(() => void askServer(), options.everyMs);

  return () => {
    unsubscribe();
    clearInterval(every);
    delete core.messageHandlers[CHANGE_NOTICE];
  };
}
