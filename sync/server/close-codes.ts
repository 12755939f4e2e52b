// Close codes the server sends. y-websocket treats 4400-4499 as permanent and
// stops reconnecting, which is what a refused token or document needs: a retry
// would be refused again. The others are transient and the client retries.

export const CLOSE = {
  /** Standard: the server is shutting down; clients reconnect later. */
  goingAway: 1001,
  /** Standard: the document could not be saved; the client reconnects and resends. */
  internalError: 1011,
  /** Standard: too many connections; try again later. */
  tryAgainLater: 1013,
  /** A message the server cannot read, or a chart revision that does not validate. */
  badMessage: 4400,
  /** No token, a malformed or forged one, or an expired one. */
  unauthenticated: 4401,
  /** A valid token that does not allow this document (another patient), or a forged revision author. */
  forbidden: 4403,
  /** The path is not a chart document name (`emr/<patientId>/core`, …). */
  badDocument: 4404,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];
