// How a device learns of the patient's documents that other devices made (a
// day of observations, a note): the sync server lists the documents it holds
// for a patient the token allows, at GET /documents?patient=<id>&token=<t>,
// answering `{ "documents": ["emr/<id>/core", …], "changeNotices": true }`
// with CORS allowed. Asked on every (re)connection and then now and again.
// The chart documents themselves cannot carry an index: the server takes
// nothing from a client in them but new revisions. The token goes in the
// query, as for the socket, so that the request is a simple one (no CORS
// preflight).

/** The HTTP origin of a ws:// or wss:// sync server URL. */
export function httpUrlOf(serverUrl: string): string {
  return serverUrl.replace(/^ws(s?):\/\//i, 'http$1://').replace(/\/+$/, '');
}

/** What the server says of a patient's documents. */
export interface ServerListing {
  documents: string[];
  /** The server tells a core document's socket of changes to the others, when asked (change-notice.ts). */
  changeNotices: boolean;
}

/** The names of the patient's documents the server holds; rejects when it cannot say. */
export async function listServerDocuments(
  serverUrl: string,
  patientId: string,
  token: string,
): Promise<string[]> {
  return (await readServerListing(serverUrl, patientId, token)).documents;
}

/** The whole listing; rejects when the server cannot say. */
export async function readServerListing(
  serverUrl: string,
  patientId: string,
  token: string,
): Promise<ServerListing> {
  const url = `${httpUrlOf(serverUrl)}/documents?patient=${encodeURIComponent(patientId)}&token=${encodeURIComponent(token)}`;
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok)
    throw new Error(`the sync server did not list the documents (HTTP ${response.status})`);
  const body = (await response.json()) as { documents?: unknown; changeNotices?: unknown };
  if (!Array.isArray(body.documents))
    throw new Error('the sync server answered without a list of documents');
  return {
    documents: body.documents.filter((name): name is string => typeof name === 'string'),
    changeNotices: body.changeNotices === true,
  };
}
