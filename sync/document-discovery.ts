import type { WebsocketProvider } from 'y-websocket';
import { parseDocumentName, type LiveQuery } from '../model/index.js';
import { listServerDocuments } from './server-documents.js';

// Which of the patient's documents a connection links besides the core one:
// those on this device (the store's names, now and as they are added), and
// those made elsewhere that the server lists, asked on every connection of
// the core document and now and again.

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

  const askServer = async () => {
    const token = options.listingToken();
    if (!token) return;
    try {
      const names = await listServerDocuments(options.serverUrl, options.patientId, token);
      for (const name of names) if (mine(name) && options.follows(name)) options.link(name);
    } catch {
      // Offline, or a server without the listing: documents made elsewhere wait for the next try.
    }
  };
  options.core.on('sync', (synced) => synced && void askServer());
  const every = setInterval(() => void askServer(), options.everyMs);

  return () => {
    unsubscribe();
    clearInterval(every);
  };
}
