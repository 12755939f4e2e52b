// The client side of sync: shares a patient's chart documents through the
// sync server (y-websocket), with presence and a status components can show.
// sync/server/ is the server, and is not exported here.
export {
  connectChart,
  ChartConnection,
  type ConnectChartOptions,
  type HeldDocument,
  type NoteLink,
} from './chart-connection.js';
export { listServerDocuments } from './server-documents.js';
export { peerColor } from './peer-color.js';
export { readTokenClaims, type TokenClaims } from './token-claims.js';
