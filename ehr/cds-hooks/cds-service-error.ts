// Why a CDS service gave no cards. The kit turns each into a note beside the
// cards; a host may also catch them from the lower-level calls.

export type CdsServiceFailure =
  /** No answer before the host's time limit. */
  | 'timeout'
  /** 401 or 403: the service refused the signed request. */
  | 'unauthorized'
  /** Another status than 200. */
  | 'http'
  /** An answer that is not JSON, or not what CDS Hooks 2.0 says it should be. */
  | 'invalid-response'
  /** No answer: unreachable, or the connection broke. */
  | 'network';

export class CdsServiceError extends Error {
  override readonly name = 'CdsServiceError';

  constructor(
    readonly kind: CdsServiceFailure,
    message: string,
    readonly details: { url: string; status?: number; cause?: unknown } = { url: '' },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}
