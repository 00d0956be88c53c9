/** One failing field of a 400, as the server lists it in `errors[]`. */
export interface FieldError {
  in: 'body' | 'query' | 'path' | 'header';
  pointer: string;
  message: string;
}

/** An RFC 9457 problem the API answered, as a typed error carrying the server's own detail. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly type: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  /** The stable error code (`VALIDATION_FAILED`, `RATE_LIMITED`, …). */
  readonly code: string | undefined;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  /** The whole problem body, extensions included (`required_scope`, `reason`, …). */
  readonly problem: Record<string, unknown>;

  constructor(status: number, problem: Record<string, unknown>) {
    const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
    const title = typeof problem.title === 'string' ? problem.title : `HTTP ${status}`;
    super(detail ? `${title}: ${detail}` : title);
    this.status = typeof problem.status === 'number' ? problem.status : status;
    this.type = typeof problem.type === 'string' ? problem.type : 'about:blank';
    this.title = title;
    this.detail = detail;
    this.code = typeof problem.code === 'string' ? problem.code : undefined;
    this.errors = Array.isArray(problem.errors) ? (problem.errors as FieldError[]) : [];
    this.requestId = typeof problem.request_id === 'string' ? problem.request_id : undefined;
    this.problem = problem;
  }

  /** Reads a failed response: problem+json when the server sent it, otherwise a problem built from the text. */
  static async fromResponse(response: Response): Promise<ProblemError> {
    const text = await response.text();
    let body: Record<string, unknown> = { title: response.statusText || `HTTP ${response.status}` };
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        body = parsed as Record<string, unknown>;
    } catch {
      if (text) body.detail = text.slice(0, 500);
    }
    return new ProblemError(response.status, body);
  }
}

/** A document the SDK will not sign: it is not telemetry v1. Raised before any request is made. */
export class TelemetryDocumentError extends Error {
  override readonly name = 'TelemetryDocumentError';
}
