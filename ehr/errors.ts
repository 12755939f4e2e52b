// Errors of the bridge to the hospital's FHIR server. Each says what failed
// and where: the resource type, the request (never its token) and what the
// server answered, so a web team can tell their EHR's refusal from the kit's.

export type EhrErrorKind =
  /** 401 after the one refresh allowed, or no way to refresh. */
  | 'unauthorized'
  /** 403: the user or the app may not read this type. */
  | 'forbidden'
  /** 404: the patient, or the type, is not on this server. */
  | 'not-found'
  /** 429 or 503 on every attempt. */
  | 'unavailable'
  /** Another 4xx, with the server's OperationOutcome. */
  | 'refused'
  /** A 5xx. */
  | 'server'
  /** The server answered, but not with what FHIR R4 says it should. */
  | 'invalid-response'
  /** No answer: the server is unreachable or the connection broke. */
  | 'network'
  | 'aborted'
  /** The SMART launch could not complete (discovery, state, the token endpoint). */
  | 'launch';

export interface EhrErrorDetails {
  status?: number;
  /** The request, without its query's secrets (there are none in FHIR searches) and never its token. */
  url?: string;
  resourceType?: string;
  /** What the server said, in its own words (its OperationOutcome's text). */
  said?: string;
  cause?: unknown;
}

export class EhrError extends Error {
  override readonly name = 'EhrError';
  readonly kind: EhrErrorKind;
  readonly status?: number;
  readonly url?: string;
  readonly resourceType?: string;
  readonly said?: string;

  constructor(kind: EhrErrorKind, message: string, details: EhrErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.url = details.url;
    this.resourceType = details.resourceType;
    this.said = details.said;
  }
}

/** A pull that did not finish: what it saved, what failed and why. A repeated pull resumes from here. */
export class PullError extends Error {
  override readonly name = 'PullError';

  constructor(
    /** Types saved whole, as the server has them now. */
    readonly completed: readonly string[],
    /** Types not saved whole, each with why: nothing of them changed, or (newest first) only the part `partialFrom` says. */
    readonly failed: ReadonlyArray<{ resourceType: string; error: Error; partialFrom?: string }>,
  ) {
    super(
      `The chart was not pulled whole: ${failed.map(({ resourceType, error, partialFrom }) => `${resourceType} (${error.message}${partialFrom ? `; saved only back to ${partialFrom}` : '; nothing of it saved'})`).join('; ')}. ` +
        (completed.length > 0 ? `Saved whole: ${completed.join(', ')}. ` : '') +
        'Pull again to resume.',
    );
  }
}
